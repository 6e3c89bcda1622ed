# The diff the README and the man page show.
run: diff --sections-only samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
has: sections: 3 changed, 5 added, 1 removed, 6 renumbered, 272 unchanged
has: renumbered  10 -> 11           SUPPLEMENTARY PRACTICES FOR QUALIFIED WEBSITE CERTIFICATES

# The same ISRG CPS v2.4 as HTML and as XHTML: no section changed.
needs: corpus
run: diff --sections-only $CORPUS/isrg-cps-v2.4-2018-09-20.html $CORPUS/isrg-cps-v2.4-2018-09-20.xhtml
exit: 1
has: sections: 0 changed, 0 added, 0 removed, 0 renumbered, 253 unchanged

# GitHub commands: a missing input is an ::error for that file, missing
# sections point at the previous heading; min-level hides notices.
run: check --as-of 2024-01-01 --format github --min-level warning samples/xhtml-cps-nordwind-v1.3.xhtml tests/cli/data/no-such.html
exit: 2
has: ::error file=tests/cli/data/no-such.html,title=cpslint%3A cannot check this document::No such file or directory
has: ::error file=samples/xhtml-cps-nordwind-v1.3.xhtml,line=259,title=cpslint mozilla.3.3.missing-section::4.6.1
lacks: ::notice

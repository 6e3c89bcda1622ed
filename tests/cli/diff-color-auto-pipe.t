# --color auto (the default) into a pipe or file: no colour, even without NO_COLOR.
run: diff --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
env: NO_COLOR=
exit: 0
has: [-398-] {+200+} days
lacks: [

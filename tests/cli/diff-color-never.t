# --color never, and auto when the output is not a terminal: no colour.
run: diff --color never --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
env: NO_COLOR=
exit: 0
has: [-398-] {+200+} days
lacks: [

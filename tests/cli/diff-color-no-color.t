# NO_COLOR wins over --color always; no escape sequence at all.
run: diff --color always --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
env: NO_COLOR=1
exit: 0
has: [-398-] {+200+} days
lacks: [

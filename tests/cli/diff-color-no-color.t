# NO_COLOR turns the automatic colour off, as in check; an explicit
# --color always overrides it (no-color.org), like check's.
run: diff --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
env: NO_COLOR=1
exit: 0
has: [-398-] {+200+} days
lacks: [

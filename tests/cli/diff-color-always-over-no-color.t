# --color always overrides NO_COLOR (no-color.org: an explicit option wins),
# as in check.
run: diff --color always --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
env: NO_COLOR=1
exit: 0
has: [31m[-398-][0m [32m{+200+}[0m days

# --color always: removed words red, added green (ANSI), marks kept (NO_COLOR
# empty counts as unset).
run: diff --color always --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
env: NO_COLOR=
exit: 0
has: [31m[-398-][0m [32m{+200+}[0m days
has: [36m@@ 6.3.2 (old 24, new 24) @@

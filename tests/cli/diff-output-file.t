# -o FILE: the report goes to FILE (written atomically, outfile.c), nothing
# to standard output; the exit status is the diff's.
run: diff -o $TMP/report.txt --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
lacks: result:
in-file: $TMP/report.txt
has: row "Subscriber certificates": [-398-] {+200+} days | [-398-] {+200+} days
has: result: pass

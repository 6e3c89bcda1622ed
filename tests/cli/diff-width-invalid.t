# --width is a number of columns, at least 20.
run: diff --width 5 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 2
err-has: invalid --width '5' (a number of columns, 20 or more)

# --fail-on never: report, never fail.
run: diff --fail-on never samples/diff/example-v1.html samples/diff/example-v1.html
exit: 0
has: NOT INCREMENTED
has: result: pass

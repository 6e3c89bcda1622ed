# diff: an option that takes a value never takes the next option.
run: diff --fail-on --as-of 2026-01-01 samples/diff/example-v1.html samples/diff/example-v2.html
exit: 2
err-has: cpslint: diff: --fail-on needs a value: '--as-of' is an option

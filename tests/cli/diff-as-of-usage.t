# diff shares check's --as-of parser: an impossible date is "no such date"
# (2025 is not a leap year).
run: diff --as-of 2025-02-29 samples/diff/example-v1.html samples/diff/example-v2.html
exit: 2
err-has: cpslint: diff: --as-of: '2025-02-29' is no such date

# An option that takes a value never takes the next option as its value:
# "--as-of --format json" is an error naming --as-of, not a date error on
# "--format" nor a report in the wrong format. "-" stays a value (-o -).
run: check --as-of --format json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: --as-of needs a value: '--format' is an option (give the value right after --as-of)

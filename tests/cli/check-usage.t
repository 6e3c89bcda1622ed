# Bad option values are usage errors: a date that is not one is "not
# YYYY-MM-DD, doc or today".
run: check --as-of 2019-1-01 samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: --as-of: '2019-1-01' is not YYYY-MM-DD, doc or today

# Bad option values are usage errors.
run: check --as-of 2019-13-01 samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: --as-of: '2019-13-01' is not YYYY-MM-DD, doc or today

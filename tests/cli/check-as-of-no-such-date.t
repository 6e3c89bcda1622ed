# A well-formed but impossible date is "no such date", not a format error
# (February 2026 has 28 days; month 13 does not exist).
run: check --as-of 2026-02-30 samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: --as-of: '2026-02-30' is no such date

# A wrong --kind is a usage error that names the allowed values.
run: check --kind nonsense samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: invalid --kind 'nonsense' (allowed: cp, cps, cp-cps, not-a-policy)

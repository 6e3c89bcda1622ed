# outline takes --kind and refuses a wrong one with the allowed values.
run: outline --kind policy samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: outline: invalid --kind 'policy' (allowed: cp, cps, cp-cps, not-a-policy)

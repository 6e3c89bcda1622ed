# diff takes --kind and refuses a wrong one with the allowed values.
run: diff --kind CPS samples/diff/example-v1.html samples/diff/example-v2.html
exit: 2
err-has: cpslint: diff: invalid --kind 'CPS' (allowed: cp, cps, cp-cps, not-a-policy)

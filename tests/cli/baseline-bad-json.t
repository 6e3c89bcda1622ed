# A baseline that is not strict JSON is refused with FILE:LINE, exit 2.
run: check --baseline tests/cli/data/baseline-bad-json.json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: tests/cli/data/baseline-bad-json.json:58: JSON: trailing comma before ']'

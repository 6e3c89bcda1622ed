# A baseline that is not strict JSON is refused with FILE:LINE, exit 2.
run: check --only-ruleset tests/cli/data/ci.rules --baseline tests/cli/data/baseline-bad-json.json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: tests/cli/data/baseline-bad-json.json:31: JSON: trailing comma before ']'

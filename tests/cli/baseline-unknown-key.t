# A misspelt key (expiry for expires) is an error, not silently ignored.
run: check --only-ruleset tests/cli/data/ci.rules --baseline tests/cli/data/baseline-unknown-key.json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: tests/cli/data/baseline-unknown-key.json:21: baseline entry: unknown key "expiry"

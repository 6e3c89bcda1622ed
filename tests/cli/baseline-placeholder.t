# The placeholder reason --write-baseline writes is refused until a
# person replaces it.
run: check --only-ruleset tests/cli/data/ci.rules --baseline tests/cli/data/baseline-placeholder.json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: tests/cli/data/baseline-placeholder.json:27: baseline entry: replace the placeholder reason

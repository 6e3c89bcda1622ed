# A baseline that does not exist is an error (a typo must not open the gate).
run: check --only-ruleset tests/cli/data/ci.rules --baseline tests/cli/data/no-such-baseline.json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: tests/cli/data/no-such-baseline.json: No such file or directory

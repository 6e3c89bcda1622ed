# Entries for documents not checked in this run are not stale (a
# pre-commit hook checks only the changed files).
run: check --only-ruleset tests/cli/data/ci.rules --baseline tests/cli/data/baseline-fr-sample.json samples/en-cps-example-ca-v6.0.html
exit: 0
lacks: stale

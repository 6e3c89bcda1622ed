# --show-all lists a failing rule whose findings a baseline accepts as a
# row with its counts (not among the findings, which it does not show).
run: check --show-all --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --baseline tests/cli/data/baseline-fr-sample.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 0
has: Other rules:
has: FAIL          error   ci.dv.3.2.2.4.1 (1 finding, 1 baselined)
has: UPCOMING      warning ci.dv.3.2.2.4.3 (1 finding, 1 baselined)
has:         becomes effective 2019-06-01 (as of 2019-05-09)
lacks: >>3.2.2.4.1<<
lacks: --show-all lists them

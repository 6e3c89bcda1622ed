# Every finding of the French sample (as of 2019-05-09) is in the
# baseline with a reason: exit 0, the findings are not shown in text,
# the counts say how many were baselined.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --baseline tests/cli/data/baseline-fr-sample.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 0
has: 0 errors, 0 warnings, 0 notices, 3 baselined
lacks: >>3.2.2.4.5<<
lacks: stale
has: 3 rules failing with every finding baselined, suppressed or below --min-level; --show-all lists them
lacks: Errors and upcoming deadlines:

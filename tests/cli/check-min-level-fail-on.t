# What fails does not depend on what is shown: a warning below
# --min-level error still fails with --fail-on warning.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 -q --min-level error --fail-on warning --disable ci.dv.3.2.2.4.1 --disable ci.dv.3.2.2.4.5 samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: 0 errors, 0 warnings, 0 notices, 1 below --min-level

# A suppressed finding does not fail the run: with the CI rules only the
# mention of method 3.2.2.4.3 in 3.2.2.4 would fail, and its directive
# suppresses it (the directives' own problems are warnings: --fail-on
# error passes). Line format leaves suppressed findings out.
run: check --only-ruleset tests/cli/data/ci.rules --format line --as-of 2019-05-09 tests/data/suppress-en.html
exit: 0
lacks: [ci.dv.3.2.2.4.3]
has: tests/data/suppress-en.html:13:1: warning: cpslint-disable gives no reason after " -- ": it suppresses nothing [cpslint.suppression.no-reason]

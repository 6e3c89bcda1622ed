# The directives' own problems are warnings: --fail-on warning fails on them
# (the suppressed finding still does not count).
run: check --only-ruleset tests/cli/data/ci.rules --fail-on warning --format github --as-of 2019-05-09 tests/data/suppress-en.html
exit: 1
lacks: ci.dv.3.2.2.4.3::
has: title=cpslint cpslint.suppression.no-reason::
has: cpslint: 1 document: 0 errors, 6 warnings, 0 notices, 1 suppressed

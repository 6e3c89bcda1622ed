# The same pair gates CI with --fail-on warning.
run: check --only-ruleset ccadb -q --fail-on warning --pair samples/translation/dpc-fr-v5.1.html samples/translation/cps-en-v5.0-behind.html
exit: 1
has: 0 errors, 2 warnings

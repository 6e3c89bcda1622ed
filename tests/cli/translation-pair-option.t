# --pair ORIGINAL ENGLISH is the same check as --translation, per pair
# (--show-all: the passing pair rules are listed).
run: check --only-ruleset ccadb --show-all --pair samples/translation/dpc-fr-v5.1.html samples/translation/cps-en-v5.1.html
exit: 0
has: English version: samples/translation/cps-en-v5.1.html
has: PASS                  ccadb.translation-sections
has: 0 errors, 0 warnings, 0 notices
lacks: FAIL
lacks: Errors and upcoming deadlines:
lacks: Warnings and notices:

# A French document with no English version: english-version fails and
# the pair rules are n/a, saying how to give one.
run: check -v samples/translation/dpc-fr-v5.1.html
exit: 1
has: FAIL          error   ccadb.english-version
has: N/A                   ccadb.translation-version
has: no English version to compare: give one with --translation or --pair

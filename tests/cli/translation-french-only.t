# A French document with no English version: english-version fails and
# the pair rules are n/a, saying how to give one (-v lists every rule,
# as --show-all does, with its note).
run: check -v samples/translation/dpc-fr-v5.1.html
exit: 1
has: error     1 Introduction, line 23  [ccadb.english-version]
has: N/A                   ccadb.translation-version
has: no English version to compare: give one with --translation or --pair

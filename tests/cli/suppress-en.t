# Inline suppression (tests/data/suppress-en.html, a fictional CPS): the
# "cpslint-disable br.6.3.2.subscriber-validity -- reason" comment in 6.3
# suppresses that rule's finding in 6.3.2 (its subtree): not counted, listed
# as suppressed with the reason. A directive without "-- reason", one naming
# an unknown rule and "cpslint-disable-next-line" are warnings of built-in
# rules and suppress nothing (br.1.5.2.contact-means stays an error).
run: check --as-of 2019-05-09 tests/data/suppress-en.html
exit: 1
lacks: "three (3) years" is beyond the maximum
has: Suppressed in the document (1, cpslint-disable):
has:   - br.6.3.2.subscriber-validity 6.3.2, line 28: directive at line 26: the Policy Authority accepted it on 2019-02-20 until version 1.5 (ticket LT-7)
has: warning   1.5.2 Contact person, line 13  [cpslint.suppression.no-reason]
has: cpslint-disable gives no reason after " -- ": it suppresses nothing
has: cpslint-disable names "br.1.5.9.nosuch", which no loaded ruleset has
has: "cpslint-disable-next-line" is not a cpslint directive: it suppresses nothing
has: error     1.5.2 Contact person, line 11  [br.1.5.2.contact-means]
lacks: [br.6.3.2.subscriber-validity]
has: tests/data/suppress-en.html: 4 errors, 8 warnings, 2 notices, 1 suppressed;

# The text checklist quotes the offending sentence with the match marked,
# and gives the citation with its effective date.
run: check --as-of 2019-05-09 --color never samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: FAIL          error   br.4.9.3.problem-reporting
has: [BR 4.9.3 (Ballot SC-006), effective 2018-10-14]
has: BR>>3.2.2.4.5<< (document
has: - 1.5.2 Point de contact
has: 6 errors, 1 warning, 0 notices
lacks: [31m
has: UPCOMING      warning br.3.2.2.4.3.retired

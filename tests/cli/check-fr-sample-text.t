# The text report puts the answer first: errors and upcoming deadlines,
# each entry naming its section, heading and line and the rule, the
# offending sentence quoted with the match marked, the message and the
# citation with its effective date; the manual checks follow, then one
# line counting the rules that passed, were n/a or are not yet effective.
run: check --as-of 2019-05-09 --color never samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: Errors and upcoming deadlines:
has: error     1.5.2 Point de contact, line 389  [br.4.9.3.problem-reporting]
has:           [BR 4.9.3 (Ballot SC-006), effective 2018-10-14]
has: BR>>3.2.2.4.5<< (document
has: upcoming  3.2.3.3 Vérification des noms de domaine (FQDN), line 456  [br.3.2.2.4.3.retired]
has:           becomes effective 2019-06-01 (as of 2019-05-09)
has: Manual checks:
has:   - lint issued certificates (crt.sh, zlint, pkilint): the text states a limit, the certificates must keep it  [br.6.3.2.issued-certificates]
has: 35 rules passed, 4 not applicable, 46 not yet effective; --show-all lists them
has: 6 errors, 1 warning, 0 notices
lacks: [31m
lacks: PASS
lacks: NOT-EFFECTIVE
lacks: N/A
lacks: FAIL

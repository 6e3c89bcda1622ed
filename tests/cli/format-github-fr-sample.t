# GitHub workflow commands for the French sample (the fixed CI ruleset):
# one annotation per finding on its line, level by severity, escaped
# newlines.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format github samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: ::error file=samples/fr-dpc-autorite-exemple-v4.2.html,line=456,title=cpslint ci.dv.3.2.2.4.5::3.2.3.3 Vérification des noms de domaine (FQDN): offers domain validation method 3.2.2.4.5%0A“…
has: ::warning file=samples/fr-dpc-autorite-exemple-v4.2.html,line=456,title=cpslint ci.dv.3.2.2.4.3::
has: %0A[BR 3.2.2.4.5 (Ballot 218)]
has: cpslint: 1 document: 2 errors, 1 warning, 0 notices

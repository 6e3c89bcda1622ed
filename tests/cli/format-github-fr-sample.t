# GitHub workflow commands for the French sample: one annotation per
# finding on its line, level by severity, escaped newlines.
run: check --as-of 2019-05-09 --format github samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: ::error file=samples/fr-dpc-autorite-exemple-v4.2.html,line=456,title=cpslint br.3.2.2.4.5.retired::3.2.3.3 Vérification des noms de domaine (FQDN): offers domain validation method 3.2.2.4.5
has: ::warning file=samples/fr-dpc-autorite-exemple-v4.2.html,line=456,title=cpslint br.3.2.2.4.3.retired::
has: ::error file=samples/fr-dpc-autorite-exemple-v4.2.html,line=389,title=cpslint br.1.5.2.contact-means::
has: %0A[BR 3.2.2.4.5 (Ballot 218)]
has: cpslint: 1 document: 5 errors, 1 warning, 0 notices

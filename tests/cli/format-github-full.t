# GitHub commands with the installed rulesets: the 2019 findings are there.
run: check --as-of 2019-05-09 --format github samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: ::error file=samples/fr-dpc-autorite-exemple-v4.2.html,line=456,title=cpslint br.3.2.2.4.5.retired::3.2.3.3
has: ::error file=samples/fr-dpc-autorite-exemple-v4.2.html,line=389,title=cpslint br.1.5.2.contact-means::

# --format line: one line per finding as compilers print them
# (FILE:LINE:COL: severity: message [rule], COL 1), an unreadable input as
# an error line on line 1, nothing else.
run: check --format line --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html nosuch.html
exit: 2
has: samples/fr-dpc-autorite-exemple-v4.2.html:456:1: warning: offers domain validation method 3.2.2.4.3 (Phone Contact with Domain Contact), which the BRs forbid from 2019-06-01; offered in its sentence ("l'une des methodes suivantes") [br.3.2.2.4.3.retired]
has: samples/fr-dpc-autorite-exemple-v4.2.html:762:1: error: "trois (3) ans" is beyond the maximum in force on 2019-05-09
has: nosuch.html:1:1: error: No such file or directory
lacks: total:
lacks: rules:

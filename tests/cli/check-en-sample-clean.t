# The conforming English sample passes every rule in force today.
run: check samples/en-cps-example-ca-v6.0.html
exit: 0
has: 0 errors, 0 warnings, 0 notices
lacks: FAIL

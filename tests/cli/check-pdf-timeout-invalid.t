# --pdf-timeout takes 1 to 86400 seconds, in check as in outline and diff.
run: check --pdf-timeout 0 samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: invalid --pdf-timeout '0' (1 to 86400 seconds)

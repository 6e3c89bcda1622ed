# --config naming no file: exit 2 naming it.
run: check --config $TMP/none $ROOT/samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: none: cannot open

# A bad value is FILE:LINE, exit 2; so is a single key given twice.
setup: printf 'fail-on = loud\n' > $TMP/c && printf 'as-of = doc\nas-of = today\n' > $TMP/d
run: check --config $TMP/c $ROOT/samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: /c:1: fail-on: 'loud' is not error, warning, notice or never

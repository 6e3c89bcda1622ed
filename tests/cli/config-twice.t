# A key that takes one value, given twice: FILE:LINE of the second, exit 2.
setup: printf 'as-of = doc\n\nas-of = today\n' > $TMP/d
run: check --config $TMP/d $ROOT/samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: /d:3: key 'as-of' given twice

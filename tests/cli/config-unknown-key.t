# An unknown key is FILE:LINE, exit 2, and names the keys there are.
setup: printf '# settings\nfail-on = warning\ncolour = never\n' > $TMP/c
run: check --config $TMP/c $ROOT/samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: /c:3: unknown key 'colour' (ruleset, only-ruleset, enable, disable, fail-on, min-level, baseline, as-of, exclude)

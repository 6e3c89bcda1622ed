# A rule id no ruleset has, in the file: refused once the rules are
# loaded, with the line that named it, exit 2.
setup: printf 'fail-on = never\n\ndisable = br.4.9.3 nope.x\n' > $TMP/c
run: check --config $TMP/c $ROOT/samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: /c:3: no rule matches 'nope.x'

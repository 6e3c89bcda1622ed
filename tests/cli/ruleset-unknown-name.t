# An unknown ruleset name lists the installed ones, exit 2.
run: rules --ruleset nope
exit: 2
err-has: unknown ruleset 'nope' (installed: cabf-br, ccadb, chrome, mozilla, rfc3647)

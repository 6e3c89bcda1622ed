# An unknown rule id: exit 2 naming the rules near it.
run: explain br.3.2.2.4.99
exit: 2
err-has: cpslint: explain: no rule 'br.3.2.2.4.99'; rules near it: br.3.2.2.4.1.retired

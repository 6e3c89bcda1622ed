# --rules-url: an organisation's copy of docs/rules.md, linked by anchor.
run: explain --rules-url https://docs.example.org/cpslint/rules.html br.2.3.annual-update
exit: 0
has: Rules documentation: https://docs.example.org/cpslint/rules.html#br23annual-update

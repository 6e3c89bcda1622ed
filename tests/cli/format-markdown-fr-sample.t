# The Markdown checklist of the French sample: a table row per finding,
# the match in bold, the other rules in a collapsed table.
run: check --as-of 2019-05-09 --format markdown samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: ### cpslint: samples/fr-dpc-autorite-exemple-v4.2.html
has: | Status | Severity | Rule | Section | Line | Finding |
has: | FAIL | error | br.3.2.2.4.5.retired | 3.2.3.3 Vérification des noms de domaine (FQDN) | 456 | offers domain validation method 3.2.2.4.5
has: BR**3.2.2.4.5** (document
has: | UPCOMING | warning | br.3.2.2.4.3.retired |
has: <details><summary>

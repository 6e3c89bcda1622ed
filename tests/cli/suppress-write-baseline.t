# --write-baseline leaves suppressed findings out (their reason is in the
# document; an entry would go on accepting them once the directive is
# gone) and keeps the directives' own warnings like any finding.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2025-07-01 -q --write-baseline $TMP/b.json tests/data/suppress-fr.md
exit: 1
in-file: $TMP/b.json
schema: none
json: sorted((e["rule"], e["section"]) for e in d["entries"]) == [("ci.dv.3.2.2.4.1", "4.1"), ("ci.dv.3.2.2.4.5", "4.1"), ("cpslint.suppression.no-reason", "1.5.2"), ("cpslint.suppression.unknown-rule", "4.1")]

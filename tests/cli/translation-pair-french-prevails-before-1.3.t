# The day before CCADB 1.3 (2023-10-25) the English version need not be
# authoritative yet: the rule is upcoming (a warning ahead of the date).
run: check --ruleset ccadb --as-of 2023-10-24 --format json samples/translation/dpc-fr-v5.1.html --translation samples/translation/cps-en-v5.1-french-prevails.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-authoritative"] == "upcoming"
json: [f["severity"] for f in d["documents"][0]["findings"] if f["rule"] == "ccadb.translation-authoritative"] == ["warning"]
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-version"] == "pass"

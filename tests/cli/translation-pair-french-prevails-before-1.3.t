# The day before CCADB 1.3 (2023-10-25) the English version need not be
# authoritative yet. CCADB 1.3 was published that day (its version date:
# `adopted`), so the day before there is nothing to warn of: not-effective,
# not upcoming (issue 13: no upcoming before the source is adopted).
run: check --only-ruleset ccadb --as-of 2023-10-24 --format json samples/translation/dpc-fr-v5.1.html --translation samples/translation/cps-en-v5.1-french-prevails.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-authoritative"] == "not-effective"
json: "not adopted yet" in {c["rule"]: c.get("note") or "" for c in d["documents"][0]["checklist"]}["ccadb.translation-authoritative"]
json: [f for f in d["documents"][0]["findings"] if f["rule"] == "ccadb.translation-authoritative"] == []
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-version"] == "pass"

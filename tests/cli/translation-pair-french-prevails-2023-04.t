# More than 180 days before CCADB 1.3 the authority rule is not effective;
# matching version numbers were already required (CCADB 1.0, 2017-06-01).
run: check --only-ruleset ccadb --as-of 2023-04-01 --format json --pair samples/translation/dpc-fr-v5.1.html samples/translation/cps-en-v5.0-behind.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-authoritative"] == "not-effective"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-version"] == "fail"

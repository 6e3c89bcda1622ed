# The English CPS is version 5.0 (2025-10-06) while the French DPC is 5.1
# (2026-09-14): translation-version and translation-date fail (warnings, so
# exit 0 with the default --fail-on error); the sections still match.
run: check --only-ruleset ccadb --format json --pair samples/translation/dpc-fr-v5.1.html samples/translation/cps-en-v5.0-behind.html
exit: 0
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-version"] == "fail" and {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-date"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-sections"] == "pass" and {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.english-version"] == "pass"
json: [f["message"] for f in d["documents"][0]["findings"] if f["rule"] == "ccadb.translation-version"] == ["the original is version 5.1; the English version is version 5.0"]
json: [f["severity"] for f in d["documents"][0]["findings"] if f["rule"] == "ccadb.translation-version"] == ["warning"]

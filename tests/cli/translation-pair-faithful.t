# A French DPC with a faithful English translation (same version 5.1, same
# date, same sections, comparable lengths, both authoritative): every
# ccadb.translation-* rule and ccadb.english-version pass; the pair is clean.
run: check --only-ruleset ccadb --format json samples/translation/dpc-fr-v5.1.html --translation samples/translation/cps-en-v5.1.html
exit: 0
json: d["documents"][0]["language"] == "fr" and d["documents"][0]["version"] == "5.1"
json: all({c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}[r] == "pass" for r in ["ccadb.english-version", "ccadb.translation-version", "ccadb.translation-date", "ccadb.translation-sections", "ccadb.translation-length", "ccadb.translation-authoritative"])
json: not [f for f in d["documents"][0]["findings"] if f["rule"].startswith("ccadb.")]

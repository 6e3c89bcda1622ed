# The English CPS says it is for information only and that the French
# version prevails: ccadb.translation-authoritative fails (error, in force
# since CCADB 1.3, 2023-10-25) in section 1.1 of the English version.
run: check --format json samples/translation/dpc-fr-v5.1.html --translation samples/translation/cps-en-v5.1-french-prevails.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-authoritative"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-version"] == "pass" and {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-sections"] == "pass"
json: [(f["section"], f.get("in_translation")) for f in d["documents"][0]["findings"] if f["rule"] == "ccadb.translation-authoritative"] == [("1.1", True)]

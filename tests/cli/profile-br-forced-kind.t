# --kind forces the rules onto a standard: checked as a combined CP/CPS, the
# BR fails rules again, and the not-a-policy notice passes.
needs: corpus
run: check --as-of 2026-11-27 --kind cp-cps --format json $CORPUS/cabf-tls-br-v2.2.6-2026-03-31.md
exit: 1
json: d["documents"][0]["profile"]["kind"] == "cp-cps" and d["documents"][0]["profile"]["kind_source"] == "option"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["rfc3647.doc.not-a-policy"] == "pass"
json: sum(1 for c in d["documents"][0]["checklist"] if c["status"] == "fail") > 5

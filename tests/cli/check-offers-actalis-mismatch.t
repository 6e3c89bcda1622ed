# The Actalis CPS cites 3.2.2.4.17 (a phone method) for a DNS TXT Random
# Value procedure: one label-mismatch warning, in 3.2.2.4; its IP methods
# are named in words in 3.2.2.5 (reviewer: VERDICTS.tsv).
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.html
exit: 1
json: [f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "br.3.2.2.4.method-label-mismatch"] == ["3.2.2.4"]
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.5.2.sunset"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.5.3.retired"] == "upcoming"

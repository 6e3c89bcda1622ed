# --kind cp-cps: the French CP checked as if it were a combined CP/CPS; the
# CPS duties now apply, and its 1.5.2 (which only points to the DPC) fails.
run: check --as-of 2026-11-27 --kind cp-cps --format json samples/fr-pc-exemplaire-confiance-v3.0.html
exit: 1
json: d["documents"][0]["profile"]["kind"] == "cp-cps" and d["documents"][0]["profile"]["kind_source"] == "option"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.1.5.2.contact-means"] == "fail"

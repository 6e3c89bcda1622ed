# Actalis CPS v5.18 (2025-06-18) says "Max 398 days" in its 6.3.2 table: within
# the limit as of its date, beyond the 200-day limit (SC-081) as of 2026-11-27.
# It offers 3.2.2.4.8, retired on 2026-03-15: a failure as of 2026-11-27 only.
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "fail"
json: any(f["rule"] == "br.6.3.2.subscriber-validity" and "398 days" in f["message"] and "200 days" in f["message"] for f in d["documents"][0]["findings"])
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.8.retired"] == "fail"

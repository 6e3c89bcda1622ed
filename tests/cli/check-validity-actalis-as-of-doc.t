# The same Actalis CPS as of its own date: 398 days was the limit, and
# 3.2.2.4.8 was still allowed.
needs: corpus
run: check --as-of doc --format json $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "pass"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.8.retired"] == "not-effective"
exit: 1

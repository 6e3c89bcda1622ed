# ISRG CP/CPS v6.2 (2026): DNS change, ACME http-01 and TLS-ALPN only, and
# a 1.5.2 that gives the problem-report email: no DV-method failure.
needs: corpus
run: check --format json $CORPUS/isrg-cp-cps-v6.2-2026-08-12.html
exit: 0
json: not any(f["rule"].startswith("br.3.2.2.") for f in d["documents"][0]["findings"])
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.9.3.problem-reporting"] == "pass"

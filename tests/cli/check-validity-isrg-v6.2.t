# ISRG CP/CPS v6.2: "validity | At most 100 days" in the 7.1 profile table
# passes today and under the 100-day step of 2027-03-15; its 4.2 names the
# CAA identifying domain letsencrypt.org.
needs: corpus
run: check --as-of 2027-03-15 --format json $CORPUS/isrg-cp-cps-v6.2-2026-08-12.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "pass"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.2.caa-issuer-domains"] == "pass"
exit: 0

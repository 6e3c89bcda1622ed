# The US draft CP v0.1 (2017-09) allows 825 days: within 39 months as of its
# date, beyond 200 days as of 2026-11-27.
needs: corpus
run: check --as-of 2017-09-22 --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "pass"

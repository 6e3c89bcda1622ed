# The US federal draft CP (a CP): CAA delegated to the CPS ("the CA SHALL
# identify in Section 4.2 of the CPS the Issuer Domain Name(s)") is its
# answer; "not the power of a prime" (English) is no French precedence
# clause; BR 4.2.1's wording of reuse without the word "reuse" is read.
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.md
exit: 1
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.2.caa-issuer-domains"]["status"] == "pass"
json: "Issuer Domain Name" in {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.2.caa-issuer-domains"]["evidence"][1]["quote"]
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.2.2.conformance-statement"]["status"] == "fail"
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.2.1.reuse-identity"]["status"] == "fail"
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.1.1.revocation-timelines"]["status"] == "pass"

# The US draft CP v0.1 (2017-09) allows 825 days: within 39 months as of its
# date, beyond 200 days as of 2026-11-27. It is a stand-alone CP for TLS
# device certificates: the CAA issuer domain names are for its CPS ("The CA
# SHALL identify in Section 4.2 of the CPS ...": the pass quotes it). What fails as of its date
# is real: DSA keys allowed in 6.1.5 (the BR's key sizes, Mozilla 5.1), and
# no statement of conformance to the BRs (BR 2.2).
needs: corpus
run: check --as-of 2017-09-22 --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "pass"
json: d["documents"][0]["profile"]["kind"] == "cp" and d["documents"][0]["profile"]["scopes"] == ["tls-server"]
json: [c["status"] for c in d["documents"][0]["checklist"] if c["rule"] == "br.4.2.caa-issuer-domains"] == ["pass"]
json: any("Section 4.2 of the CPS" in e["quote"] for c in d["documents"][0]["checklist"] if c["rule"] == "br.4.2.caa-issuer-domains" for e in c["evidence"])
json: sorted(c["rule"] for c in d["documents"][0]["checklist"] if c["status"] == "fail" and c["severity"] == "error") == ["br.2.2.conformance-statement", "br.6.1.5.key-sizes", "mozilla.5.1.no-dsa"]

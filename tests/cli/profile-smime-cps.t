# An S/MIME-only CPS (our sample): a CPS whose scope is S/MIME, decided by
# its title, its S/MIME BR statement, its 2.23.140.1.5.x OIDs and its
# emailProtection EKU; its "no certificate ... contains id-kp-serverAuth" is
# evidence against TLS. Every TLS-only rule is n/a with the reason, so its
# 825-day validity is not held against the TLS BR's 200 days.
run: check --as-of 2026-11-27 --format json samples/en-smime-cps-exemplar-v2.1.html
exit: 0
json: d["documents"][0]["profile"]["kind"] == "cps" and d["documents"][0]["profile"]["scopes"] == ["smime"]
json: d["documents"][0]["profile"]["source"] == "detected" and d["documents"][0]["profile"]["note"] is None
json: any(e["for"] == "smime" and "2.23.140.1.5.1.2" in e["quote"] for e in d["documents"][0]["profile"]["evidence"])
json: any(e["for"] == "tls-server" and e["weight"] < 0 and "serverAuth" in e["quote"] for e in d["documents"][0]["profile"]["evidence"])
json: {c["rule"]: c.get("note") for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"].startswith("a TLS server rule (BR 6.3.2")
json: {c["rule"]: c.get("note") for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"].endswith("this document's scope is S/MIME")
json: sum(1 for c in d["documents"][0]["checklist"] if c["status"] == "n/a" and (c.get("note") or "").endswith("scope is S/MIME")) == 68
json: [c["status"] for c in d["documents"][0]["checklist"] if c["rule"] in ("ccadb.4.adherence-statement", "mozilla.3.3.annual-update")] == ["pass", "pass"]
json: sum(1 for c in d["documents"][0]["checklist"] if c["status"] in ("fail", "upcoming")) == 0

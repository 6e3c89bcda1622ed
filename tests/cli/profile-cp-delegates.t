# A stand-alone French CP (our sample) that hands problem reporting (1.5.2),
# the CAA issuer domain names (4.2), key-compromise methods (4.9.12) and the
# mass revocation plan (5.7.1) to the DPC of each issuing CA: duties
# addressed to the CPS are n/a and say where the CP hands them over; a
# required statement the CP hands over is n/a quoting it; what the CP says
# itself (its domain validation methods) still passes.
run: check --as-of 2026-11-27 --format json samples/fr-pc-exemplaire-confiance-v3.0.html
exit: 1
json: d["documents"][0]["profile"]["kind"] == "cp" and d["documents"][0]["profile"]["scopes"] == ["tls-server"]
json: {c["rule"]: c.get("note") for c in d["documents"][0]["checklist"]}["br.1.5.2.contact-means"].startswith("a CPS duty (BR 1.5.2 (Ballot 156): the CPS or combined CP/CPS); this document is a stand-alone CP: check the CPS; the CP says so in 1.5.2:")
json: "précisées dans la DPC" in {c["rule"]: c.get("note") for c in d["documents"][0]["checklist"]}["br.4.9.3.problem-reporting"]
json: {c["rule"]: c.get("note") for c in d["documents"][0]["checklist"]}["br.5.7.1.mass-revocation-plan"].endswith("the CP says so in 5.7.1: \"ce plan est défini dans la DPC.\"")
json: any(e["quote"].startswith("Les noms de domaine d’émetteur reconnus dans les enregistrements CAA sont indiqués dans la DPC") for c in d["documents"][0]["checklist"] if c["rule"] == "br.4.2.caa-issuer-domains" and c["status"] == "pass" for e in c["evidence"])
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["mozilla.6.4.9.12.key-compromise-methods"] == "n/a"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["mozilla.2.2.methods-by-subsection"] == "pass"
json: sorted(c["rule"] for c in d["documents"][0]["checklist"] if c["status"] in ("fail", "upcoming")) == ["br.6.3.2.subscriber-validity", "ccadb.english-version", "mozilla.3.1.cp-alone"]

# Contradictory evidence: the S/MIME CPS with a TLS policy OID slipped into
# 1.2. Both scopes are kept, the note says which evidence contradicts the
# stated scope, and the TLS rules apply (the 825-day validity fails).
setup: sed 's|2.23.140.1.5.2.2 (Organization-validated, strict)|2.23.140.1.5.2.2 (Organization-validated, strict) or 2.23.140.1.2.2 (Organization Validated)|' samples/en-smime-cps-exemplar-v2.1.html > $TMP/doc.html
run: check --as-of 2026-11-27 --format json $TMP/doc.html
exit: 1
json: d["documents"][0]["profile"]["scopes"] == ["tls-server", "smime"]
json: d["documents"][0]["profile"]["note"].startswith("contradictory evidence: the title or overview states smime, but CA/B Forum TLS policy OID in 1.2")
json: "2.23.140.1.2.2" in d["documents"][0]["profile"]["note"]
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "fail"

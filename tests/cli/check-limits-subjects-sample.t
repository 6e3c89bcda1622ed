# The Brambleford sample (samples/README.md): values of Root, Subordinate,
# cross and OCSP responder certificates, ARLs, backups, workstation data and
# key identifiers are not judged by Subscriber or log rules; the schedule
# table is read row by row; only the deliberate flaw (OCSP responses valid
# 14 days) fails.
run: check --format json --exit-zero --as-of 2026-11-27 samples/limits/en-cps-brambleford-v3.1.md
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.9.9.ocsp-validity"] == "fail"
json: all(c["status"] == "pass" for c in d["documents"][0]["checklist"] if c["rule"] in ("br.6.3.2.subscriber-validity", "br.4.9.7.crl-next-update", "br.4.9.1.1.revocation-timelines", "br.4.9.1.1.revocation-deadline", "br.5.4.3.audit-log-retention", "br.5.5.2.archive-retention", "br.7.1.3.no-sha1", "br.6.1.5.key-sizes", "mozilla.5.1.no-dsa", "mozilla.5.1.ecdsa-curves", "mozilla.5.1.rsa-modulus", "br.4.2.1.reuse-domain", "br.4.2.1.reuse-identity"))
json: len([c for c in d["documents"][0]["checklist"] if c["rule"] in ("br.6.3.2.subscriber-validity", "br.4.9.7.crl-next-update", "br.7.1.3.no-sha1", "mozilla.5.1.rsa-modulus")]) == 4
json: [c["status"] for c in d["documents"][0]["checklist"] if c["status"] in ("fail", "upcoming", "error")] == ["fail"]
json: [f["marked"] for f in d["documents"][0]["findings"]] == ["fourteen (14) days"]

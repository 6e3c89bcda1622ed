# The French Ronceval sample (samples/README.md): the same classes in French
# (certificat d'AC racine, LAR, répondeur OCSP, identifiant de clé, "ne ...
# aucun", sauvegardes "par semaine", 825<sup>1</sup>); only the deliberate
# flaw, data reuse worded without "réutiliser", fails among these rules.
run: check --format json --exit-zero --as-of 2026-11-27 samples/limits/fr-dpc-ronceval-v2.0.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.2.1.reuse-domain"] == "fail"
json: [f["marked"] for f in d["documents"][0]["findings"] if f["rule"] == "br.4.2.1.reuse-domain"] == ["huit cent vingt-cinq (825) jours"]
json: all(c["status"] == "pass" for c in d["documents"][0]["checklist"] if c["rule"] in ("br.6.3.2.subscriber-validity", "br.4.9.7.crl-next-update", "br.4.9.9.ocsp-validity", "br.4.9.1.1.revocation-timelines", "br.4.9.1.1.revocation-deadline", "br.5.4.3.audit-log-retention", "br.5.5.2.archive-retention", "br.7.1.3.no-sha1", "br.6.1.5.key-sizes", "mozilla.5.1.no-dsa", "mozilla.5.1.ecdsa-curves", "mozilla.5.1.rsa-modulus", "br.4.2.1.reuse-identity"))
json: len([c for c in d["documents"][0]["checklist"] if c["rule"] in ("br.6.3.2.subscriber-validity", "br.4.9.7.crl-next-update", "br.7.1.3.no-sha1", "br.5.4.3.audit-log-retention")]) == 4

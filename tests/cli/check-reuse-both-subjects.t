# A clause that reuses identity and domain data alike ("825 jours") is
# checked by both reuse rules (the French sample's 4.2.1), as of today.
run: check --only-ruleset cabf-br --as-of 2026-11-27 --format json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.2.1.reuse-domain"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.2.1.reuse-identity"] == "fail"

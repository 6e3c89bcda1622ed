# No "upcoming" before the ballot that makes the requirement is adopted:
# SC-090 (adopted 2025-11-20) bars 3.2.2.4.8 from 2026-03-15. On 2025-10-01,
# inside the 180 days, the rule is not-effective ("not adopted yet"); on
# 2025-12-01 it is upcoming.
setup: sed 's/^This section covers authentication of organization identity\..*/The CA validates each FQDN using BR 3.2.2.4.8 (IP Address)./' samples/forms/en-cps-kestrel-glued.md > $TMP/ip.md && grep -q 'BR 3.2.2.4.8' $TMP/ip.md
run: check --as-of 2025-10-01 --only-ruleset cabf-br --format json $TMP/ip.md
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.8.retired"] == "not-effective"
json: "not adopted yet" in {c["rule"]: c.get("note") or "" for c in d["documents"][0]["checklist"]}["br.3.2.2.4.8.retired"]
exit: 1

# After SC-090 was adopted (2025-11-20) the same use of 3.2.2.4.8 is an
# upcoming warning, and from 2026-03-15 a failure.
setup: sed 's/^This section covers authentication of organization identity\..*/The CA validates each FQDN using BR 3.2.2.4.8 (IP Address)./' samples/forms/en-cps-kestrel-glued.md > $TMP/ip.md && grep -q 'BR 3.2.2.4.8' $TMP/ip.md
run: check --as-of 2025-12-01 --only-ruleset cabf-br --format json $TMP/ip.md
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.8.retired"] == "upcoming"
exit: 1

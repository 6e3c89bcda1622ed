# effective.4.9.12: MRSP 2.7 (2020) forbids a bare "No stipulation" where the
# BRs require content; MRSP 2.7.1 (2021-05-01) added 4.9.12 to those
# sections. As of 2021-04-30 a "No stipulation" 4.9.12 is set aside (the
# note says so); the rest of the rule still runs.
setup: sed 's/^A party demonstrates key compromise.*/No stipulation./' samples/forms/en-cps-kestrel-glued.md > $TMP/ns.md && grep -qx 'No stipulation.' $TMP/ns.md
run: check --as-of 2021-04-30 --only-ruleset mozilla --format json $TMP/ns.md
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["mozilla.3.3.no-stipulation"] == "pass"
json: "4.9.12 set aside: the rule covers it from 2021-05-01" in {c["rule"]: c.get("note") or "" for c in d["documents"][0]["checklist"]}["mozilla.3.3.no-stipulation"]
exit: 0

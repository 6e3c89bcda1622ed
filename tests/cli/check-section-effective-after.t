# From 2021-05-01 (MRSP 2.7.1) the same "No stipulation" in 4.9.12 fails.
setup: sed 's/^A party demonstrates key compromise.*/No stipulation./' samples/forms/en-cps-kestrel-glued.md > $TMP/ns.md && grep -qx 'No stipulation.' $TMP/ns.md
run: check --as-of 2021-05-01 --only-ruleset mozilla --format json $TMP/ns.md
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["mozilla.3.3.no-stipulation"] == "fail"
json: [f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "mozilla.3.3.no-stipulation"] == ["4.9.12"]
exit: 1

# A user's rules file works like a shipped one: listed, tested, checked.
run: check --only-ruleset tests/cli/data/user.rules --format json samples/en-cps-example-ca-v6.0.html
exit: 0
json: [c["rule"] for c in d["documents"][0]["checklist"]] == ["acme.4.9.3.hotline"]
json: d["documents"][0]["findings"][0]["rule"] == "acme.4.9.3.hotline" and d["documents"][0]["findings"][0]["severity"] == "warning"

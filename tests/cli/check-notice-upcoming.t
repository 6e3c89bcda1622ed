# A notice-level rule in its upcoming window stays a notice (it never becomes
# a warning), so --fail-on warning does not fail on it.
run: check --only-ruleset tests/cli/data/notice-upcoming.rules --as-of 2029-12-01 --fail-on warning --format json samples/en-cps-example-ca-v6.0.html
exit: 0
json: d["documents"][0]["checklist"][0]["status"] == "upcoming" and d["documents"][0]["checklist"][0]["severity"] == "notice"
json: [f["severity"] for f in d["documents"][0]["findings"]] == ["notice"]

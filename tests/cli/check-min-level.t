# --min-level decides what is shown, --fail-on what fails: the upcoming
# warning is hidden from the JSON findings (counted apart), errors still
# fail, and the rule keeps its checklist status.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format json --min-level error samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: len(d["documents"][0]["findings"]) == 2 and all(f["severity"] == "error" for f in d["documents"][0]["findings"])
json: d["summary"]["below_min_level"] == 1 and d["documents"][0]["summary"]["below_min_level"] == 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ci.dv.3.2.2.4.3"] == "upcoming"

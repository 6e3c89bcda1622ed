# In JSON the baselined findings stay, with their reason.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format json --baseline tests/cli/data/baseline-fr-sample.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 0
json: len(d["documents"][0]["findings"]) == 3 and all(f["baseline"]["reason"].startswith("Accepted by the policy authority") for f in d["documents"][0]["findings"])
json: d["summary"]["baselined"] == 3 and d["summary"]["errors"] == 0

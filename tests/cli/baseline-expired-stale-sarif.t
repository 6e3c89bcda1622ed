# SARIF: the expired entry's finding is a result again; the stale and
# expired entries are toolConfigurationNotifications at their lines.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format sarif --baseline tests/cli/data/baseline-fr-expired-stale.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
sarif-valid:
json: [r["ruleId"] for r in d["runs"][0]["results"]] == ["ci.dv.3.2.2.4.1"]
json: [n["locations"][0]["physicalLocation"]["region"]["startLine"] for n in d["runs"][0]["invocations"][0]["toolConfigurationNotifications"]] == [4, 31]
err-has: stale baseline entry

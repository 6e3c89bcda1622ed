# In SARIF the baselined findings are left out (GitHub code scanning does
# not honour suppressions): no alert to dismiss by hand.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format sarif --baseline tests/cli/data/baseline-fr-sample.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 0
sarif-valid:
json: d["runs"][0]["results"] == [] and d["runs"][0]["properties"]["baselined"] == 3

# SARIF for the conforming English sample: no results, but every rule
# that ran is declared (so code scanning can close fixed alerts).
run: check --format sarif samples/en-cps-example-ca-v6.0.html
exit: 0
sarif-valid:
json: d["runs"][0]["results"] == [] and len(d["runs"][0]["tool"]["driver"]["rules"]) > 20

# SARIF: a suppressed finding is a result with a suppression of kind
# inSource, its justification the directive's reason and its location the
# directive's line (valid SARIF 2.1.0); runs[0].properties counts them.
run: check --format sarif --as-of 2019-05-09 tests/data/suppress-en.html
exit: 1
sarif-valid:
json: [(r["ruleId"], r["suppressions"][0]["kind"], r["suppressions"][0]["justification"][:35], r["suppressions"][0]["location"]["physicalLocation"]["region"]["startLine"]) for r in d["runs"][0]["results"] if "suppressions" in r] == [("br.6.3.2.subscriber-validity", "inSource", "the Policy Authority accepted it on", 26)]
json: d["runs"][0]["properties"]["suppressed"] == 1

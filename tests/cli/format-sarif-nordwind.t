# SARIF for the flawed XHTML sample: missing sections have no line of their
# own and point at the heading of the section before them (4.5.x, line
# 259); the blank section at its own heading.
run: check --as-of 2024-01-01 --format sarif samples/xhtml-cps-nordwind-v1.3.xhtml
exit: 1
sarif-valid:
json: set(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in d["runs"][0]["results"] if r["ruleId"].endswith("missing-section")) == {259}
json: [r["locations"][0]["logicalLocations"][0]["name"] for r in d["runs"][0]["results"] if r["ruleId"].endswith("missing-section")][0] == "4.6.1"
json: all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in d["runs"][0]["results"])

# SARIF for the French sample as of the 2019 review: valid against the
# official 2.1.0 schema, every rule that ran in tool.driver with help,
# citation (no helpUri: no rule names a public page, and cpslint has no
# public address), one result per finding at its line, relative URI,
# partialFingerprints.
run: check --as-of 2019-05-09 --format sarif samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
sarif-valid:
json: d["version"] == "2.1.0" and len(d["runs"]) == 1
json: len(d["runs"][0]["tool"]["driver"]["rules"]) == len(set(r["id"] for r in d["runs"][0]["tool"]["driver"]["rules"])) > 20
json: all("helpUri" not in r and "Citation: " in r["help"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in d["runs"][0]["tool"]["driver"]["rules"])
json: "informationUri" not in d["runs"][0]["tool"]["driver"]
json: {"br.1.5.2.contact-means", "br.3.2.2.4.1.retired", "br.3.2.2.4.3.retired", "br.3.2.2.4.5.retired", "br.4.9.3.problem-reporting", "ccadb.english-version"} <= set(r["ruleId"] for r in d["runs"][0]["results"])
json: [(r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in d["runs"][0]["results"] if r["ruleId"] == "br.3.2.2.4.5.retired"] == [("error", 456)]
json: [r["level"] for r in d["runs"][0]["results"] if r["ruleId"] == "br.3.2.2.4.3.retired"] == ["warning"]
json: all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "samples/fr-dpc-autorite-exemple-v4.2.html" for r in d["runs"][0]["results"])
json: all(d["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in d["runs"][0]["results"])
json: len(set(r["partialFingerprints"]["cpslint/v1"] for r in d["runs"][0]["results"])) == len(d["runs"][0]["results"])
json: d["runs"][0]["invocations"][0]["executionSuccessful"] is True
json: "3.2.3.3" in [r for r in d["runs"][0]["results"] if r["ruleId"] == "br.3.2.2.4.5.retired"][0]["message"]["text"]

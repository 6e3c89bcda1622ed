# SARIF for every HTML and XHTML document of the corpus at once, with two
# workers: valid against the schema, results for every document that
# has findings.
needs: corpus
run: check -j 2 --format sarif --exclude *.md $CORPUS
exit: 1
sarif-valid:
json: len(d["runs"][0]["artifacts"]) == 7
json: d["runs"][0]["invocations"][0]["executionSuccessful"] is True
json: len(d["runs"][0]["results"]) > 100
json: all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in d["runs"][0]["results"])

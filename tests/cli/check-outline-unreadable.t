# An outline cpslint mostly cannot read gets ONE notice saying so and why,
# not a missing-section finding per RFC 3647 section.
run: check --as-of 2019-01-01 --only-ruleset rfc3647 --format json tests/data/undated-ambiguous.md
json: [f["severity"] for f in d["documents"][0]["findings"] if f["rule"] == "rfc3647.doc.missing-section"] == ["notice"]
json: "could not be read: 1 of 270 sections recognised" in [f["message"] for f in d["documents"][0]["findings"] if f["rule"] == "rfc3647.doc.missing-section"][0]
exit: 0

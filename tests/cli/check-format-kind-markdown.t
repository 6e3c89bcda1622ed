# Kind format: a Markdown CPS passes the structured-text rule; an HTML one
# is not named by its pattern either (only "pdf" is).
run: check --format json --fail-on never --as-of 2027-08-01 samples/en-cps-harborline-v2.1.md samples/en-cps-example-ca-v6.0.html
json: [x["status"] for doc in d["documents"] for x in doc["checklist"] if x["rule"] == "mozilla.3.3.structured-text-format"] == ["pass", "pass"]

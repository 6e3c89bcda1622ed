# The reworded unnumbered CP gets no missing-section finding.
run: check --as-of doc --format json samples/forms/en-cp-tamarack-unnumbered.md
json: d["documents"][0]["as_of_source"] == "document"
json: not any(f["rule"].endswith("missing-section") for f in d["documents"][0]["findings"])
exit: 1

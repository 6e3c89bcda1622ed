# An undated document (this draft states no date) is judged by one date
# window, the older: the RFC 3647 notices apply, the MRSP 3.3 rules for
# documents dated from 2020-04-01 are n/a and say why.
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.md
json: d["documents"][0]["date"] is None
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["mozilla.3.3.blank-section"] == "n/a"
json: "states no date" in {c["rule"]: c.get("note") or "" for c in d["documents"][0]["checklist"]}["mozilla.3.3.missing-section"]
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["rfc3647.doc.blank-section"] == "fail"
json: not [f for f in d["documents"][0]["findings"] if f["rule"].startswith("mozilla.3.3.") and f["rule"].endswith("-section")]
exit: 1

# A Certificate Policy alone is known by its profile, not only by its
# title: the Markdown twin of the US federal CP has no <title>, and its 1.1
# says what it is. The finding quotes that evidence.
needs: corpus
run: check --format json --exit-zero --as-of 2026-11-27 $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.md
json: [c["status"] for c in d["documents"][0]["checklist"] if c["rule"] == "mozilla.3.1.cp-alone"] == ["fail"]
json: any(f["rule"] == "mozilla.3.1.cp-alone" and "1.1" in f["message"] for f in d["documents"][0]["findings"])

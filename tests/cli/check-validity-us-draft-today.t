needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.html
exit: 1
json: [f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "br.6.3.2.subscriber-validity"] == ["6.3.2"]
json: "825 days" in [f for f in d["documents"][0]["findings"] if f["rule"] == "br.6.3.2.subscriber-validity"][0]["message"]

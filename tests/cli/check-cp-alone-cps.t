# A CPS (and a combined CP/CPS) is not a CP alone, whatever its title says
# about the CP it implements.
run: check --format json --exit-zero --as-of 2026-11-27 samples/en-cps-example-ca-v6.0.html
json: [c["status"] for c in d["documents"][0]["checklist"] if c["rule"] == "mozilla.3.1.cp-alone"] == ["pass"]

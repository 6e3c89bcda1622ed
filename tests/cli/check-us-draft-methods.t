# The US draft CP permits 3.2.2.4.5, .6 and .10, and names .1-.4 and .7-.9
# only as "[Reserved]" / "Not allowed": findings for the first three only.
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.html
exit: 1
json: {f["rule"] for f in d["documents"][0]["findings"] if f["rule"].startswith("br.3.2.2.4.")} == {"br.3.2.2.4.5.retired", "br.3.2.2.4.6.retired", "br.3.2.2.4.10.retired"}

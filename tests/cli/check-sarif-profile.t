# SARIF carries what each document was read as (its profile) in the
# artifact's properties, so a reviewer reading the SARIF sees why the TLS
# rules were n/a on an S/MIME CPS.
run: check --format sarif --exit-zero samples/en-smime-cps-exemplar-v2.1.html
sarif-valid:
json: d["runs"][0]["artifacts"][0]["properties"]["profile"]["kind"] == "cps"
json: d["runs"][0]["artifacts"][0]["properties"]["profile"]["scopes"] == ["smime"]
json: any(e["for"] == "smime" for e in d["runs"][0]["artifacts"][0]["properties"]["profile"]["evidence"])

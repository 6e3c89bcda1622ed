# SARIF for the samples directory (README.md is not a CPS and is skipped).
run: check --format sarif samples
exit: 1
sarif-valid:
json: [u for u in (a["location"]["uri"] for a in d["runs"][0]["artifacts"]) if u.count("/") == 1] == ["samples/en-cps-example-ca-v6.0.html", "samples/en-cps-harborline-v2.1.md", "samples/en-smime-cps-exemplar-v2.1.html", "samples/fr-dpc-autorite-exemple-v4.2.html", "samples/fr-pc-exemplaire-confiance-v3.0.html", "samples/xhtml-cps-nordwind-v1.3.xhtml"]
json: "samples/README.md" not in [a["location"]["uri"] for a in d["runs"][0]["artifacts"]]

# JSON: an unreadable input is a documents[] entry with "error"; the others
# are complete.
run: check --format json samples/en-cps-example-ca-v6.0.html /bin/sh samples/fr-dpc-autorite-exemple-v4.2.html
exit: 2
json: [x["file"] for x in d["documents"]] == ["samples/en-cps-example-ca-v6.0.html", "/bin/sh", "samples/fr-dpc-autorite-exemple-v4.2.html"]
json: "binary" in d["documents"][1]["error"] and "checklist" not in d["documents"][1]
json: len(d["documents"][2]["findings"]) > 0 and d["summary"]["unreadable"] == 1
json: all(len(f["fingerprint"]) == 16 for f in d["documents"][2]["findings"])

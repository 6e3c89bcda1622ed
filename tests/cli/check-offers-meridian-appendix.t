# samples/methods/en-cps-meridian-v4.0: methods per product in an appendix table
# ("Used: No" for .13), and a DNS TXT Random Value procedure cited as BR
# 3.2.2.4.17: the label mismatch is a warning of its own, the cited number
# still counts, and mozilla.2.2.methods-by-subsection finds the appendix.
run: check --as-of 2026-11-27 --format json samples/methods/en-cps-meridian-v4.0.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["mozilla.2.2.methods-by-subsection"] == "pass"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.13.sunset"] == "pass"
json: [(f["severity"], f["section"]) for f in d["documents"][0]["findings"] if f["rule"] == "br.3.2.2.4.method-label-mismatch"] == [("warning", "9.17")]
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.17.sunset"] == "fail"

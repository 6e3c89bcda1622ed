# Offered, mentioned or disclaimed (src/stance.h) in samples/methods/en-cps-lumen-trust-v2.1:
# a DNSSEC condition naming .4/.13/.14, "does not use .13, and uses .7",
# method sections stopped from a past date (.14) or by their second sentence
# (.17), history rows (.3, .15): no finding. Offered: .16 until its stop
# date, IP methods named in words (.5.2, .5.3). tests/accuracy/samples.tsv.
run: check --as-of 2026-11-27 --format json samples/methods/en-cps-lumen-trust-v2.1.html
exit: 1
json: {f["rule"] for f in d["documents"][0]["findings"] if ".3.2.2." in f["rule"]} == {"br.3.2.2.4.16.sunset", "br.3.2.2.5.2.sunset", "br.3.2.2.5.2.retired", "br.3.2.2.5.3.retired"}
json: [f["message"].split("; ", 1)[1] for f in d["documents"][0]["findings"] if f["rule"] == "br.3.2.2.4.16.sunset"] == ["offered: the section describes it, and stops using it from 2026-12-01"]
json: [f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "br.3.2.2.5.2.sunset"] == ["3.2.2.5"]

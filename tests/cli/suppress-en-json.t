# JSON: a suppressed finding has status "suppressed" and "suppression"
# {reason, line of the directive}; the summary counts it apart; the
# directives' own problems are findings of the cpslint.suppression.* rules
# at the directive's line, in the section it stands in.
run: check --format json --as-of 2019-05-09 tests/data/suppress-en.html
exit: 1
json: [(f["rule"], f["section"], f["line"], f["suppression"]["line"]) for f in d["documents"][0]["findings"] if f["status"] == "suppressed"] == [("br.6.3.2.subscriber-validity", "6.3.2", 28, 26)]
json: [f["suppression"]["reason"] for f in d["documents"][0]["findings"] if "suppression" in f] == ["the Policy Authority accepted it on 2019-02-20 until version 1.5 (ticket LT-7)"]
json: sorted((f["rule"], f["section"], f["line"]) for f in d["documents"][0]["findings"] if f["rule"].startswith("cpslint.")) == [("cpslint.suppression.bad-directive", "6.3.2", 29), ("cpslint.suppression.no-reason", "1.5.2", 13), ("cpslint.suppression.unknown-rule", "1.5.2", 14), ("cpslint.suppression.unknown-rule", "3.2.2.4", 19)]
json: d["summary"]["suppressed"] == 1 and d["documents"][0]["summary"]["suppressed"] == 1
json: [c["status"] for c in d["documents"][0]["checklist"] if c["rule"] == "cpslint.suppression.no-reason"] == ["fail"]

# JUnit: the rule's testcase fails on the finding outside the directive's
# section only; the suppressed ones are in its system-out with the reason.
run: check --only-ruleset tests/cli/data/ci.rules --format junit --as-of 2025-07-01 tests/data/suppress-fr.md
exit: 1
xml: [f.text.split(",")[0] for t in r.iter("testcase") if t.get("name") == "ci.dv.3.2.2.4.1" for f in t.findall("failure")] == ["4.1 Demande de certificat"]
xml: [o.text.count("suppressed (line 29): l'historique de la méthode 3.2.2.4.1") for t in r.iter("testcase") if t.get("name") == "ci.dv.3.2.2.4.1" for o in t.findall("system-out")] == [2]

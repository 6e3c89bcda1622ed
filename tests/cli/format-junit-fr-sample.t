# JUnit for the French sample as of the 2019 review (the fixed CI
# ruleset), parsed back: one testsuite, one testcase per rule; the two
# errors are failures, the upcoming warning passes (below --fail-on) with
# its finding in system-out; the counts add up.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format junit samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
xml: r.tag == "testsuites" and len(r.findall("testsuite")) == 1
xml: sorted(t.get("name") for t in r.iter("testcase") if t.find("failure") is not None) == ["ci.dv.3.2.2.4.1", "ci.dv.3.2.2.4.5"]
xml: [t.find("system-out").text.count("[warning]") for t in r.iter("testcase") if t.get("name") == "ci.dv.3.2.2.4.3"] == [1]
xml: int(r.get("tests")) == len(list(r.iter("testcase"))) and int(r.get("failures")) == len(list(r.iter("failure"))) == 2 and int(r.get("skipped")) == len(list(r.iter("skipped")))
xml: r.find("testsuite").get("name") == "samples/fr-dpc-autorite-exemple-v4.2.html" and all(t.get("file") == "samples/fr-dpc-autorite-exemple-v4.2.html" and "." not in t.get("classname") for t in r.iter("testcase"))
xml: "456" in [t for t in r.iter("testcase") if t.get("name") == "ci.dv.3.2.2.4.5"][0].find("failure").text
xml: {p.get("name"): p.get("value") for p in r.iter("property")}["language"] == "fr"

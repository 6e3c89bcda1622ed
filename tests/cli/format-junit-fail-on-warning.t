# With --fail-on warning the upcoming warning is a JUnit failure too.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --fail-on warning --format junit samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
xml: int(r.get("failures")) == 3 and [t.find("failure").get("type") for t in r.iter("testcase") if t.get("name") == "ci.dv.3.2.2.4.3"] == ["warning"]

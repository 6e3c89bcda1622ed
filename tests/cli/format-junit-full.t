# JUnit with the installed rulesets: not-effective rules are skipped with
# the reason, the counts add up.
run: check --as-of 2019-05-09 --format junit samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
xml: all(t.find("skipped").get("message").startswith("not-effective") for t in r.iter("testcase") if t.get("name") == "br.3.2.2.4.2.retired")
xml: int(r.get("tests")) == len(list(r.iter("testcase"))) > 20 and int(r.get("failures")) == len(list(r.iter("failure"))) >= 5 and int(r.get("skipped")) == len(list(r.iter("skipped")))
xml: "br.3.2.2.4.5.retired" in [t.get("name") for t in r.iter("testcase") if t.find("failure") is not None]

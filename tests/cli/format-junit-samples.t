# JUnit for the samples directory and a missing file: one testsuite per
# document in input order; the missing file is a testsuite with an error.
run: check --format junit samples tests/cli/data/no-such.html
exit: 2
xml: [s.get("name") for s in r.findall("testsuite")] == ["samples/diff/example-v1.html", "samples/diff/example-v2.html", "samples/en-cps-example-ca-v6.0.html", "samples/fr-dpc-autorite-exemple-v4.2.html", "samples/xhtml-cps-nordwind-v1.3.xhtml", "tests/cli/data/no-such.html"]
xml: r.findall("testsuite")[2].get("failures") == "0" and int(r.findall("testsuite")[3].get("failures")) > 0
xml: [e.get("message") for e in r.findall("testsuite")[5].iter("error")] == ["No such file or directory"] and r.get("errors") == "1"

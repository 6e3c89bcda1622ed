# JUnit for the samples directory and a missing file: one testsuite per
# document in input order; the missing file is a testsuite with an error.
run: check --format junit samples tests/cli/data/no-such.html
exit: 2
xml: [n for n in (s.get("name") for s in r.findall("testsuite")) if n.count("/") == 1 and n.startswith("samples/")] == ["samples/en-cps-example-ca-v6.0.html", "samples/en-cps-harborline-v2.1.md", "samples/en-smime-cps-exemplar-v2.1.html", "samples/fr-dpc-autorite-exemple-v4.2.html", "samples/fr-pc-exemplaire-confiance-v3.0.html", "samples/xhtml-cps-nordwind-v1.3.xhtml"] and r.findall("testsuite")[-1].get("name") == "tests/cli/data/no-such.html"
xml: [s for s in r.findall("testsuite") if s.get("name") == "samples/fr-dpc-autorite-exemple-v4.2.html"][0].get("failures") != "0"
xml: [e.get("message") for e in r.findall("testsuite")[-1].iter("error")] == ["No such file or directory"] and r.get("errors") == "1"

# --ruleset adds to the default rulesets (a user file beside the shipped
# rules); --only-ruleset replaces them; both may be given.
setup: printf '[x.1.1.extra]\ntitle = t\nmessage = says nothing of x\nseverity = notice\ncite = local\nkind = require\nscope = 1.1\nmatch = example\nexample.bad = Nothing.\nexample.good = An example.\nexample.bad.fr = Rien.\nexample.good.fr = Un example.\n' > $TMP/x.rules
run: check --no-config --ruleset $TMP/x.rules --format json --fail-on never $ROOT/samples/en-cps-example-ca-v6.0.html
json: any(x["rule"] == "x.1.1.extra" for x in d["documents"][0]["checklist"])
json: any(x["rule"].startswith("br.") for x in d["documents"][0]["checklist"])
same-json-as: check --no-config --only-ruleset cabf-br --only-ruleset mozilla --only-ruleset ccadb --only-ruleset chrome --only-ruleset rfc3647 --ruleset $TMP/x.rules --format json --fail-on never $ROOT/samples/en-cps-example-ca-v6.0.html

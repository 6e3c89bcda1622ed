# --only-ruleset NAME: that ruleset alone; --ruleset NAME of an installed
# ruleset with it adds that one (a name already loaded is not loaded twice).
run: check --no-config --only-ruleset rfc3647 --ruleset mozilla --ruleset rfc3647 --format json --fail-on never $ROOT/samples/en-cps-example-ca-v6.0.html
json: {x["rule"].split(".")[0] for x in d["documents"][0]["checklist"]} == {"rfc3647", "mozilla"}

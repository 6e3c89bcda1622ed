# --no-config ignores the .cpslint that would apply (one that is refused).
setup: mkdir -p $TMP/repo/.git && printf 'fail-on = loud\n' > $TMP/repo/.cpslint
cwd: $TMP/repo
run: check --no-config --format json --fail-on never $ROOT/samples/en-cps-example-ca-v6.0.html
json: any(x["rule"].startswith("mozilla.") for x in d["documents"][0]["checklist"])

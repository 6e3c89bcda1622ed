# A .cpslint in a parent directory applies (here: only the RFC 3647
# ruleset, never fail); the search climbs from the current directory to
# the directory holding .git.
setup: mkdir -p $TMP/repo/.git $TMP/repo/docs/sub && printf 'only-ruleset = rfc3647\nfail-on = never   # a trailing comment\n' > $TMP/repo/.cpslint
cwd: $TMP/repo/docs/sub
run: check --format json $ROOT/samples/fr-dpc-autorite-exemple-v4.2.html
json: len(d["documents"][0]["checklist"]) > 0
json: all(x["rule"].startswith("rfc3647.") for x in d["documents"][0]["checklist"])

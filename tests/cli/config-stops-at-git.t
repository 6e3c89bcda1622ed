# The search stops at the directory holding .git: a .cpslint above the
# repository (here one that would be refused) is not read.
setup: mkdir -p $TMP/top/repo/.git && printf 'colour = loud\n' > $TMP/top/.cpslint
cwd: $TMP/top/repo
run: check --format json --fail-on never $ROOT/samples/en-cps-example-ca-v6.0.html
json: any(x["rule"].startswith("br.") for x in d["documents"][0]["checklist"])

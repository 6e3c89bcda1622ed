# The command line overrides the file: --fail-on error beats fail-on =
# never, --as-of beats as-of, and --enable after the file's disable wins.
setup: printf 'fail-on = never\nas-of = 2024-03-01\ndisable = rfc3647\n' > $TMP/c
run: check --config $TMP/c --fail-on error --as-of 2019-05-09 --enable rfc3647 --format json $ROOT/samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: d["as_of"] == "2019-05-09"
json: any(x["rule"].startswith("rfc3647.") for x in d["documents"][0]["checklist"])

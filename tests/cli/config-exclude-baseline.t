# exclude globs apply to check DIR; baseline is read relative to the
# config file's directory, and as-of comes from the file too: every
# finding of the document is accepted by the baseline written for it.
setup: mkdir -p $TMP/p/docs/drafts && cp $ROOT/samples/fr-dpc-autorite-exemple-v4.2.html $TMP/p/docs/a.html && cp $ROOT/samples/fr-dpc-autorite-exemple-v4.2.html $TMP/p/docs/drafts/b.html && cd $TMP/p && "$BIN" check -q --no-config --as-of 2019-05-09 --fail-on never --write-baseline bl.json docs/a.html >/dev/null; sed -i "s/TODO: replace with the reason this finding is accepted/accepted in review/" bl.json; printf 'exclude = drafts\nbaseline = bl.json\nas-of = 2019-05-09\n' > $TMP/p/.cpslint
cwd: $TMP/p
run: check --format json docs
json: [doc["file"] for doc in d["documents"]] == ["docs/a.html"]
json: d["documents"][0]["summary"]["baselined"] > 0 and d["documents"][0]["summary"]["errors"] == 0

# A directory walk does not pick .txt files (in a repository they are
# rarely the policy); named, the same file is checked as plain text.
setup: mkdir $TMP/d && cp tests/data/plain-cps.txt tests/data/tiny.html $TMP/d/
run: check -q --exit-zero --format json $TMP/d
json: [x["file"].rsplit("/", 1)[-1] for x in d["documents"]] == ["tiny.html"]

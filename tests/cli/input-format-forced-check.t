# check --input-format applies to every input: a .txt file forced to
# Markdown is read as Markdown ("# " headings), and check reports it so.
setup: printf '# 1. Introduction\n\nThe CA is Example Trust of example.test.\n\n## 1.1 Overview\n\nText.\n' >$TMP/cps.txt
run: check -q --exit-zero --input-format markdown --format json $TMP/cps.txt
json: d["documents"][0]["format"] == "markdown"
json: d["documents"][0]["sections"]["found"] == 2

# The name decides first, as for .md and .html: a .txt file that looks
# like Markdown ("# " headings) is read as plain text, where "## 1.1" is
# no numbered line, so no section is found.
setup: printf '# 1. Introduction\n\nThe CA is Example Trust of example.test.\n\n## 1.1 Overview\n\nText.\n' >$TMP/cps.txt
run: outline --format json $TMP/cps.txt
json: d["format"] == "text"
json: d["counts"]["found"] == 0

# Standard input has no name, and plain text no signature: the bytes a
# .txt file would be read as text from are sniffed, here as Markdown (a
# "# " heading), whose sections are then found.
setup: printf '# 1. Introduction\n\nThe CA is Example Trust of example.test.\n\n## 1.1 Overview\n\nText.\n' >$TMP/cps.txt
run: outline --format json -
stdin: $TMP/cps.txt
json: d["format"] == "markdown"
json: [(s["number"], s["line"]) for s in d["sections"] if s["status"] == "found"] == [("1", 1), ("1.1", 5)]

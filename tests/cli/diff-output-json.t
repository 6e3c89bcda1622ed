# -o works for every format: JSON into a file, valid against the schema.
run: diff --format json --output $TMP/d.json samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
lacks: {
in-file: $TMP/d.json
json: d["new"]["version"] == "1.4"

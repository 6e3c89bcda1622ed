# -o writes the report to a file (via a temporary file and rename) and
# nothing to stdout: the file holds the whole JSON report, and only it is
# left in the directory (no temporary file).
run: check -q --as-of 2026-11-27 -o $TMP/report.json --format json samples/en-cps-example-ca-v6.0.html
exit: 0
in-file: $TMP/report.json
json: [x["file"] for x in d["documents"]] == ["samples/en-cps-example-ca-v6.0.html"] and d["documents"][0]["summary"]["fail"] == 0
json: __import__("os").listdir(__import__("os").path.dirname(sys.argv[1])) == ["report.json"]
stdout:

# -o writes the report to a file (via a temporary file and rename) and
# nothing to stdout; a directory that does not exist is an error (exit 2).
run: check -q -o /nonexistent-dir/report.json --format json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: /nonexistent-dir/report.json

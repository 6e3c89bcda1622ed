# -o into a directory that does not exist is an error (exit 2): nothing on
# stdout, the path named on stderr.
run: check -q -o /nonexistent-dir/report.json --format json samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: /nonexistent-dir/report.json
stdout:

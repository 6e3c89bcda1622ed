# -o followed by an option: an error, never a report written to a file
# named "--quiet".
run: check -o --quiet samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: --output needs a value: '--quiet' is an option

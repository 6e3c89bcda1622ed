# outline: --format followed by an option is an error naming --format.
run: outline --format --max-size 1M samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: outline: --format needs a value: '--max-size' is an option

# --as-of without its value takes the next word: when that is a file, the
# error says --as-of needs a date before the files (not that the file name
# is a bad date), and nothing is checked.
run: check --as-of samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: --as-of needs a date (YYYY-MM-DD, doc or today) before the files: 'samples/en-cps-example-ca-v6.0.html' is a file
lacks: version

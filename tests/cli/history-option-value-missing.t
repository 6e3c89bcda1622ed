# history: --as-of followed by an option is an error naming --as-of.
run: history --as-of --format json samples/history/lindenfeld-cps-v1.0.html samples/history/lindenfeld-cps-v1.1.html
exit: 2
err-has: cpslint: history: --as-of needs a value: '--format' is an option

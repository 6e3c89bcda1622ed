# -j takes a number from 1 to 256.
run: check -j 0 samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: --jobs: '0' is not a number from 1 to 256

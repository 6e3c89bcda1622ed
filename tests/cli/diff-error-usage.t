# diff needs exactly two files.
run: diff samples/diff/example-v1.html
exit: 2
err-has: cpslint: diff: give two files, OLD and NEW

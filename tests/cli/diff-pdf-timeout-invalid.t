# diff: --pdf-timeout out of range is a usage error naming the command.
run: diff --pdf-timeout 90000 samples/diff/example-v1.html samples/diff/example-v2.html
exit: 2
err-has: cpslint: diff: invalid --pdf-timeout '90000' (1 to 86400 seconds)

# An unreadable input is exit 2 with "cpslint: FILE: reason".
run: diff samples/diff/example-v1.html no/such/file.html
exit: 2
err-has: cpslint: no/such/file.html: No such file or directory

# An unreadable file is exit 2 with "cpslint: FILE: reason".
run: outline no/such/file.html
exit: 2
err-has: cpslint: no/such/file.html: No such file or directory

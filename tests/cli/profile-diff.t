# diff shows the profile of both versions.
run: diff --fail-on never samples/diff/example-v1.html samples/diff/example-v2.html
exit: 0
has: profile: old

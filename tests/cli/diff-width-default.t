# Not a terminal: wrapped to 100 columns (an 8,000-character word diff line
# is no more). Checked on the ETS pair's longest lines.
setup: true
run: diff -o $TMP/r.txt samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
in-file: $TMP/r.txt
has:     Subscriber Certificates issued by ETS have a validity period of no more than [-825-] {+398+}
has:     days. Subordinate CA Certificates have a validity period of no more than ten years, and the ETS

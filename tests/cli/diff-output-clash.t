# -o onto an input is refused before anything is read or written.
setup: cp tests/data/diff-table-v2.html $TMP/new.html
run: diff -o $TMP/new.html tests/data/diff-table-v1.html $TMP/new.html
exit: 2
err-has: new.html
in-file: $TMP/new.html
has: Quillmoor Trust Certification Practice Statement

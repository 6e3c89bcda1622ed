# diff accepts --pdf-timeout: two PDFs made from the same sample compare
# as identical within the time given (exit 1: the version did not move).
exit: 1
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/diff/example-v1.html $TMP/a.pdf && cp $TMP/a.pdf $TMP/b.pdf
run: diff --sections-only --pdf-timeout 30 $TMP/a.pdf $TMP/b.pdf
has: 0 changed, 0 added, 0 removed

# check accepts --pdf-timeout (the timeout message tells the user to use
# it): a PDF read within the time given is checked.
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/en-cps-example-ca-v6.0.html $TMP/doc.pdf
run: check -q --as-of 2024-01-01 --fail-on never --pdf-timeout 30 $TMP/doc.pdf
exit: 0
has: 96 rules:

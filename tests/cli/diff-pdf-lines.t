# PDF input: a hunk's lines are page:line (the line within its page, as
# pdftotext lays it out), as check prints them.
exit: 1
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/diff/example-v1.html $TMP/a.pdf && python3 tests/pdf/make_pdf.py samples/diff/example-v2.html $TMP/b.pdf
run: diff $TMP/a.pdf $TMP/b.pdf
has: @@ 6.3.2 (old 46:26, new 46:38) @@
has:     Subscriber Certificates issued by ETS have a validity period of no more than [-825-] {+398+}

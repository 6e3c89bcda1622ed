# Without pdftotext, PDF input fails with what to install (exit 2).
env: CPSLINT_PDFTOTEXT=/nonexistent/pdftotext
run: outline tests/data/tiny.pdf
exit: 2
err-has: cpslint: tests/data/tiny.pdf: PDF input needs pdftotext (Debian package poppler-utils)

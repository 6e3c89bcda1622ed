# A file named .pdf that is text is not sent to pdftotext: refused (exit 2).
run: outline tests/data/not-a-pdf.pdf
exit: 2
err-has: not a PDF file

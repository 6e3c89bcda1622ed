# A Word .docx (a ZIP holding word/document.xml, entries compressed) is
# named for what it is, with what to do, not "binary input (NUL bytes)".
setup: python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); z.writestr("[Content_Types].xml", "<Types/>"); z.writestr("word/document.xml", "<w:document>1.5.2 Contact</w:document>"); z.close()' $TMP/cps.docx
run: check $TMP/cps.docx samples/en-cps-example-ca-v6.0.html
exit: 2
has: cps.docx: error: Word document: export it to HTML or PDF
has: samples/en-cps-example-ca-v6.0.html: version
err-has: cps.docx: Word document: export it to HTML or PDF

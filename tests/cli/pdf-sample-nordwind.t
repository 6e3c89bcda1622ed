# A PDF made from the flawed XHTML sample keeps its flaws: the same
# missing, duplicate and out-of-order sections as the XHTML.
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/xhtml-cps-nordwind-v1.3.xhtml $TMP/doc.pdf
run: outline --format json $TMP/doc.pdf
ignore: file format encoding line page language evidence note
json: d["format"] == "pdf" and d["language"] == "en"
json: all(s["page"] is None or s["page"] > 1 for s in d["sections"])
same-json-as: outline --format json samples/xhtml-cps-nordwind-v1.3.xhtml

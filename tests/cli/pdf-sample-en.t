# A PDF made from the English sample (title page, a three-page table of
# contents with dot leaders and wrapped entries, running header and
# "Page N of M" footer) gives the outline of the HTML, version and date
# included; sections are located by page. Section languages are not
# compared: the HTML declares lang, which sections without text inherit.
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/en-cps-example-ca-v6.0.html $TMP/doc.pdf
run: outline --format json $TMP/doc.pdf
ignore: file format encoding line page language evidence note
json: d["format"] == "pdf" and d["language"] == "en"
json: all(s["page"] is None or s["page"] > 1 for s in d["sections"])
same-json-as: outline --format json samples/en-cps-example-ca-v6.0.html

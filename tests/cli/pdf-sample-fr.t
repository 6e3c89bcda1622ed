# A PDF made from the French Latin-1 sample gives the outline of the HTML;
# headings are not compared (pdftotext turns the no-break spaces of
# « contraintes de politique » into spaces); long headings wrapped onto a
# second line are joined.
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/fr-dpc-autorite-exemple-v4.2.html $TMP/doc.pdf
run: outline --format json $TMP/doc.pdf
ignore: file format encoding line page language heading evidence note
json: d["format"] == "pdf" and d["language"] == "fr"
json: all(s["page"] is None or s["page"] > 1 for s in d["sections"])
same-json-as: outline --format json samples/fr-dpc-autorite-exemple-v4.2.html
json: {s["number"]: s["heading"] for s in d["sections"]}["9.4.6"].endswith("judiciaires ou administratives")

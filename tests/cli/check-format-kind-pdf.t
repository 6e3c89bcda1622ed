# Kind format: the Mozilla structured-text rule reads the file format. A
# PDF fails it once MRSP 3.1 3.3(2) is in force, with one document-level
# finding whose message names the format; before 2027-07-01 it is
# not-effective (or upcoming in the 180 days before).
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py samples/en-cps-example-ca-v6.0.html $TMP/doc.pdf
run: check --format json --fail-on never --pdf-timeout 30 --as-of 2027-08-01 $TMP/doc.pdf
json: [x["status"] for x in d["documents"][0]["checklist"] if x["rule"] == "mozilla.3.3.structured-text-format"] == ["fail"]
json: [f["message"].endswith("(this file was read as pdf)") for f in d["documents"][0]["findings"] if f["rule"] == "mozilla.3.3.structured-text-format"] == [True]

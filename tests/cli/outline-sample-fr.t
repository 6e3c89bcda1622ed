# The French sample: a Latin-1 Word export. Declared ISO-8859-1, decoded as
# windows-1252; numbers inside spans with NBSP padding; the "Sommaire" of
# MsoToc paragraphs with dot leaders yields no section; the CA-specific
# 3.2.3.3 nests under 3.2.3; version and date from the title page.
run: outline --format json samples/fr-dpc-autorite-exemple-v4.2.html
json: d["encoding"] == "windows-1252" and d["language"] == "fr"
json: d["version"] == "4.2" and d["date"] == "2018-11-25"
json: d["counts"]["found"] == 270 and d["counts"]["duplicate"] == 0 and d["counts"]["out_of_order"] == 0
json: {s["number"]: s["parent"] for s in d["sections"]}["3.2.3.3"] == "3.2.3"
json: [s["heading"] for s in d["sections"] if s["number"] == "1.5.2"] == ["Point de contact"]
json: min(s["line"] for s in d["sections"] if s["status"] == "found") > 300
json: all(s["title_matches"] for s in d["sections"] if s["status"] == "found")
json: all(s["language"] == "fr" for s in d["sections"] if s["number"] in ("1.1", "4.9.3", "6.3.2"))

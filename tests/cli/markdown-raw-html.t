# Raw HTML inside Markdown is read, not dropped: an HTML table, <a id>
# anchors, <ol><li><p> numbered headings; lines are Markdown source lines,
# also inside raw HTML blocks. YAML front matter gives version and date.
run: outline --format json tests/data/raw-html.md
json: d["format"] == "markdown" and d["version"] == "1.1" and d["date"] == "2024-05-02"
json: [(s["number"], s["line"]) for s in d["sections"] if s["status"] != "missing"] == [("1", 7), ("1.1", 9), ("1.2", 12), ("1.3", 18), ("1.3.1", 25), ("1.4", 30)]
json: all(s["status"] in ("found", "missing") for s in d["sections"])
json: {s["number"]: s["heading"] for s in d["sections"]}["1.3.1"] == "Certification Authorities"
json: {s["number"]: s["empty"] for s in d["sections"]}["1.3.1"] == False

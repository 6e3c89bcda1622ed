# Headings without numbers that follow RFC 3647 order are recognised by
# their titles and reported as unnumbered (1.3.2 is skipped: its absence
# leaves 1.3.3 "Subscribers" within reach); headings that match nothing
# expected next ("Change History", "Notes") are not sections.
run: outline --format json tests/data/unnumbered.md
json: [(s["number"], s["unnumbered"]) for s in d["sections"] if s["status"] != "missing"] == [("1", True), ("1.1", True), ("1.2", True), ("1.3", False), ("1.3.1", True), ("1.3.3", True), ("1.4", True)]
json: all(s["status"] in ("found", "missing") for s in d["sections"])
json: {s["number"]: s["line"] for s in d["sections"]}["1.3.3"] == 25
json: {s["number"]: s["heading"] for s in d["sections"]}["1.4"] == "Certificate usage"

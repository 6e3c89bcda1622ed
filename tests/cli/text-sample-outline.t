# A CPS published as plain text (.txt) is read by the layout reader PDF
# text goes through: its numbered lines are the sections, at their file
# lines (no pages: no form feed), and the table of contents with dot
# leaders is dropped, so no section is found twice.
run: outline --format json tests/data/plain-cps.txt
json: d["format"] == "text" and d["encoding"] == "UTF-8" and d["version"] == "3.1" and d["date"] == "2025-06-02"
json: [(s["number"], s["line"]) for s in d["sections"] if s["status"] == "found"] == [("1", 17), ("1.1", 19), ("1.2", 29), ("1.3", 37), ("1.3.1", 39), ("2", 43), ("2.1", 45), ("4", 50), ("4.9", 52), ("4.9.1", 54), ("4.9.3", 59)]
json: all(s["page"] is None for s in d["sections"]) and d["counts"]["duplicate"] == 0
json: d["profile"]["kind"] == "cps" and d["profile"]["scopes"] == ["tls-server"]

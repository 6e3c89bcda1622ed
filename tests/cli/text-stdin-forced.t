# Plain text on standard input has no name and no signature: --input-format
# text reads it as text (the same bytes are sniffed as Markdown without
# it: text-stdin-sniffed.t), with the sections the .txt file gives.
run: outline --format json --input-format text -
stdin: tests/data/plain-cps.txt
json: d["format"] == "text" and d["file"] == "-"
json: [(s["number"], s["line"]) for s in d["sections"] if s["status"] == "found"][:3] == [("1", 17), ("1.1", 19), ("1.2", 29)]

# The flawed XHTML sample: every outline defect it was written with is found.
run: outline --format json samples/xhtml-cps-nordwind-v1.3.xhtml
json: d["format"] == "xhtml" and d["version"] == "1.3" and d["date"] == "2024-05-02"
json: [s["number"] for s in d["sections"] if s["status"] == "missing"] == ["4.6.%d" % i for i in range(1, 8)]
json: [s["number"] for s in d["sections"] if s["empty"] and s["status"] != "missing"] == ["1.5.3"]
json: [s["number"] for s in d["sections"] if s["status"] == "out-of-order"] == ["9.4.2"]
json: [s["number"] for s in d["sections"] if s["status"] == "duplicate"] == ["5.3.2"]
json: [s["number"] for s in d["sections"] if s["title_matches"] is False] == ["1.3.2"]
json: sorted(s["number"] for s in d["sections"] if s["status"] == "extra") == sorted(["3.2.2.4.7", "3.2.2.4.19", "4.9.1.1", "4.9.1.2", "4.9.1.3", "6.1.1.1", "6.1.1.2"])

# Actalis CPS v5.18: all 270 sections; subsections written as plain text
# lines (1.3.1.1, 3.2.2.4, 6.1.1.1 ...) are read as extra sections nested
# under their parent; the list-shaped table of contents yields no section;
# 1.3.5 is titled "Resellers" and reported, not dropped.
needs: corpus
run: outline --format json $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.html
json: d["counts"]["found"] == 270 and d["counts"]["missing"] == 0 and d["counts"]["duplicate"] == 0
json: {s["number"]: s["parent"] for s in d["sections"]}["3.2.2.4"] == "3.2.2"
json: {s["number"]: s["status"] for s in d["sections"]}["6.1.1.1"] == "extra"
json: [s["heading"] for s in d["sections"] if s["number"] == "1.3.5"] == ["Resellers"]
json: [s["title_matches"] for s in d["sections"] if s["number"] == "1.3.5"] == [False]
json: d["version"] == "5.18" and d["date"] == "2025-06-18"

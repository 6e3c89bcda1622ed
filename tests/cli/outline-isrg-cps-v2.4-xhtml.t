# The XHTML twin of ISRG CPS v2.4 gives the same outline as its HTML version
# (read with the HTML parser: entities kept, nothing loaded).
needs: corpus
run: outline --format json $CORPUS/isrg-cps-v2.4-2018-09-20.xhtml
json: d["format"] == "xhtml" and d["counts"]["missing"] == 23
json: [s["number"] for s in d["sections"] if s["status"] == "missing"][:2] == ["3.3.1", "3.3.2"]
json: d["counts"]["found"] == 247 and d["counts"]["extra"] == 6 and d["counts"]["duplicate"] == 0

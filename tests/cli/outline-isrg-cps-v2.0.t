# ISRG CPS v2.0 has 249 of the 270 RFC 3647 sections and misses exactly
# 4.6.1-4.6.7, 4.7.1-4.7.7 and 4.8.1-4.8.7 (their parents 4.6-4.8 are there).
needs: corpus
run: outline --format json $CORPUS/isrg-cps-v2.0-2017-04-13.html
json: d["counts"]["found"] + d["counts"]["out_of_order"] == 249 and d["counts"]["missing"] == 21
json: sorted(s["number"] for s in d["sections"] if s["status"] == "missing") == sorted("4.%d.%d" % (a, b) for a in (6, 7, 8) for b in range(1, 8))
json: all(s["status"] == "found" for s in d["sections"] if s["number"] in ("4.6", "4.7", "4.8", "1.5.2"))
json: d["format"] == "html" and d["encoding"] == "UTF-8" and d["language"] == "en"
json: d["version"] == "2.0"

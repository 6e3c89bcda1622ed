# The Baseline Requirements themselves follow RFC 3647 with BR titles
# (accepted as aliases) and many BR-only subsections (3.2.2.4.1-22).
needs: corpus
run: outline --format json $CORPUS/cabf-tls-br-v2.2.6-2026-03-31.html
json: d["counts"]["found"] == 270 and d["counts"]["duplicate"] == 0 and d["counts"]["out_of_order"] == 0
json: len([s for s in d["sections"] if s["number"].startswith("3.2.2.4.")]) == 22
json: all(s["title_matches"] for s in d["sections"] if s["status"] == "found")

# The conforming English sample: whole outline, metadata from the title page.
run: outline --format json samples/en-cps-example-ca-v6.0.html
json: d["counts"]["found"] == 270 and d["counts"]["missing"] == 0 and d["counts"]["duplicate"] == 0
json: d["version"] == "6.0" and d["date"] == "2026-10-15" and d["language"] == "en"
json: not [s for s in d["sections"] if s["empty"] or s["title_matches"] is False]

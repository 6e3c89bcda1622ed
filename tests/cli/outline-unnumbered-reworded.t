# A CP whose numbers were lost and many of whose titles are reworded ("Whom
# to contact", "Glossary", "Proving a key is compromised"): aligned to RFC
# 3647 by level and order, it has every section; none is reported missing.
run: outline --format json samples/forms/en-cp-tamarack-unnumbered.md
json: d["version"] == "5.0" and d["date"] == "2023-09-01"
json: d["counts"]["found"] == 270 and d["counts"]["missing"] == 0 and d["counts"]["out_of_order"] == 0
json: all(s["unnumbered"] for s in d["sections"])
json: {s["number"]: s["heading"] for s in d["sections"]}["1.5.2"] == "Whom to contact"
json: {s["number"]: s["heading"] for s in d["sections"]}["4.9.12"] == "Proving a key is compromised"

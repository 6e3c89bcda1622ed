# US federal draft CP: BR-style subsections, "[Reserved]" headings kept.
needs: corpus
run: outline --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.html
json: d["counts"]["found"] == 270 and d["counts"]["missing"] == 0
json: [s["heading"] for s in d["sections"] if s["number"] == "3.2.2.4.1"] == ["[Reserved]"]

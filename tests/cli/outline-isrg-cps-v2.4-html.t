# The HTML version of ISRG CPS v2.4 (compare outline-isrg-cps-v2.4-xhtml).
needs: corpus
run: outline --format json $CORPUS/isrg-cps-v2.4-2018-09-20.html
json: d["format"] == "html" and d["counts"]["missing"] == 23
json: d["counts"]["found"] == 247 and d["counts"]["extra"] == 6 and d["counts"]["duplicate"] == 0

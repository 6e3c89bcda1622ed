# ISRG CPS v2.0 in Markdown: the same outline as its HTML rendering
# (249 found, 21 missing). Section languages are not compared: the HTML
# declares lang="en" (added when it was generated), so its sections without
# text inherit "en"; the Markdown declares nothing.
needs: corpus
run: outline --format json $CORPUS/isrg-cps-v2.0-2017-04-13.md
ignore: file format encoding line page language evidence note
json: d["format"] == "markdown" and d["language"] == "en"
json: d["counts"]["found"] == 249 and d["counts"]["missing"] == 21
json: d["profile"]["kind"] == "cps" and d["profile"]["scopes"] == ["tls-server"]
same-json-as: outline --format json $CORPUS/isrg-cps-v2.0-2017-04-13.html

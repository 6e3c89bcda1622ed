# ISRG CPS v2.4 in Markdown: the same outline as its HTML rendering.
needs: corpus
run: outline --format json $CORPUS/isrg-cps-v2.4-2018-09-20.md
ignore: file format encoding line page language evidence note
json: d["format"] == "markdown" and d["language"] == "en"
json: d["profile"]["kind"] == "cps" and d["profile"]["scopes"] == ["tls-server"]
same-json-as: outline --format json $CORPUS/isrg-cps-v2.4-2018-09-20.html

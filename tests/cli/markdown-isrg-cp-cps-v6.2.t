# ISRG CP/CPS v6.2 in Markdown: the same outline as its HTML rendering.
needs: corpus
run: outline --format json $CORPUS/isrg-cp-cps-v6.2-2026-08-12.md
ignore: file format encoding line page language evidence note
json: d["format"] == "markdown" and d["language"] == "en"
json: d["profile"]["kind"] == "cp-cps" and d["profile"]["scopes"] == ["tls-server"]
same-json-as: outline --format json $CORPUS/isrg-cp-cps-v6.2-2026-08-12.html

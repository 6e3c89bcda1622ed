# Actalis CPS v5.18 in Markdown: the same outline (sections, statuses,
# headings, blank flags, parents, languages), version and date as its HTML
# rendering; pipe tables (revision history) read as table cells.
needs: corpus
run: outline --format json $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.md
ignore: file format encoding line page language evidence note
json: d["format"] == "markdown" and d["language"] == "en"
json: d["profile"]["kind"] == "cps" and d["profile"]["scopes"] == ["tls-server", "code-signing"]
same-json-as: outline --format json $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.html

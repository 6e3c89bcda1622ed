# The TLS BRs in Markdown: the same outline as the HTML rendering; version
# and date come from the YAML front matter (subtitle: Version 2.2.6,
# date: 31-March-2026), which is not read as text.
needs: corpus
run: outline --format json $CORPUS/cabf-tls-br-v2.2.6-2026-03-31.md
ignore: file format encoding line page language evidence note
json: d["format"] == "markdown" and d["language"] == "en"
json: d["profile"]["kind"] == "not-a-policy"
same-json-as: outline --format json $CORPUS/cabf-tls-br-v2.2.6-2026-03-31.html
json: d["version"] == "2.2.6" and d["date"] == "2026-03-31"
json: [s["line"] for s in d["sections"] if s["number"] in ("1", "1.1", "9.17")] == [16, 18, 3990]

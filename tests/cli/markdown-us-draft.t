# US federal draft CP in Markdown: the same outline as its HTML rendering
# (the version is not compared: the HTML has it only in its <title>,
# which the Markdown lacks).
needs: corpus
run: outline --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.md
ignore: file format encoding line page language version evidence note
json: d["format"] == "markdown" and d["language"] == "en"
json: d["profile"]["kind"] == "cp" and d["profile"]["scopes"] == ["tls-server"]
same-json-as: outline --format json $CORPUS/us-fed-public-trust-device-cp-draft-v0.1-2017-09-22.html

# --format jsonl: one JSON object per line, each with a "type": the
# findings of a document, then its "document" line, an unreadable input as
# a "document" line with "error", the "summary" last; every line valid
# against docs/schema/jsonl.schema.json (a finding against check's).
run: check --format jsonl --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html nosuch.html
exit: 2
json: [x["type"] for x in d] == ["finding"] * 7 + ["document", "document", "summary"]
json: d[0]["file"] == "samples/fr-dpc-autorite-exemple-v4.2.html" and d[0]["finding"]["rule"] == "br.3.2.2.4.1.retired"
json: d[7]["summary"]["errors"] == 6 and d[7]["summary"]["warnings"] == 1 and d[7]["language"] == "fr"
json: d[8] == {"type": "document", "file": "nosuch.html", "error": "No such file or directory"}
json: d[9]["documents"] == 2 and d[9]["unreadable"] == 1 and d[9]["as_of"] == "2019-05-09"

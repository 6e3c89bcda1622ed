# JSON: the changed rows of a section's tables (changed cells only, every
# cell of an added or removed row), each word-diff run with its lines, and
# a moved finding with where it was (docs/json.md, diff.schema.json).
run: diff --format json --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
json: [r["label"] for r in [c for c in d["sections"]["changed"] if c["number"] == "6.3.2"][0]["rows"]] == ["Cross certificates", "Subscriber certificates", "OCSP responder certificates"]
json: [c for c in d["sections"]["changed"] if c["number"] == "6.3.2"][0]["rows"][1] == {"table": 1, "label": "Subscriber certificates", "change": "changed", "old_line": 24, "new_line": 24, "cells": [{"column": 2, "old": "398 days", "new": "200 days"}, {"column": 3, "old": "398 days", "new": "200 days"}]}
json: not any("Root CA" in x["text"] for c in d["sections"]["changed"] for x in c["diff"])
json: [c for c in d["sections"]["changed"] if c["number"] == "1.5.2"][0]["diff"][0]["hunk"] is True
json: [(x["old_line"], x["new_line"]) for c in d["sections"]["changed"] if c["number"] == "1.5.2" for x in c["diff"] if x["op"] == "-"] == [(15, 16), (15, 16)]
json: [f["moved_from"] for f in d["findings"]["persisting"] if "moved_from" in f] == [{"section": "6.3.2", "line": 18, "snippet": "Quillmoor Trust sets the operational periods below. Subscriber Certificates have a validity period of no more than 825 days."}]
json: [f["line"] for f in d["findings"]["persisting"] if "moved_from" in f] == [19]

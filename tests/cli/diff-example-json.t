# The 6.3.2 validity limit (825 then 398 days, both over 200 as of today) is
# disabled here: its message quotes the number, so the diff sees two findings.
# The fictional ETS CPS v1.3 -> v1.4 (samples/diff/README.md): every kind of change.
# Exit 1: v1.4 introduces the retired validation method 3.2.2.4.6.
run: diff --disable br.6.3.2.subscriber-validity --format json samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
json: d["old"]["version"] == "1.3" and d["new"]["version"] == "1.4"
json: d["old"]["date"] == "2024-03-01" and d["new"]["date"] == "2025-03-15"
json: d["version_incremented"] and d["date_advanced"] and d["changelog_entry_added"]
json: d["changelog_entry"] == {"version": "1.4", "date": "2025-03-15"}
json: sorted(s["number"] for s in d["sections"]["changed"]) == ["1.2", "1.5.2", "6.3.2"]
json: sorted(s["number"] for s in d["sections"]["added"]) == ["10", "10.1", "10.2", "3.2.2.4.6", "4.9.1.3"]
json: [s["number"] for s in d["sections"]["removed"]] == ["3.2.2.4.2"]
json: sorted((r["from"], r["to"]) for r in d["sections"]["renumbered"]) == [("10", "11"), ("10.1", "11.1"), ("10.2", "11.2"), ("10.3", "11.3"), ("10.4", "11.4"), ("4.9.1.3", "4.9.1.4")]
json: all(not r["changed"] for r in d["sections"]["renumbered"])
json: [(x["op"], x["text"]) for x in [c for c in d["sections"]["changed"] if c["number"] == "6.3.2"][0]["diff"] if x["op"] != "="] == [("-", "825"), ("+", "398")]
json: [(x["old_line"], x["new_line"]) for x in [c for c in d["sections"]["changed"] if c["number"] == "6.3.2"][0]["diff"] if x["op"] == "-"] == [(539, 545)]
json: [c for c in d["sections"]["changed"] if c["number"] == "1.2"][0]["rows"] == [{"table": 1, "label": "1.4", "change": "added", "new_line": 24, "cells": [{"column": 1, "old": None, "new": "1.4"}, {"column": 2, "old": None, "new": "March 15, 2025"}, {"column": 3, "old": None, "new": "Validity reduced to 398 days; new revocation reason; chapter 10 on code signing; qualified practices moved to chapter 11."}]}]
json: "5.1.1" not in [c["number"] for c in d["sections"]["changed"]]
json: d["sections"]["unchanged"] == 272
json: d["findings_compared"] and [(f["rule"], f["section"]) for f in d["findings"]["introduced"]] == [("br.3.2.2.4.6.retired", "3.2.2.4.6")]
json: ("br.3.2.2.4.2.retired", "3.2.2.4.2") in [(f["rule"], f["section"]) for f in d["findings"]["resolved"]]
json: ("br.4.9.3.problem-reporting", "1.5.2") in [(f["rule"], f["section"]) for f in d["findings"]["resolved"]]
json: d["problems"] == ["the new version introduces findings at or above --fail-on"]
json: all(k in f for f in d["findings"]["introduced"] for k in ("rule", "severity", "status", "section", "heading", "line", "snippet", "message", "cite", "effective"))

# A version that cannot be read is a row with its error, not the end of the
# run: the others are still ordered and checked; exit 2 at the end. Two
# versions with the same number and date are reported.
run: history --format json --as-of 2026-12-01 samples/history/lindenfeld-cps-v2.0.html tests/data/not-a-pdf.pdf samples/history/lindenfeld-cps-v2.1.html samples/history/lindenfeld-cps-v2.1.html
exit: 2
err-has: not-a-pdf.pdf
json: [v.get("version") for v in d["versions"]] == ["2.0", "2.1", "2.1", None]
json: "error" in d["versions"][3] and d["versions"][3]["source"] == "tests/data/not-a-pdf.pdf"
json: ("duplicate", 3) in [(r["kind"], r["version"]) for r in d["record"]]
json: ("unreadable", 4) in [(r["kind"], r["version"]) for r in d["record"]]

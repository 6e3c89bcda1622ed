# history --git: the sample series committed one version after another in a
# new repository, the file renamed half-way (cps.html -> docs/CPS.html) and
# the dates of the commits unrelated to the documents' own: the same
# versions, windows and record as from the files, each labelled with its
# commit, dates from the documents.
setup: sh tests/cli/data/history-repo.sh $TMP/repo
run: history --format json --as-of 2026-12-01 -C $TMP/repo --git docs/CPS.html
exit: 1
json: [v["version"] for v in d["versions"]] == ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2", "3.3", "3.4", "4.0"]
json: all(v["commit"] and v["date_source"] == "document" for v in d["versions"])
json: d["versions"][0]["source"].endswith(":cps.html") and d["versions"][-1]["source"].endswith(":docs/CPS.html")
json: sorted((w["rule"], w["days"]) for w in d["late_windows"]) == [("br.3.2.2.4.1.retired", 369), ("br.3.2.2.4.6.retired", 179), ("br.4.9.3.problem-reporting", 295)]
json: [(r["kind"], r["days"]) for r in d["record"]] == [("gap", 428)]

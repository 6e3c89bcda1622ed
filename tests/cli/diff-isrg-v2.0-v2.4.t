# ISRG CPS v2.0 -> v2.4: version, date and revision row; 1.5.2 gains the
# problem-report email; 3.3.1 and 3.3.2 are gone.
needs: corpus
run: diff --format json $CORPUS/isrg-cps-v2.0-2017-04-13.html $CORPUS/isrg-cps-v2.4-2018-09-20.html
json: (d["old"]["version"], d["new"]["version"]) == ("2.0", "2.4")
json: (d["old"]["date"], d["new"]["date"]) == ("2017-04-13", "2018-09-20")
json: d["version_incremented"] and d["date_advanced"] and d["changelog_entry_added"]
json: any(x["op"] == "+" and "cert-prob-reports@letsencrypt.org" in x["text"] for c in d["sections"]["changed"] if c["number"] == "1.5.2" for x in c["diff"])
json: sorted(s["number"] for s in d["sections"]["removed"]) == ["3.3.1", "3.3.2"]
json: d["sections"]["added"] == [] and d["sections"]["renumbered"] == []

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
# Findings as of today: v2.4 resolves the 1.5.2 problem-reporting and
# contact-means errors; its missing 3.3.1/3.3.2 are notices (exit 0).
exit: 0
json: d["findings_compared"]
json: ("br.4.9.3.problem-reporting", "1.5.2") in [(f["rule"], f["section"]) for f in d["findings"]["resolved"]]
json: "br.4.9.3.problem-reporting" not in [f["rule"] for k in ("introduced", "persisting") for f in d["findings"][k]]
json: sorted(f["section"] for f in d["findings"]["introduced"] if f["rule"] == "rfc3647.doc.missing-section") == ["3.3.1", "3.3.2"]

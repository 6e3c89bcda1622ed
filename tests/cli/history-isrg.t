# The visible corpus's three ISRG versions (2017, 2018, 2026). What a
# reviewer states from these three alone: 1.5.2 had no contact means from
# 2.0 (2017-04-13) until 2.4 (2018-09-20), 525 days; 2.4, in force until
# 6.2 in this set, still offered 3.2.2.4.6 and 3.2.2.4.10 after their
# retirement on 2020-06-04 and 2020-09-22 (ISRG published versions in
# between that are not in the corpus: with them the windows close earlier);
# gaps of 525 and 2883 days between the versions given.
needs: corpus
run: history --format json --as-of 2026-11-27 $CORPUS/isrg-cps-v2.0-2017-04-13.html $CORPUS/isrg-cps-v2.4-2018-09-20.html $CORPUS/isrg-cp-cps-v6.2-2026-08-12.html
exit: 1
json: [v["version"] for v in d["versions"]] == ["2.0", "2.4", "6.2"]
json: {w["rule"]: w["days"] for w in d["late_windows"]}["br.1.5.2.contact-means"] == 525
json: {w["rule"]: (w["start"], w["end"]) for w in d["late_windows"]}["br.3.2.2.4.6.retired"] == ("2020-06-04", "2026-08-12")
json: {w["rule"]: (w["start"], w["end"]) for w in d["late_windows"]}["br.3.2.2.4.10.retired"] == ("2020-09-22", "2026-08-12")
json: [(r["kind"], r["days"]) for r in d["record"] if r["kind"] == "gap"] == [("gap", 525), ("gap", 2883)]

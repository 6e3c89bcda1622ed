# The twelve versions of the fictional Lindenfeld Trust CPS (samples/history/,
# 2017-2026), given in reverse order: put in version order, each checked as
# of its own date and of its last day in force; the late windows to the day:
# 3.2.2.4.1 offered past its 2018-08-01 retirement until 2.0 of 2019-08-05
# (369 days), 1.5.2 without problem reporting past BR 4.9.3's 2018-10-14
# until 2.0 (295 days), 3.2.2.4.6 offered past 2020-06-04 until 2.2 of
# 2020-11-30 (179 days); and the 428-day gap between 2.2 and 3.0.
run: history --format json --as-of 2026-12-01 samples/history/lindenfeld-cps-v4.0.html samples/history/lindenfeld-cps-v3.4.html samples/history/lindenfeld-cps-v3.3.html samples/history/lindenfeld-cps-v3.2.html samples/history/lindenfeld-cps-v3.1.html samples/history/lindenfeld-cps-v3.0.html samples/history/lindenfeld-cps-v2.2.html samples/history/lindenfeld-cps-v2.1.html samples/history/lindenfeld-cps-v2.0.html samples/history/lindenfeld-cps-v1.2.html samples/history/lindenfeld-cps-v1.1.html samples/history/lindenfeld-cps-v1.0.html
exit: 1
json: [v["version"] for v in d["versions"]] == ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2", "3.3", "3.4", "4.0"]
json: all(v["date_source"] == "document" for v in d["versions"])
json: d["versions"][4]["date"] == "2020-07-14" and d["versions"][4]["in_force_until"] == "2020-11-29"
json: {w["rule"]: (w["start"], w["end"], w["days"], w["first_failing"], w["fixed_by"]) for w in d["late_windows"]} == {"br.3.2.2.4.1.retired": ("2018-08-01", "2019-08-05", 369, 2, 4), "br.4.9.3.problem-reporting": ("2018-10-14", "2019-08-05", 295, 2, 4), "br.3.2.2.4.6.retired": ("2020-06-04", "2020-11-30", 179, 4, 6)}
json: [(r["kind"], r["version"], r.get("days")) for r in d["record"]] == [("gap", 7, 428)]
json: [r["as_of_own_date"][1] for r in d["rules"] if r["rule"] == "br.3.2.2.4.1.retired"] == ["upcoming"]

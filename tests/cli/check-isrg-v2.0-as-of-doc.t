# As of its own date (2017-04-13) no DV-method rule and not the 4.9.3
# rule (effective 2018-10-14) fail ISRG CPS v2.0.
needs: corpus
run: check --as-of doc --format json $CORPUS/isrg-cps-v2.0-2017-04-13.html
json: d["documents"][0]["date"] == "2017-04-13" and d["documents"][0]["as_of"] == "2017-04-13"
json: not any(f["rule"].startswith("br.3.2.2.") for f in d["documents"][0]["findings"])
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.9.3.problem-reporting"] == "not-effective"
exit: 1

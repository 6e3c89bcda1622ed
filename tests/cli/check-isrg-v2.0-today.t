# ISRG CPS v2.0 (2017) offers 3.2.2.4.6 and 3.2.2.4.10, retired since 2020,
# and 3.2.2.4.7 (no rule); its 1.5.2 gives only a postal address.
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/isrg-cps-v2.0-2017-04-13.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.6.retired"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.10.retired"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.9.3.problem-reporting"] == "fail"
json: not any(f["rule"].startswith("br.3.2.2.4.7") for f in d["documents"][0]["findings"])
json: {f["rule"] for f in d["documents"][0]["findings"] if f["rule"].startswith("br.3.2.2.")} == {"br.3.2.2.4.6.retired", "br.3.2.2.4.10.retired"}

# The French sample reproduces the 2019 Mozilla review: problem reporting
# missing from 1.5.2, retired DV methods 3.2.2.4.1 and .5 offered in
# 3.2.3.3, and no English version. Exit 1.
run: check --as-of 2019-05-09 --format json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.4.9.3.problem-reporting"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.1.retired"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.5.retired"] == "fail"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.english-version"] == "fail"
json: [f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "br.3.2.2.4.5.retired"] == ["3.2.3.3"]
json: d["as_of"] == "2019-05-09" and d["documents"][0]["language"] == "fr"

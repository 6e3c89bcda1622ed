# The Harborline sample (samples/README.md): the statement classes of issue 14,
# each with its verdict (tests/accuracy/samples.tsv) and, for a pass, its evidence.
run: check --as-of 2026-11-27 --format json samples/en-cps-harborline-v2.1.md
exit: 1
# CAA answered one level down (4.2.4): a pass, with both sentences
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.2.caa-issuer-domains"]["status"] == "pass"
json: [e["section"] for e in {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.2.caa-issuer-domains"]["evidence"]] == ["4.2.4", "4.2.4"]
json: "harborline.test" in {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.2.caa-issuer-domains"]["evidence"][1]["quote"]
# "Please see Section 4.9.3." in 4.9.5: the answer is read in 4.9.3
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.5.preliminary-report"]["status"] == "pass"
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.5.preliminary-report"]["evidence"][0]["section"] == "4.9.3"
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.5.preliminary-report"]["evidence"][0]["quote"].startswith("Within 24 hours after receiving a Certificate Problem Report")
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.5.preliminary-report"]["evidence"][0]["line"] > 0
# a 1.5.2 that only points elsewhere: the BR names 1.5.2 itself
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.3.problem-reporting"]["status"] == "fail"
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.1.5.2.contact-means"]["status"] == "fail"
json: "evidence" not in {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.1.5.2.contact-means"]
# RFC 3647 suspension headings over "Refer to Section 4.9.13."
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.13.no-suspension"]["status"] == "pass"
# the CCADB Policy only in the references
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["ccadb.4.adherence-statement"]["status"] == "fail"
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["chrome.1.1.adherence-statement"]["status"] == "fail"
# 24x7 status services are not 24x7 problem reports
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.4.9.3.continuous-24x7"]["status"] == "fail"
# "Effective from June 1, 2021, RSA keys..." is not the document's effective date
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["ccadb.4.effective-date"]["status"] == "fail"
# the precedence sentence names the BRs; the version named is old
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.2.2.conformance-statement"]["evidence"] == [{"section": "1.1", "line": {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.2.2.conformance-statement"]["evidence"][0]["line"], "quote": "In the event of any inconsistency between this CPS and the Baseline Requirements, the Baseline Requirements take precedence over this CPS."}]
json: {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.2.2.pinned-version"]["status"] == "fail"
json: [f["marked"] for f in d["documents"][0]["findings"] if f["rule"] == "br.2.2.pinned-version"] == ["version 1.8.7 of the Baseline Requirements"]
# a pass of another kind carries no evidence
json: "evidence" not in {c["rule"]: c for c in d["documents"][0]["checklist"]}["br.7.1.3.no-sha1"]

# --scope overrides detection: checked as a TLS document, the S/MIME CPS's
# 825-day validity fails the TLS BR's cap, and the profile says the scope
# came from the option.
run: check --as-of 2026-11-27 --scope tls-server --format json samples/en-smime-cps-exemplar-v2.1.html
exit: 1
json: d["documents"][0]["profile"]["scopes"] == ["tls-server"] and d["documents"][0]["profile"]["scopes_source"] == "option"
json: d["documents"][0]["profile"]["source"] == "option" and d["documents"][0]["profile"]["kind_source"] == "detected"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "fail"

# Chrome's adherence statement is addressed to the CP or combined CP/CPS:
# n/a on a CPS that names a separate CP (ISRG CPS v2.0 implements the ISRG
# CP), but due from a CPS that names none (Actalis: its CPS is its only
# policy document).
needs: corpus
run: check --as-of 2026-11-27 --format json --exit-zero $CORPUS/isrg-cps-v2.0-2017-04-13.md $CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.md
exit: 0
json: [x["profile"]["kind"] for x in d["documents"]] == ["cps", "cps"]
json: d["documents"][1]["profile"]["scopes"] == ["tls-server", "code-signing"]
json: {c["rule"]: c.get("note") for c in d["documents"][0]["checklist"]}["chrome.1.1.adherence-statement"].startswith("a CP duty (Chrome Root Program Policy")
json: {c["rule"]: c["status"] for c in d["documents"][1]["checklist"]}["chrome.1.1.adherence-statement"] == "fail"

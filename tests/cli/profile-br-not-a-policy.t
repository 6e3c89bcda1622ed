# The TLS BR is not a CA's CP/CPS: one notice says so (quoting the title
# that decided it), every other rule is n/a, and nothing fails the run.
needs: corpus
run: check --as-of 2026-11-27 --format json $CORPUS/cabf-tls-br-v2.2.6-2026-03-31.md $CORPUS/cabf-tls-br-v2.2.6-2026-03-31.html
exit: 0
json: [x["profile"]["kind"] for x in d["documents"]] == ["not-a-policy", "not-a-policy"]
json: all([c["rule"] for c in x["checklist"] if c["status"] not in ("n/a",)] == ["rfc3647.doc.not-a-policy"] for x in d["documents"])
json: all(len(x["findings"]) == 1 and x["findings"][0]["severity"] == "notice" for x in d["documents"])
json: all(c.get("note", "").startswith("this document is not a CA's CP or CPS") for x in d["documents"] for c in x["checklist"] if c["rule"] != "rfc3647.doc.not-a-policy")

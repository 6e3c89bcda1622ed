# --disable removes rules (a family by prefix) from the checklist; an id
# that matches nothing is a usage error elsewhere.
run: check --as-of 2019-05-09 --disable br.3.2.2.4 --disable br.4.9.3.problem-reporting --format json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: not any(c["rule"].startswith("br.3.2.2.4.") or c["rule"] == "br.4.9.3.problem-reporting" for c in d["documents"][0]["checklist"])

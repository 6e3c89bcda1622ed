# In the JSON report, "mark" is the match inside "snippet" in code points
# (so snippet[a:b] in Python is the match, accents before it included) and
# "marked" is the matched text itself.
run: check --format json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: all(f["snippet"][f["mark"][0]:f["mark"][1]] == f["marked"] for f in d["documents"][0]["findings"] if f.get("mark"))
json: [f["marked"] for f in d["documents"][0]["findings"] if f["rule"] == "br.3.2.2.4.1.retired"] == ["3.2.2.4.1"]

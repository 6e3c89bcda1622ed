# The plain-text CPS through check: the rules read its sections as they
# read an HTML one's ("No stipulation." alone in 4.9.3 fails), and the
# format rule on PDF-only publication does not fire on text.
run: check --only-ruleset mozilla --as-of 2027-08-01 --format json tests/data/plain-cps.txt
exit: 1
json: d["documents"][0]["format"] == "text"
json: [(f["section"], f["line"], f["snippet"]) for f in d["documents"][0]["findings"] if f["rule"] == "mozilla.3.3.no-stipulation"] == [("4.9.3", 61, "No stipulation.")]
json: [c["status"] for c in d["documents"][0]["checklist"] if c["rule"] == "mozilla.3.3.structured-text-format"] == ["pass"]

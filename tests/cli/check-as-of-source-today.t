# Without --as-of the date is today's, and JSON says so.
run: check --format json samples/forms/en-cps-borealis-revtable.md
json: d["documents"][0]["as_of_source"] == "today"
exit: 1

# An explicit --as-of DATE is "option"; no --as-of is "today".
run: check --as-of 2025-01-01 --format json samples/forms/en-cps-borealis-revtable.md
json: d["documents"][0]["as_of"] == "2025-01-01" and d["documents"][0]["as_of_source"] == "option"
exit: 1

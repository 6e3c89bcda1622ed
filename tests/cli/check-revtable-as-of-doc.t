# --as-of doc takes the revision table's newest date; JSON says where the
# as-of date came from.
run: check --as-of doc --format json samples/forms/en-cps-borealis-revtable.md
json: d["documents"][0]["version"] == "3.1" and d["documents"][0]["date"] == "2022-03-03"
json: d["documents"][0]["as_of"] == "2022-03-03" and d["documents"][0]["as_of_source"] == "document"
json: d["documents"][0]["sections"]["found"] == 270 and d["documents"][0]["sections"]["missing"] == []
exit: 1

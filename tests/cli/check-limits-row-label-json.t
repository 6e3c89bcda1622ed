# JSON carries the same row label as the text report: the snippet of a
# table-cell finding is "LABEL | CELL" and its mark covers the value only.
run: check --as-of 2027-06-01 --only-ruleset cabf-br --format json tests/data/limits-validity-table.html
exit: 1
json: [(f["snippet"], f["mark"]) for f in d["documents"][0]["findings"] if f["rule"] == "br.6.3.2.subscriber-validity"] == [("Subscriber certificates | 200 days", [26, 34])]

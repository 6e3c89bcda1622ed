# The same table checked as of 2029-03-15: its last row (100 days until
# 2029-03-15) is no longer in force and no row covers the date, so nothing
# is compared; as of 2027-06-01 the 100-day row applies and passes.
run: check --only-ruleset cabf-br --as-of 2027-06-01 --format json tests/cli/data/schedule-table.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "pass"
exit: 1

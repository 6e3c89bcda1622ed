# A BR-style schedule table in 6.3.2 ("Certificate issued before | March 15,
# 2026 | 398 days"): each cell reads its row with the other columns'
# headers, so the 398-day row is dated and only the row in force counts.
run: check --only-ruleset cabf-br --format json tests/cli/data/schedule-table.html
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.6.3.2.subscriber-validity"] == "pass"
exit: 1

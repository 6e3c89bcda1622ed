# --format jsonl keeps baselined findings (with their "baseline"), writes
# expired and stale baseline entries as "note" lines before the summary.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --format jsonl --baseline tests/cli/data/baseline-fr-expired-stale.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: len([x for x in d if x["type"] == "finding" and "baseline" in x["finding"]]) == 3
json: [x["type"] for x in d][-3:] == ["note", "note", "summary"] and d[-1]["baselined"] == 2 and d[-1]["errors"] == 1
json: d[-2]["file"] == "tests/cli/data/baseline-fr-expired-stale.json" and d[-2]["line"] == 31

# Inline suppression in a French Markdown document (tests/data/suppress-fr.md,
# fictional): the directive in 3.2.2.4 suppresses ci.dv.3.2.2.4.1 there and
# in 3.2.2.4.2, not in 4.1; a directive without a reason (1.5.2) suppresses
# nothing (3.2.2.4.5 in 4.1 still fails); an unknown rule id is a warning.
# Lines are the Markdown source's.
run: check --only-ruleset tests/cli/data/ci.rules --format jsonl --as-of 2025-07-01 tests/data/suppress-fr.md
exit: 1
json: [(x["finding"]["rule"], x["finding"]["section"], x["finding"]["line"], x["finding"]["status"]) for x in d if x["type"] == "finding" and x["finding"]["rule"].startswith("ci.")] == [("ci.dv.3.2.2.4.1", "3.2.2.4", 31, "suppressed"), ("ci.dv.3.2.2.4.1", "3.2.2.4.2", 35, "suppressed"), ("ci.dv.3.2.2.4.1", "4.1", 41, "fail"), ("ci.dv.3.2.2.4.5", "4.1", 41, "fail")]
json: all(x["finding"]["suppression"] == {"reason": "l'historique de la méthode 3.2.2.4.1 reste jusqu'à la version 2.1 (décision du comité du 12 mai 2025)", "line": 29} for x in d if x["type"] == "finding" and x["finding"]["status"] == "suppressed")
json: [(x["finding"]["rule"], x["finding"]["line"]) for x in d if x["type"] == "finding" and x["finding"]["rule"].startswith("cpslint.")] == [("cpslint.suppression.no-reason", 19), ("cpslint.suppression.unknown-rule", 43)]
json: d[-1]["suppressed"] == 2 and d[-1]["errors"] == 2 and d[-1]["warnings"] == 2

# An unknown format is a usage error naming the formats.
run: check --format xml samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: is not text, json, sarif, junit, markdown, github, line, gitlab, jsonl or html

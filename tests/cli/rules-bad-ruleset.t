# A ruleset that does not load is exit 2 with FILE:LINE: rule ID: message.
run: rules --only-ruleset tests/cli/data/bad.rules
exit: 2
err-has: tests/cli/data/bad.rules:3: rule t.bad: match: PCRE2: missing closing parenthesis at offset 4

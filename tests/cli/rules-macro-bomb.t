# 30 doubling `let` lines would expand to gigabytes: refused at load time
# with FILE:LINE and exit 2, never an out-of-memory abort.
run: rules --only-ruleset tests/cli/data/macro-bomb.rules
exit: 2
err-has: macro-bomb.rules:14: pattern longer than 65536 bytes

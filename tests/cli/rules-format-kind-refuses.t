# Kind format takes only `match` (on the format name) and no examples: the
# refusal comes from its validate hook, FILE:LINE of the rule, exit 2.
setup: printf '[x.format.example]\ntitle = t\nmessage = m\nseverity = notice\ncite = c\nkind = format\nmatch = ^pdf$\nexample.bad = some text\nexample.good = other text\n' > $TMP/f.rules
run: rules --only-ruleset $TMP/f.rules
exit: 2
err-has: f.rules:1: rule x.format.example: a format rule has no examples

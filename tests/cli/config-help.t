# check --help lists the ruleset and configuration options.
run: check --help
has: --only-ruleset NAME
has: --config FILE
has: --no-config
has: to the default rulesets, every installed one (repeatable)

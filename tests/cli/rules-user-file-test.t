run: rules --test --only-ruleset tests/cli/data/user.rules --only-ruleset cabf-br
exit: 0
has: ok 1 - acme.4.9.3.hotline: example.bad.en fires
lacks: not ok

# --color never: no escape code on a terminal either (the report runs on
# a pseudo-terminal); the match is marked >>like this<<.
setup: env -u NO_COLOR TERM=xterm python3 tests/cli/data/on-tty.py "$BIN" check --color never --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html </dev/null >$TMP/out; test $? = 1
run: --version
in-file: $TMP/out
has: BR>>3.2.2.4.5<<
has: error     1.5.2 Point de contact
lacks: [0m
lacks: [1m

# NO_COLOR set to any non-empty value turns the colour off on a terminal
# (no-color.org), as TERM=dumb does (the report runs on a pseudo-terminal;
# the test suite sets NO_COLOR, so the TERM=dumb run unsets it).
setup: env NO_COLOR=0 TERM=xterm python3 tests/cli/data/on-tty.py "$BIN" check --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html </dev/null >$TMP/out; test $? = 1 && env -u NO_COLOR TERM=dumb python3 tests/cli/data/on-tty.py "$BIN" check --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html </dev/null >$TMP/dumb; test $? = 1
run: --version
in-file: $TMP/out
has: BR>>3.2.2.4.5<<
lacks: [0m
in-file: $TMP/dumb
has: BR>>3.2.2.4.5<<
lacks: [0m

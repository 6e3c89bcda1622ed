# --color auto (the default) colours the text report on a terminal (the
# report runs on a pseudo-terminal).
setup: env -u NO_COLOR TERM=xterm python3 tests/cli/data/on-tty.py "$BIN" check --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html </dev/null >$TMP/out; test $? = 1
run: --version
in-file: $TMP/out
has: [31merror    
has: [31m3.2.2.4.5
lacks: >>3.2.2.4.5<<

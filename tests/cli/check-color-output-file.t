# -o FILE: no colour in the file with --color auto, even on a terminal;
# --color always puts it there.
setup: env -u NO_COLOR TERM=xterm python3 tests/cli/data/on-tty.py "$BIN" check --as-of 2019-05-09 -o $TMP/auto.txt samples/fr-dpc-autorite-exemple-v4.2.html </dev/null >/dev/null; test $? = 1
run: check --color always --as-of 2019-05-09 -o $TMP/always.txt samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
in-file: $TMP/auto.txt
has: BR>>3.2.2.4.5<<
lacks: [0m
in-file: $TMP/always.txt
has: [31m3.2.2.4.5

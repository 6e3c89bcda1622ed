#!/bin/sh
# make install into a temporary PREFIX and DESTDIR, then run the installed
# binary from there (and after moving the tree): it must find its rulesets
# beside itself, with no CPSLINT_DATA, and check a sample. TAP on stdout.
#   tests/install.sh
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
unset CPSLINT_DATA
n=0 bad=0
t() { # description, command...
  d=$1; shift
  n=$((n + 1))
  if "$@" >"$T/out" 2>&1; then echo "ok $n - $d"; else bad=$((bad + 1)); echo "not ok $n - $d"; sed 's/^/# /' "$T/out" | head -10; fi
}
t "make install PREFIX=/opt/cps DESTDIR=\$T/root" make --no-print-directory install PREFIX=/opt/cps DESTDIR="$T/root"
t "installed files: binary, rulesets, man page, completions" sh -c "
  test -x '$T/root/opt/cps/bin/cpslint' &&
  test -f '$T/root/opt/cps/share/cpslint/rulesets/cabf-br.rules' &&
  test -f '$T/root/opt/cps/share/cpslint/rulesets/rfc3647.outline' &&
  test -f '$T/root/opt/cps/share/man/man1/cpslint.1' &&
  test -f '$T/root/opt/cps/share/bash-completion/completions/cpslint' &&
  test -f '$T/root/opt/cps/share/zsh/site-functions/_cpslint'"
t "the installed binary finds its rulesets (DESTDIR tree)" sh -c "
  '$T/root/opt/cps/bin/cpslint' --version | grep -q 'rulesets: cabf-br' &&
  '$T/root/opt/cps/bin/cpslint' -q samples/en-cps-example-ca-v6.0.html"
mv "$T/root/opt/cps" "$T/moved"
t "and after the tree is moved elsewhere" sh -c "
  '$T/moved/bin/cpslint' -q --as-of doc samples/fr-dpc-autorite-exemple-v4.2.html; test \$? = 1"
t "bash completion file parses" bash -n completions/cpslint.bash
echo "1..$n"
[ $bad -eq 0 ]

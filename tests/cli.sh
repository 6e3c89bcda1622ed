#!/bin/sh
# Run the command-line cases tests/cli/*.t against a cpslint binary and
# print one TAP line per case.
#   tests/cli.sh build/cpslint [CASE.t ...]
# CPSLINT_WRAP, if set, prefixes every run (make check-valgrind: valgrind).
#
# A case is one file of "key: value" lines, run from the project root:
#   # comment                   what the case is about
#   run: ARGS                   arguments to cpslint ($CORPUS = ../shared/corpus)
#   stdin: FILE                 feed FILE on standard input (default: nothing)
#   exit: N                     expected exit status (default 0)
#   has: TEXT                   stdout contains TEXT (repeatable)
#   lacks: TEXT                 stdout does not contain TEXT (repeatable)
#   err-has: TEXT               stderr contains TEXT (repeatable)
#   json: EXPR                  stdout is JSON and the Python expression EXPR on
#                               it (as d) is true (repeatable)
#   needs: corpus               skip (loudly) when ../shared/corpus is absent
#   stdout:                     the rest of the file is the exact expected stdout
set -u
BIN=$1; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
cd "$ROOT" || exit 2
CORPUS=../shared/corpus
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- tests/cli/*.t
n=0
for t in "$@"; do
  n=$((n + 1))
  name=${t#tests/cli/}; name=${name%.t}
  args= stdin=/dev/null want_exit=0 needs= golden=0
  : >"$tmp/golden"; : >"$tmp/checks"
  while IFS= read -r line || [ -n "$line" ]; do
    if [ $golden = 1 ]; then printf '%s\n' "$line" >>"$tmp/golden"; continue; fi
    case $line in
      "#"*|"") ;;
      run:*) args=${line#run:} ;;
      stdin:*) stdin=$(echo ${line#stdin:}) ;;
      exit:*) want_exit=$(echo ${line#exit:}) ;;
      needs:*) needs=$(echo ${line#needs:}) ;;
      stdout:*) golden=1 ;;
      *) printf '%s\n' "$line" >>"$tmp/checks" ;;
    esac
  done <"$t"
  if [ "$needs" = corpus ] && [ ! -d "$CORPUS" ]; then
    echo "ok $n - $name # SKIP ../shared/corpus not found: corpus tests did not run"
    continue
  fi
  args=$(printf '%s' "$args" | sed "s|\$CORPUS|$CORPUS|g")
  # shellcheck disable=SC2086
  eval "set -f; \${CPSLINT_WRAP:-} \"\$BIN\" $args" <"$stdin" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set +f
  why=
  [ "$rc" = "$want_exit" ] || why="exit $rc, expected $want_exit"
  while IFS= read -r c; do
    [ -n "$why" ] && break
    case $c in
      has:*) s=${c#has: }; grep -qF -- "$s" "$tmp/out" || why="stdout lacks: $s" ;;
      lacks:*) s=${c#lacks: }; grep -qF -- "$s" "$tmp/out" && why="stdout has: $s" ;;
      err-has:*) s=${c#err-has: }; grep -qF -- "$s" "$tmp/err" || why="stderr lacks: $s" ;;
      json:*) e=${c#json: }
        $PY -c 'import json,sys
d=json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$tmp/out" "$e" 2>"$tmp/pyerr" || why="json check failed: $e $(head -c 300 "$tmp/pyerr")" ;;
      *) why="bad check line: $c" ;;
    esac
  done <"$tmp/checks"
  if [ -z "$why" ] && [ $golden = 1 ] && ! cmp -s "$tmp/golden" "$tmp/out"; then
    why="stdout differs from the golden text:"
    diff -u "$tmp/golden" "$tmp/out" | head -40 | sed 's/^/#   /' >"$tmp/diff"
  fi
  if [ -z "$why" ]; then echo "ok $n - $name"; else
    echo "not ok $n - $name: $why"
    [ -s "$tmp/diff" ] && cat "$tmp/diff" && : >"$tmp/diff"
    sed 's/^/#   stderr: /' "$tmp/err" | head -5
  fi
done

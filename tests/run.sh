#!/bin/sh
# Run every test of cpslint and end with the line "N passed, N failed".
#   tests/run.sh BUILD_DIR
# Unit tests are cmocka programs (TAP output, one line per test); CLI cases
# are tests/cli/*.t files run by tests/cli.sh; the multi-step CI gate tests
# (baselines, -j, docs/ci.md) are tests/ci.sh; rule examples run through
# `cpslint rules --test`. Every test counts once.
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
export LC_ALL=C.UTF-8 NO_COLOR=1 CPSLINT_DATA="$ROOT" TZ=UTC
export CMOCKA_MESSAGE_OUTPUT=TAP
pass=0 fail=0
log=$(mktemp); trap 'rm -f "$log"' EXIT

count_tap() { # $1 = name; stdin: TAP
  while IFS= read -r line; do
    case $line in
      "ok "*) pass=$((pass + 1)) ;;
      "not ok "*) fail=$((fail + 1)); echo "FAIL $1: $line" ;;
      "#"*) [ -n "${VERBOSE:-}" ] && echo "$line" ;;
    esac
  done
}

for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  "$t" >"$log" 2>&1
  rc=$?
  count_tap "$name" <"$log"
  if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log"; then
    fail=$((fail + 1)); echo "FAIL $name: exit $rc"; sed 's/^/    /' "$log" | tail -20
  elif [ $rc -ne 0 ]; then sed 's/^/    /' "$log" | grep -v '^    ok ' | tail -30
  fi
done

if [ -x "$BUILD/cpslint" ]; then
  "$BUILD/cpslint" rules --test >"$log" 2>&1
  rc=$?
  count_tap rule-examples <"$log"
  [ $rc -eq 0 ] || { fail=$((fail + 1)); echo "FAIL cpslint rules --test: exit $rc"; tail -5 "$log"; }
fi

# docs/rules.md is generated from the rulesets: it must be up to date.
if [ -x "$BUILD/cpslint" ]; then
  gen=$(mktemp)
  if sh scripts/gen-docs.sh "$BUILD/cpslint" "$gen" && cmp -s "$gen" docs/rules.md; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL docs/rules.md is not up to date: run 'make docs'"
  fi
  rm -f "$gen"
fi

if [ -x tests/cli.sh ] && [ -x "$BUILD/cpslint" ]; then
  sh tests/cli.sh "$BUILD/cpslint" >"$log" 2>&1
  count_tap cli <"$log"
  grep -v '^ok ' "$log" | grep -v '^#' | sed 's/^/    /' | head -80
fi

if [ -f tests/ci.sh ] && [ -x "$BUILD/cpslint" ]; then
  sh tests/ci.sh "$BUILD/cpslint" >"$log" 2>&1
  count_tap ci <"$log"
  grep -v '^ok ' "$log" | grep -v '^1\.\.' | sed 's/^/    /' | head -80
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

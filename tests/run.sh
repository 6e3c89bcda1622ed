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
# VALGRIND=1 (make check-valgrind): unit tests, rule examples and CLI cases
# under memcheck; any error or definite/indirect leak fails the test
# (exit 99). The sanitizer-minded suites (pathological, faults, fuzzing)
# do not run there.
WRAP=
if [ -n "${VALGRIND:-}" ]; then
  WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$ROOT/tests/valgrind.supp"
fi
export CPSLINT_WRAP="$WRAP"
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
  $WRAP "$t" >"$log" 2>&1
  rc=$?
  count_tap "$name" <"$log"
  if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log"; then
    fail=$((fail + 1)); echo "FAIL $name: exit $rc"; sed 's/^/    /' "$log" | tail -20
  elif [ $rc -ne 0 ]; then sed 's/^/    /' "$log" | grep -v '^    ok ' | tail -30
  fi
done

if [ -x "$BUILD/cpslint" ]; then
  $WRAP "$BUILD/cpslint" rules --test >"$log" 2>&1
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

# make install into a temporary prefix; the installed binary finds its data.
if [ -z "$WRAP" ] && [ "$BUILD" = build ]; then
  sh tests/install.sh >"$log" 2>&1
  rc=$?
  count_tap install <"$log"
  grep -v '^ok ' "$log" | sed 's/^/    /' | head -20
  [ $rc -eq 0 ] || grep -q '^not ok' "$log" || { fail=$((fail + 1)); echo "FAIL tests/install.sh: exit $rc"; }
fi

# The HTML reports in headless Chromium (tests/browser.sh): fails, never
# skips, when chromium is missing.
if [ -x "$BUILD/cpslint" ] && [ -z "$WRAP" ]; then
  sh tests/browser.sh "$BUILD/cpslint" "$BUILD/screenshots" >"$log" 2>&1
  rc=$?
  count_tap browser <"$log"
  grep -v '^ok ' "$log" | grep -v '^# ready' | sed 's/^/    /' | head -20
  [ $rc -eq 0 ] || grep -q '^not ok' "$log" || { fail=$((fail + 1)); echo "FAIL tests/browser.sh: exit $rc"; }
fi

# Pathological documents, bounded in time and memory (tests/patho.sh).
if [ -x "$BUILD/cpslint" ] && [ -z "$WRAP" ]; then
  case $BUILD in *asan*|*fuzz*) slack=4 ;; *) slack=1 ;; esac
  PATHO_SLACK=$slack sh tests/patho.sh "$BUILD/cpslint" >"$log" 2>&1
  count_tap patho <"$log"
  grep -v '^ok ' "$log" | sed 's/^/    /' | head -20
fi

# I/O faults through the LD_PRELOAD shim (tests/fault/).
if [ -x "$BUILD/cpslint" ] && [ -f "$BUILD/tests/inject_faults.so" ] && [ -z "$WRAP" ]; then
  sh tests/fault.sh "$BUILD" >"$log" 2>&1
  count_tap fault <"$log"
  grep -v '^ok ' "$log" | sed 's/^/    /' | head -20
fi

# The fuzzing harnesses, briefly: regressions, seeds, a fixed number of
# mutations each (make check builds them when clang-14 is installed).
if [ -n "${CPSLINT_FUZZ_BUILD:-}" ] && [ -z "$WRAP" ] && [ -x "$CPSLINT_FUZZ_BUILD/fuzz_html" ]; then
  sh scripts/fuzz.sh "$CPSLINT_FUZZ_BUILD" check "${FUZZ_RUNS:-300}" >"$log" 2>&1
  count_tap fuzz <"$log"
  grep -v '^ok ' "$log" | grep -v '^1\.\.' | sed 's/^/    /' | head -20
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

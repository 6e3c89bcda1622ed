#!/bin/sh
# Run every test of cpslint and end with the line
#   N passed, N failed, N skipped
# alone on the last line (CI reads it); exit 0 only when nothing failed.
#   tests/run.sh BUILD_DIR
# Unit tests are cmocka programs (TAP output, one line per test; one per
# tests/unit/test_*.c must exist in BUILD_DIR/tests); rule examples run
# through `cpslint rules --test`; CLI cases are tests/cli/*.t run by
# tests/cli.sh; the module-cycle and size checks are tests/structure.sh;
# the multi-step CI gate tests are tests/ci.sh; then the
# pathological documents (tests/patho.sh), the I/O faults (tests/fault.sh),
# the runner's own test (tests/runner.sh) and, under make check, the fuzzing
# harnesses (scripts/fuzz.sh). Every test counts once.
#
# Totals that cannot lie: a suite that is missing, not executable, exits
# non-zero, prints no test, or prints a TAP plan ("1..N") it does not keep
# counts as a failure. "ok N - name # SKIP reason" counts as skipped, and
# every skip is named on a "SKIP suite: ..." line.
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
export LC_ALL=C.UTF-8 NO_COLOR=1 CPSLINT_DATA="$ROOT" TZ=UTC
export CMOCKA_MESSAGE_OUTPUT=TAP
# VALGRIND=1 (make check-valgrind): unit tests, rule examples and CLI cases
# under memcheck; any error or definite/indirect leak fails the test
# (exit 99). The sanitizer-minded suites (pathological, faults, fuzzing)
# do not run there (named as skipped).
WRAP=
if [ -n "${VALGRIND:-}" ]; then
  WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$ROOT/tests/valgrind.supp"
fi
export CPSLINT_WRAP="$WRAP"
pass=0 fail=0 skip=0
log=$(mktemp); trap 'rm -f "$log"' EXIT

failed() { fail=$((fail + 1)); echo "FAIL $*"; }
skipped() { skip=$((skip + 1)); echo "SKIP $*"; }

# count_tap NAME <TAP: counts ok / not ok / ok # SKIP; sets ran, bad, plan.
count_tap() {
  ran=0 bad=0 plan=
  while IFS= read -r line; do
    case $line in
      "ok "*"# SKIP"*|"ok "*"# skip"*)
        ran=$((ran + 1)); skipped "$1: ${line#ok }" ;;
      "not ok "*"# SKIP"*) # cmocka's skip(): a skip, not a failure
        ran=$((ran + 1)); skipped "$1: ${line#not ok }" ;;
      "not ok "*) ran=$((ran + 1)); bad=$((bad + 1)); failed "$1: $line" ;;
      "ok "*) ran=$((ran + 1)); pass=$((pass + 1)) ;;
      1..*) plan=${line#1..}; plan=${plan%% *} ;;
      "#"*) [ -n "${VERBOSE:-}" ] && echo "$line" ;;
    esac
  done
}

# judge NAME RC: the suite's exit status, test count and plan must agree
# with what it printed.
judge() {
  if [ "$ran" -eq 0 ]; then
    failed "$1: ran no test (exit $2)"; sed 's/^/    /' "$log" | tail -20
  elif [ -n "$plan" ] && [ "$plan" != "$ran" ]; then
    failed "$1: planned $plan tests, ran $ran (exit $2)"; sed 's/^/    /' "$log" | tail -10
  elif [ "$2" -ne 0 ] && [ "$bad" -eq 0 ]; then
    failed "$1: exit $2 with no failing test"; sed 's/^/    /' "$log" | tail -20
  elif [ "$bad" -gt 0 ]; then
    grep -v '^ok ' "$log" | grep -v '^1\.\.' | grep -v '^not ok ' | sed 's/^/    /' | head -80
  fi
}

# runnable NAME FILE: the suite's program exists and is executable.
runnable() {
  if [ ! -e "$2" ]; then failed "$1: $2 is missing"; return 1; fi
  if [ ! -x "$2" ]; then failed "$1: $2 is not executable (chmod +x $2)"; return 1; fi
}

# suite NAME PROGRAM ARGS...: run one TAP-printing suite and count it.
suite() {
  name=$1; shift
  runnable "$name" "$1" || return
  "$@" >"$log" 2>&1
  rc=$?
  count_tap "$name" <"$log"
  judge "$name" $rc
}

BIN=$BUILD/cpslint
runnable cpslint "$BIN" || { echo "$pass passed, $fail failed, $skip skipped"; exit 1; }

for src in tests/unit/test_*.c; do
  name=$(basename "$src" .c)
  runnable "$name" "$BUILD/tests/$name" || continue
  # shellcheck disable=SC2086
  suite "$name" $WRAP "$BUILD/tests/$name"
done

# shellcheck disable=SC2086
suite rule-examples $WRAP "$BIN" rules --test

# docs/rules.md is generated from the rulesets: it must be up to date.
gen=$(mktemp)
if runnable docs scripts/gen-docs.sh; then
  if scripts/gen-docs.sh "$BIN" "$gen" && cmp -s "$gen" docs/rules.md; then
    pass=$((pass + 1))
  else
    failed "docs/rules.md is not up to date: run 'make docs'"
  fi
fi
rm -f "$gen"

suite cli tests/cli.sh "$BIN"
# The code base's shape: no module cycle, no file or function over its size.
suite structure tests/structure.sh "$BUILD"
suite ci tests/ci.sh "$BIN"

# make install into a temporary prefix; the installed binary finds its data
# (the plain build only: the sanitizer builds would install themselves).
if [ -z "$WRAP" ] && [ "$BUILD" = build ]; then suite install tests/install.sh
else skipped "install: run for the plain build only"; fi

# The HTML reports in headless Chromium (tests/browser.sh): fails, never
# skips, when chromium is missing.
if [ -z "$WRAP" ]; then suite browser tests/browser.sh "$BIN" "$BUILD/screenshots"
else skipped "browser: not run under valgrind"; fi

# Pathological documents, bounded in time and memory; I/O faults through the
# LD_PRELOAD shim (tests/fault/). Not under valgrind.
if [ -z "$WRAP" ]; then
  case $BUILD in *asan*|*fuzz*) slack=8 ;; *) slack=1 ;; esac
  PATHO_SLACK=$slack suite patho tests/patho.sh "$BIN"
  if [ -f "$BUILD/tests/inject_faults.so" ]; then suite fault tests/fault.sh "$BUILD"
  else failed "fault: $BUILD/tests/inject_faults.so is missing (make unit)"; fi
else
  skipped "patho: not run under valgrind"
  skipped "fault: not run under valgrind"
fi

# The runner itself: fails when a suite is missing, not executable or fails.
suite runner tests/runner.sh

# The fuzzing harnesses, briefly: regressions, seeds, a fixed number of
# mutations each (make check builds them into CPSLINT_FUZZ_BUILD).
if [ -n "${CPSLINT_FUZZ_BUILD:-}" ]; then
  if [ -n "$WRAP" ]; then skipped "fuzz: not run under valgrind"
  elif runnable fuzz "$CPSLINT_FUZZ_BUILD/fuzz_html"; then
    suite fuzz scripts/fuzz.sh "$CPSLINT_FUZZ_BUILD" check "${FUZZ_RUNS:-300}"
  fi
fi

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]

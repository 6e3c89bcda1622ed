#!/bin/sh
# The test runner's own test: tests/run.sh, copied into a scratch tree whose
# suites are stubs (each prints one TAP line), must end with an honest
# "N passed, N failed, N skipped" line and fail when a suite is missing,
# not executable, exits non-zero, breaks its TAP plan or prints nothing,
# and when a unit test program is missing. One TAP line per case.
#   tests/runner.sh
# The suites stubbed are the tests/*.sh and scripts/*.sh that tests/run.sh
# names, so a suite added to the runner is covered here without an edit.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset VALGRIND CPSLINT_FUZZ_BUILD VERBOSE
SUITES=$(grep -o '\(tests\|scripts\)/[a-z_-]*\.sh' tests/run.sh | grep -v '^tests/run\.sh$' | sort -u)
n=0 rc=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); rc=1; echo "not ok $n - $1"; sed 's/^/#   /' "$tmp/out" | tail -15; }

# A scratch tree: the real runner, stub suites, a stub build directory.
fresh() {
  rm -rf "$tmp/t"; mkdir -p "$tmp/t/tests/unit" "$tmp/t/scripts" "$tmp/t/docs" "$tmp/t/build/tests"
  cp tests/run.sh "$tmp/t/tests/run.sh"
  for f in $SUITES; do
    printf '#!/bin/sh\necho "ok 1 - stub %s"\n' "$f" >"$tmp/t/$f"; chmod +x "$tmp/t/$f"
  done
  printf '#!/bin/sh\ncp docs/rules.md "$2"\n' >"$tmp/t/scripts/gen-docs.sh"
  echo rules >"$tmp/t/docs/rules.md"
  : >"$tmp/t/tests/unit/test_a.c"
  printf '#!/bin/sh\necho 1..2; echo "ok 1 - a1"; echo "ok 2 - a2"\n' >"$tmp/t/build/tests/test_a"
  printf '#!/bin/sh\necho "ok 1 - example"; echo 1..1\n' >"$tmp/t/build/cpslint"
  chmod +x "$tmp/t/scripts/gen-docs.sh" "$tmp/t/build/tests/test_a" "$tmp/t/build/cpslint"
  : >"$tmp/t/build/tests/inject_faults.so"
}
# runs: the runner on the scratch tree; sets st (exit status), last (last line).
runs() { sh "$tmp/t/tests/run.sh" build >"$tmp/out" 2>&1; st=$?; last=$(tail -1 "$tmp/out"); }
# want_fail CASE TEXT: the runner exits 1, counts a failure and says TEXT.
want_fail() {
  runs
  if [ "$st" = 1 ] && echo "$last" | grep -qE '^[0-9]+ passed, [1-9][0-9]* failed, [0-9]+ skipped$' \
     && grep -qF -- "$2" "$tmp/out"; then ok "$1"; else notok "$1 (exit $st, last line: $last)"; fi
}
stub() { printf '#!/bin/sh\n%s\n' "$2" >"$tmp/t/$1"; chmod +x "$tmp/t/$1"; }

# The intact tree: 2 unit + 1 rule example + docs + one per suite.
fresh; runs
want="$(( 4 + $(echo "$SUITES" | grep -vc "gen-docs\|fuzz") )) passed, 0 failed, 0 skipped"
if [ "$st" = 0 ] && [ "$last" = "$want" ]; then ok "intact tree: $want, exit 0"
else notok "intact tree: expected '$want' and exit 0, got '$last' and exit $st"; fi

for s in $SUITES; do
  [ "$s" = scripts/gen-docs.sh ] || [ "$s" = scripts/fuzz.sh ] || {
    fresh; rm "$tmp/t/$s"; want_fail "$s removed: the runner fails" "$s is missing"
    fresh; chmod -x "$tmp/t/$s"; want_fail "$s not executable: the runner fails" "$s is not executable"
  }
done
fresh; rm "$tmp/t/build/tests/test_a"; want_fail "a unit test program missing: the runner fails" "build/tests/test_a is missing"
fresh; rm "$tmp/t/build/cpslint"; want_fail "cpslint missing: the runner fails" "build/cpslint is missing"
fresh; stub tests/cli.sh 'echo "ok 1 - a"; exit 1'; want_fail "a suite exits 1 with every test ok: the runner fails" "cli: exit 1 with no failing test"
fresh; stub tests/cli.sh 'echo "ok 1 - a"; echo "not ok 2 - b"'; want_fail "a suite prints 'not ok': the runner fails" "FAIL cli: not ok 2 - b"
fresh; stub tests/cli.sh 'echo 1..3; echo "ok 1 - a"; echo "ok 2 - b"'; want_fail "a suite stops before its plan: the runner fails" "cli: planned 3 tests, ran 2"
fresh; stub tests/cli.sh 'exit 0'; want_fail "a suite runs no test: the runner fails" "cli: ran no test"
fresh; echo changed >"$tmp/t/docs/rules.md"; stub scripts/gen-docs.sh 'echo other >"$2"'
want_fail "stale docs/rules.md: the runner fails" "docs/rules.md is not up to date"
fresh; mkdir "$tmp/t/build-fuzz"
CPSLINT_FUZZ_BUILD=build-fuzz; export CPSLINT_FUZZ_BUILD
want_fail "make check without its fuzzing harnesses: the runner fails" "build-fuzz/fuzz_html is missing"
printf '#!/bin/sh\n' >"$tmp/t/build-fuzz/fuzz_html"; chmod +x "$tmp/t/build-fuzz/fuzz_html"; runs
if [ "$st" = 0 ] && grep -qx "$(( 5 + $(echo "$SUITES" | grep -vc "gen-docs\|fuzz") )) passed, 0 failed, 0 skipped" "$tmp/out"
then ok "make check: the fuzzing suite is counted"; else notok "fuzzing suite not counted: '$last' (exit $st)"; fi
unset CPSLINT_FUZZ_BUILD

# Skips are counted apart and named.
fresh; stub tests/cli.sh 'echo "ok 1 - a"; echo "ok 2 - corpus-case # SKIP ../shared/corpus not found"'; runs
want="$(( 4 + $(echo "$SUITES" | grep -vc "gen-docs\|fuzz") )) passed, 0 failed, 1 skipped"
if [ "$st" = 0 ] && [ "$last" = "$want" ] && grep -qF "SKIP cli: 2 - corpus-case # SKIP ../shared/corpus not found" "$tmp/out"
then ok "a skipped case is counted as skipped and named"; else notok "skip: expected '$want', got '$last' (exit $st)"; fi

# cmocka's skip() prints "not ok N # SKIP test": a skip, not a failure.
fresh; stub tests/cli.sh 'echo "ok 1 - a"; echo "not ok 2 # SKIP test_corpus"'; runs
if [ "$st" = 0 ] && [ "$last" = "$want" ] && grep -qF "SKIP cli: 2 # SKIP test_corpus" "$tmp/out"
then ok "a cmocka skip is counted as skipped and named"; else notok "cmocka skip: expected '$want', got '$last' (exit $st)"; fi

echo "1..$n"
exit $rc

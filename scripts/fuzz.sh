#!/bin/sh
# Run the libFuzzer harnesses (fuzz/README.md).
#   scripts/fuzz.sh BUILD run SECONDS   fuzz each harness for SECONDS
#   scripts/fuzz.sh BUILD seeds         only generate BUILD/seeds/ (for a
#                                       hand-run harness)
#   scripts/fuzz.sh BUILD check [RUNS]  CI: replay tests/regress/<target>/ and
#                                       the seeds, then RUNS mutations each
#                                       (default 300, fixed seed); TAP lines
# Seeds are generated into BUILD/seeds/<target>/ from samples/, rulesets/
# and tests/; the growing corpus is BUILD/corpus/<target>/ (not committed);
# crashes are written as BUILD/crash-<target>-*. Turn a crash into a
# regression test by copying it into tests/regress/<target>/.
set -u
BUILD=$1 MODE=${2:-run} ARG=${3:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
export CPSLINT_DATA="$ROOT"
# LSan at exit; no symbolizer noise on success.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
TARGETS="html markdown rules cli"

seed() { # target name bytes-on-stdin
  mkdir -p "$BUILD/seeds/$1"; cat >"$BUILD/seeds/$1/$2"
}
make_seeds() {
  rm -rf "$BUILD/seeds"
  for f in samples/*.html samples/*.xhtml; do
    b=$(basename "$f")
    { printf '\010'; cat "$f"; } | seed html "$b.check"
    { printf '\000'; head -c 8192 "$f"; } | seed html "$b.head"
    { printf '\005'; cat "$f"; } | seed html "$b.xhtml"
  done
  printf '\010<html><body><h1>1. Introduction</h1><p>x</p><h2>1.1 Overview</h2><p>y</p></body></html>' \
    | seed html tiny
  for f in README.md samples/*.md samples/*/*.md docs/*.md tests/data/*.md ../shared/corpus/isrg-cps-v2.0-*.md; do
    [ -f "$f" ] || continue
    { printf '\002'; cat "$f"; } | seed markdown "$(echo "$f" | tr / _)"
  done
  for f in tests/data/*.txt; do # plain text (fuzz_markdown.c, bit 3)
    [ -f "$f" ] || continue
    { printf '\012'; cat "$f"; } | seed markdown "text-$(basename "$f")"
  done
  for f in rulesets/*.rules tests/cli/data/*.rules; do
    [ -f "$f" ] || continue
    seed rules "$(basename "$f")" <"$f"
  done
  small=samples/xhtml-cps-nordwind-v1.3.xhtml
  { echo "check --format json @DOC"; cat "$small"; } | seed cli check-json
  { echo "outline @DOC"; cat samples/en-cps-example-ca-v6.0.html; } | seed cli outline
  { echo "check -v --as-of doc -o @OUT @DOC"; cat samples/fr-dpc-autorite-exemple-v4.2.html; } | seed cli check-out
  { echo "rules --test --only-ruleset @RULES"; echo; echo "@@RULES@@"; cat rulesets/mozilla.rules; } | seed cli rules-test
  { echo "check --only-ruleset @RULES --fail-on notice -"; head -c 6000 "$small"; echo; echo "@@RULES@@"; cat rulesets/chrome.rules; } | seed cli check-user-rules
  echo "--help" | seed cli help
  for f in samples/diff/*-v1.*; do
    [ -f "$f" ] || continue
    { echo "diff --format json @DOC @DOC2"; cat "$f"; echo; echo "@@RULES@@"; cat "${f%-v1.*}-v2.${f##*.}"; } \
      | seed cli "diff-$(basename "$f")"
  done
  for f in tests/data/*.md ../shared/corpus/isrg-cp-cps-*.md; do
    [ -f "$f" ] || continue
    { echo "check -v @DOC"; cat "$f"; } | seed cli "md-$(basename "$f")"
  done
}

dict() { # target -> dictionary file
  case $1 in
    html|markdown) echo "$ROOT/fuzz/html.dict" ;;
    rules) echo "$ROOT/fuzz/rules.dict" ;;
    cli) cat "$ROOT/fuzz/cli.dict" "$ROOT/fuzz/html.dict" >"$BUILD/cli-all.dict"; echo "$BUILD/cli-all.dict" ;;
  esac
}

make_seeds
[ "$MODE" = seeds ] && exit 0
rc=0
n=0
[ "$MODE" = check ] && echo "1..$(( $(echo $TARGETS | wc -w) * 2 ))"
for t in $TARGETS; do
  bin=$BUILD/fuzz_$t
  mkdir -p "$BUILD/corpus/$t"
  common="-dict=$(dict "$t") -timeout=20 -rss_limit_mb=2560 -malloc_limit_mb=2048 -artifact_prefix=$BUILD/crash-$t-"
  if [ "$MODE" = run ]; then
    echo "== fuzz_$t for ${ARG:-60}s"
    # shellcheck disable=SC2086
    "$bin" $common -max_total_time="${ARG:-60}" -print_final_stats=1 \
      "$BUILD/corpus/$t" "$BUILD/seeds/$t" 2>&1 | grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' 
    s=$?
    ls "$BUILD"/crash-"$t"-* >/dev/null 2>&1 && { echo "fuzz_$t: crash inputs in $BUILD/crash-$t-*"; rc=1; }
    : "$s"
  else
    log=$BUILD/fuzz-$t.log
    n=$((n + 1))
    reg=$ROOT/tests/regress/$t
    files=$(ls "$reg"/* 2>/dev/null; ls "$BUILD/seeds/$t"/*)
    # shellcheck disable=SC2086
    if "$bin" $common -runs=0 $files >"$log" 2>&1; then
      echo "ok $n - fuzz_$t replays $(echo "$files" | wc -l) regression and seed inputs"
    else
      echo "not ok $n - fuzz_$t replay failed"; grep -E 'ERROR|SUMMARY|Running' "$log" | tail -5 | sed 's/^/# /'; rc=1
    fi
    n=$((n + 1))
    # shellcheck disable=SC2086
    if "$bin" $common -seed=1 -runs="${ARG:-300}" -max_len=8192 "$BUILD/seeds/$t" >"$log" 2>&1; then
      echo "ok $n - fuzz_$t survives ${ARG:-300} mutations"
    else
      echo "not ok $n - fuzz_$t crashed"; grep -E 'ERROR|SUMMARY|Test unit' "$log" | tail -5 | sed 's/^/# /'; rc=1
    fi
  fi
done
exit $rc

#!/bin/sh
# make bench: cpslint's cost as a ratio to libxml2 parsing the same file
# (xmllint --html --noout), measured in the same run: median of RUNS runs.
# Prints figures only; nothing here is asserted (docs/performance.md).
#   scripts/bench.sh [BIN]     CPSLINT_CORPUS overrides ../shared/corpus
set -eu
BIN=${1:-build-release/cpslint}
RUNS=${RUNS:-7}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
export CPSLINT_DATA="$ROOT" NO_COLOR=1
CORPUS=${CPSLINT_CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || CORPUS=../../shared/corpus   # a worktree under wt/
BR=$(ls $CORPUS/cabf-tls-br-*.html 2>/dev/null | head -1 || true)
if [ -z "$BR" ]; then echo "bench: $CORPUS/cabf-tls-br-*.html not found; nothing to measure" >&2; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# median wall time in milliseconds of a command
median_ms() {
  i=0; : >"$tmp/t"
  while [ $i -lt "$RUNS" ]; do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(( (e - s) / 1000 )) >>"$tmp/t"; i=$((i + 1))
  done
  sort -n "$tmp/t" | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
xml2() { xmllint --html --noout "$1" 2>/dev/null; xmllint --html --noout "$2" 2>/dev/null; }

# a 10x file: the BR's body repeated ten times
{ sed -n '1,/<body>/p' "$BR"; i=0; while [ $i -lt 10 ]; do sed -n '/<body>/,/<\/body>/p' "$BR" | sed '1d;$d'; i=$((i+1)); done; echo '</body></html>'; } >"$tmp/br10.html"

# the installed rules replicated 10x under new ids (rule-count scaling)
mkdir -p "$tmp/data10/rulesets"
cp rulesets/rfc3647.outline "$tmp/data10/rulesets/"
for f in rulesets/*.rules; do
  k=0
  while [ $k -lt 10 ]; do
    sed "s/^\[\([a-z0-9.-]*\)\]/[\1-r$k]/" "$f" >"$tmp/data10/rulesets/r$k-$(basename "$f")"
    k=$((k + 1))
  done
done

printf '%-46s %10s %10s %7s\n' case cpslint_ms ref_ms ratio
row() { # label file cpslint-args...
  label=$1; f=$2; shift 2
  c=$(median_ms "$BIN" "$@" "$f"); x=$(median_ms xmllint --html --noout "$f")
  printf '%-46s %10s %10s %7s\n' "$label" "$c" "$x" "$(ratio "$c" "$x")"
  echo "$c" >"$tmp/last"
}
row "check (all rulesets) $(basename "$BR")" "$BR" check --fail-on never -q
one=$(cat "$tmp/last")
row "check (all rulesets) 10x concatenation" "$tmp/br10.html" check --fail-on never -q
ten=$(cat "$tmp/last")
echo "linearity: the 10x file costs $(ratio "$ten" "$one")x the 1x file (check)"
# The BR is a requirements standard, so most rules do not apply to it
# (profile.h); read as a CPS (--kind cps) every rule runs on it: the cost of
# checking a real CPS of that size.
row "check --kind cps $(basename "$BR")" "$BR" check --kind cps --fail-on never -q
cone=$(cat "$tmp/last")
row "check --kind cps 10x concatenation" "$tmp/br10.html" check --kind cps --fail-on never -q
echo "linearity: the 10x file costs $(ratio "$(cat "$tmp/last")" "$cone")x the 1x file (check --kind cps)"
row "outline $(basename "$BR")" "$BR" outline
o1=$(cat "$tmp/last")
row "outline 10x concatenation" "$tmp/br10.html" outline
echo "linearity: the 10x file costs $(ratio "$(cat "$tmp/last")" "$o1")x the 1x file (outline)"

# Instruction counts (callgrind, every thread), which the machine's load
# does not move: the ratios that decide (docs/performance.md). INSTR=0 or
# no valgrind skips them.
instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
  sed -n 's/.*I[ ]*refs:[ ]*//p' | tr -d ,; }
if [ "${INSTR:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then
  for f in "$BR" "$tmp/br10.html"; do
    x=$(instr xmllint --html --noout "$f")
    case $f in "$BR") name=$(basename "$BR") ;; *) name="10x concatenation" ;; esac
    for args in "check --fail-on never -q" "check --kind cps --fail-on never -q"; do
      c=$(instr "$BIN" $args "$f")
      printf '%-46s %10s %10s %7s\n' "instr: ${args%% --fail-on*} $name" "$((c / 1000000))M" \
        "$((x / 1000000))M" "$(ratio "$c" "$x")"
    done
  done
fi

n1=$("$BIN" rules 2>/dev/null | grep -c '^[a-z]' || true)
n10=$(CPSLINT_DATA=$tmp/data10 "$BIN" rules 2>/dev/null | grep -c '^[a-z]' || true)
r10=$(CPSLINT_DATA=$tmp/data10 median_ms "$BIN" check --fail-on never -q "$BR")
echo "rule scaling: $n10 rules (all rulesets x10) ${r10} ms vs $n1 rules ${one} ms: $(ratio "$r10" "$one")x"

if [ -x /usr/bin/time ]; then
  size=$(wc -c <"$tmp/br10.html")
  for cmd in check outline; do
    kb=$(peak_kb "$BIN" $cmd "$tmp/br10.html")
    echo "peak RSS $cmd 10x: ${kb} KiB for $((size / 1024)) KiB input ($(awk -v k="$kb" -v s="$size" 'BEGIN{printf "%.2f", k*1024/s}')x)"
  done
  kb=$(peak_kb xmllint --html --noout "$tmp/br10.html")
  echo "peak RSS xmllint 10x: ${kb} KiB"
  # the memory multiple on paragraph-heavy input, where blocks cost most
  # (docs/ARCHITECTURE.md, Limits and memory): one million one-letter
  # Markdown paragraphs (3 MB) and one million <p> (8 MB of HTML)
  python3 -c "import sys; sys.stdout.write('p\n\n' * 1000000)" >"$tmp/paras.md"
  python3 -c "import sys; sys.stdout.write('<html><body>' + '<p>x</p>' * 1000000 + '</body></html>')" >"$tmp/paras.html"
  for f in paras.md paras.html; do
    size=$(wc -c <"$tmp/$f")
    for cmd in outline check; do
      kb=$(peak_kb "$BIN" $cmd --max-memory 8G "$tmp/$f")
      echo "memory multiple $cmd $f ($((size / 1024)) KiB): peak ${kb} KiB = $(awk -v k="$kb" -v s="$size" 'BEGIN{printf "%.1f", k*1024/s}')x the input"
    done
  done
  rm -f "$tmp/paras.md" "$tmp/paras.html"
fi

# Many small files (issue 11: results are written as each document is
# checked, so memory stays near the largest document times -j): peak RSS of
# check --format json -j 2 over 1,000 and 10,000 copies of a 6 KiB cut of
# the English sample. MANY=0 skips it.
if [ -x /usr/bin/time ] && [ "${MANY:-1}" != 0 ]; then
  mkdir -p "$tmp/many"
  head -c 6144 samples/en-cps-example-ca-v6.0.html >"$tmp/small.html"
  made=0
  for n in 1000 10000; do
    while [ $made -lt $n ]; do
      made=$((made + 1)); cp "$tmp/small.html" "$tmp/many/doc-$made.html"
    done
    s=$(date +%s%N)
    kb=$(/usr/bin/time -f %M "$BIN" check --format json -j 2 --fail-on never "$tmp/many" 2>&1 >/dev/null | tail -1)
    e=$(date +%s%N)
    echo "peak RSS check --format json -j 2, $n files of 6 KiB: ${kb} KiB ($(( (e - s) / 1000000 )) ms)"
  done
fi

OLD=$(ls $CORPUS/isrg-cps-v2.0-*.html 2>/dev/null | head -1 || true)
NEW=$(ls $CORPUS/isrg-cps-v2.4-*.html 2>/dev/null | head -1 || true)
if [ -n "$OLD" ] && [ -n "$NEW" ] && "$BIN" diff --help >/dev/null 2>&1; then
  c=$(median_ms "$BIN" diff "$OLD" "$NEW"); x=$(median_ms xml2 "$OLD" "$NEW")
  printf '%-46s %10s %10s %7s\n' "diff isrg-cps v2.0 v2.4 (ref: 2 parses)" "$c" "$x" "$(ratio "$c" "$x")"
fi
# The HTML report of the TLS BR: its size against the input, and when it
# becomes interactive in headless Chromium (the page's script stamps
# data-ready with performance.now(); tests/browser/check_report.py reads it).
if command -v chromium >/dev/null 2>&1; then
  "$BIN" check --format html --fail-on never -o "$tmp/br-report.html" "$BR"
  in=$(wc -c <"$BR"); out=$(wc -c <"$tmp/br-report.html")
  echo "html report $(basename "$BR"): $((out / 1024)) KiB for $((in / 1024)) KiB input ($(awk -v o="$out" -v i="$in" 'BEGIN{printf "%.2f", o/i}')x; target <= 4x)"
  ready=$(python3 tests/browser/check_report.py "$tmp/br-report.html" 2>/dev/null | sed -n 's/^# ready: \([0-9]*\) ms.*/\1/p')
  echo "html report $(basename "$BR"): interactive after ${ready:-?} ms in headless Chromium (target < 1000)"
fi
# history: 100 versions of the 400 KB BR, each with its own version number
# and date (30 days apart, 2018-01-31 to 2026-03-20: the rules' dates fall
# between versions as they do in a real series), read as a CPS (--kind cps:
# every rule runs; as a requirements standard most would not apply),
# against check on 10 of them; target under 10x (every version parsed once,
# checked as of its own date; as of its last day in force only the rules
# whose status can change between the two dates run again).
mkdir -p "$tmp/hist"
for i in $(seq 1 100); do
  d=$(date -u -d "2018-01-01 + $((i * 30)) days" +%d-%B-%Y)
  sed "s/Version 2\.2\.6/Version 2.$i.0/; s|^<p>date: [^<]*</p>\$|<p>date: $d</p>|" "$BR" >"$tmp/hist/v$i.html"
done
"$BIN" outline "$tmp/hist/v2.html" | head -1 | grep -q 'version 2\.2\.0, date 2018-03-02' ||
  echo "history: WARNING: the versions did not get their own number and date (the BR's title page changed?)"
h=$(median_ms "$BIN" history --kind cps --exit-zero --format json "$tmp"/hist/v*.html)
c=$(median_ms "$BIN" check --kind cps --exit-zero -q "$tmp"/hist/v1.html "$tmp"/hist/v2.html "$tmp"/hist/v3.html \
  "$tmp"/hist/v4.html "$tmp"/hist/v5.html "$tmp"/hist/v6.html "$tmp"/hist/v7.html "$tmp"/hist/v8.html \
  "$tmp"/hist/v9.html "$tmp"/hist/v10.html)
echo "history of 100 versions: ${h} ms; check of 10: ${c} ms: $(ratio "$h" "$c")x (target < 10x)"
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"

#!/bin/sh
# make bench: cpslint's cost as a ratio to libxml2 parsing the same file
# (xmllint --html --noout), measured in the same run: median of RUNS runs.
# Prints figures only; nothing here is asserted.
set -eu
BIN=${1:-build-release/cpslint}
RUNS=${RUNS:-7}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export CPSLINT_DATA="$ROOT" NO_COLOR=1
CORPUS=../shared/corpus
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

# a 10x file: the BR's body repeated ten times
{ sed -n '1,/<body>/p' "$BR"; i=0; while [ $i -lt 10 ]; do sed -n '/<body>/,/<\/body>/p' "$BR" | sed '1d;$d'; i=$((i+1)); done; echo '</body></html>'; } >"$tmp/br10.html"

printf '%-44s %10s %10s %7s\n' case cpslint_ms xmllint_ms ratio
row() { # label file cpslint-args...
  label=$1; f=$2; shift 2
  c=$(median_ms "$BIN" "$@" "$f"); x=$(median_ms xmllint --html --noout "$f")
  printf '%-44s %10s %10s %7s\n' "$label" "$c" "$x" "$(awk -v c="$c" -v x="$x" 'BEGIN{printf "%.2f", c/x}')"
  echo "$c" >"$tmp/last"
}
row "outline $(basename "$BR")" "$BR" outline
one=$(cat "$tmp/last")
row "outline 10x concatenation" "$tmp/br10.html" outline
ten=$(cat "$tmp/last")
echo "linearity: 10x file costs $(awk -v a="$one" -v b="$ten" 'BEGIN{printf "%.2f", b/a}')x the 1x file"
if "$BIN" rules >/dev/null 2>&1; then
  row "check (all rulesets) $(basename "$BR")" "$BR" check --exit-zero -q
  row "check (all rulesets) 10x" "$tmp/br10.html" check --exit-zero -q
fi
if [ -x /usr/bin/time ]; then
  size=$(wc -c <"$tmp/br10.html")
  kb=$(peak_kb "$BIN" outline "$tmp/br10.html")
  echo "peak RSS outline 10x: ${kb} KiB for $((size / 1024)) KiB input ($(awk -v k="$kb" -v s="$size" 'BEGIN{printf "%.2f", k*1024/s}')x)"
fi
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"

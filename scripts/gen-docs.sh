#!/bin/sh
# Generate docs/rules.md from the rulesets: `cpslint rules --format markdown`
# over rulesets/*.rules of this tree (CPSLINT_DATA), so the output does not
# depend on where cpslint is installed or on the date.
#   scripts/gen-docs.sh BIN [OUT]     (OUT defaults to docs/rules.md)
set -eu
BIN=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${2:-$ROOT/docs/rules.md}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
LC_ALL=C.UTF-8 CPSLINT_DATA=$ROOT "$BIN" rules --format markdown >"$tmp"
mv "$tmp" "$OUT"
trap - EXIT

#!/bin/sh
# make demo: run cpslint on the bundled French sample, a 2018 Word export
# that reproduces the 2019 Mozilla review of a French CA's CPS.
set -u
BIN=${1:-build/cpslint}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
export CPSLINT_DATA="$ROOT"
SAMPLE=samples/fr-dpc-autorite-exemple-v4.2.html
echo "\$ cpslint outline $SAMPLE | head -20"
"$BIN" outline "$SAMPLE" | head -20
rc=$?
echo
echo "demo: cpslint outline exited $rc"

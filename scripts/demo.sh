#!/bin/sh
# make demo: check the bundled French sample, a 2018 Word export that
# reproduces the 2019 Mozilla review of a French CA's CPS (1.5.2 without
# problem-reporting instructions, retired domain-validation methods 3.2.2.4.1
# and 3.2.2.4.5 offered in a CA-specific 3.2.3.3, no English version), then
# the conforming English sample. cpslint exits 1 on the first (that is the
# point), 0 on the second; the demo itself succeeds when both do so.
set -u
BIN=${1:-build/cpslint}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
export CPSLINT_DATA="$ROOT"
FR=samples/fr-dpc-autorite-exemple-v4.2.html
EN=samples/en-cps-example-ca-v6.0.html
echo "\$ cpslint --as-of doc $FR"
"$BIN" --as-of doc "$FR"
fr=$?
echo
echo "\$ cpslint -q $EN"
"$BIN" -q "$EN"
en=$?
echo
if [ $fr -eq 1 ] && [ $en -eq 0 ]; then
  echo "demo: cpslint exited 1 on the French sample (nonconformities found) and 0 on the English one, as expected"
else
  echo "demo: unexpected exit statuses: French $fr (expected 1), English $en (expected 0)" >&2
  exit 1
fi

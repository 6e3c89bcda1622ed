#!/bin/sh
# The HTML reports in a real browser (headless Chromium through the DevTools
# protocol, tests/browser/cdp.py): reports of the samples, the visible corpus,
# a hostile document with a hostile file name and hostile rules, several
# documents in one page, and diffs. TAP on stdout (tests/browser/check_report.py
# says what each line asserts).
#   tests/browser.sh build/cpslint [SCREENSHOT_DIR]
# Chromium is a test dependency (scripts/deps.sh installs Debian's chromium):
# when it is missing this suite FAILS, it is never skipped.
set -u
BIN=$1
SHOTS=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
cd "$ROOT" || exit 2
CORPUS=${CPSLINT_CORPUS:-../shared/corpus}
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
if ! command -v chromium >/dev/null 2>&1; then
  echo "1..1"
  echo "not ok 1 - chromium is not installed: run scripts/deps.sh test (apt-get install chromium)"
  exit 1
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0 bad=0
gen() { # OUT ARGS...: cpslint ARGS with the report written to $T/OUT
  out=$1; shift
  n=$((n + 1))
  "$BIN" "$@" -o "$T/$out" >"$T/gen.err" 2>&1
  rc=$?
  if [ $rc -gt 1 ] || [ ! -s "$T/$out" ]; then
    bad=$((bad + 1)); echo "# FAIL generating $out (exit $rc): $(head -c 300 "$T/gen.err")"
  fi
}
gendiff() { # OUT OLD NEW: cpslint diff --format html
  out=$1; shift
  n=$((n + 1))
  "$BIN" diff --format html "$@" >"$T/$out" 2>"$T/gen.err"
  rc=$?
  if [ $rc -gt 1 ] || [ ! -s "$T/$out" ]; then
    bad=$((bad + 1)); echo "# FAIL generating $out (exit $rc): $(head -c 300 "$T/gen.err")"
  fi
}
gen en.html check --format html samples/en-cps-example-ca-v6.0.html
gen fr.html check --format html samples/fr-dpc-autorite-exemple-v4.2.html
gen fr-2019.html check --format html --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html
gen nordwind.html check --format html samples/xhtml-cps-nordwind-v1.3.xhtml
gen bilingual.html check --format html samples/translation/bilingual-epc-cps-boreale-v2.3.html
gen several.html check --format html samples/en-cps-example-ca-v6.0.html \
  samples/fr-dpc-autorite-exemple-v4.2.html samples/xhtml-cps-nordwind-v1.3.xhtml
# A hostile document under a hostile file name, with hostile rule texts.
mkdir "$T/in"
hostile="$T/in/\"><img src=x onerror=alert(1)>.html"
cp tests/data/hostile.html "$hostile"
gen hostile.html check --format html --only-ruleset tests/cli/data/hostile.rules --only-ruleset cabf-br "$hostile"
gendiff diff-example.html samples/diff/example-v1.html samples/diff/example-v2.html
gendiff diff-hostile.html samples/en-cps-example-ca-v6.0.html "$hostile"
n=$((n + 1))
"$BIN" history --format html --as-of 2026-12-01 samples/history/lindenfeld-cps-v*.html >"$T/history.html" 2>"$T/gen.err"
[ $? -le 1 ] && [ -s "$T/history.html" ] || { bad=$((bad + 1)); echo "# FAIL generating history.html"; }
if [ -d "$CORPUS" ]; then
  gen isrg-v2.0.html check --format html "$CORPUS/isrg-cps-v2.0-2017-04-13.md"
  gen actalis.html check --format html "$CORPUS/actalis-cps-ssl-codesigning-v5.18-2025-06-18.html"
  gen br.html check --format html "$CORPUS/cabf-tls-br-v2.2.6-2026-03-31.html"
  gendiff diff-isrg.html "$CORPUS/isrg-cps-v2.0-2017-04-13.html" "$CORPUS/isrg-cps-v2.4-2018-09-20.html"
else
  echo "# SKIP corpus reports: $CORPUS not found"
fi
$PY tests/browser/check_report.py --generated "$((n - bad))/$n" ${SHOTS:+--screenshot "$SHOTS"} "$T"/*.html

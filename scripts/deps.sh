#!/bin/sh
# Install the Debian packages cpslint needs, when missing.
#   scripts/deps.sh         build and run: what `make` and `make demo` need
#   scripts/deps.sh test    that, plus what the tests need (`make check`)
# Idempotent and quiet when nothing is missing. Needs root (or sudo) only
# when something must be installed.
set -eu
# Build and run: a C compiler, pkg-config and the four libraries.
BUILD="build-essential pkg-config libxml2-dev libicu-dev libpcre2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev"
# Test-only (required by make check): cmocka (unit tests), libxml2-utils
# (xmllint: make bench's reference), python3 and python3-jsonschema (CLI
# cases, SARIF and JSON schema validation), clang-14 and libclang-rt-14-dev
# (libFuzzer: make fuzz and the brief fuzzing in make check), valgrind
# (make check-valgrind), time (/usr/bin/time: peak memory bounds in
# tests/patho.sh and make bench), chromium (the HTML reports in a real
# browser: tests/browser.sh).
TEST="libcmocka-dev libxml2-utils python3 python3-jsonschema clang-14 libclang-rt-14-dev valgrind time chromium"
# Optional, for tests only: pdftotext, so the PDF tests run instead of being
# skipped (cpslint builds and passes its tests without it; PDF input then
# fails with a message saying what to install). Installed when possible;
# never an error when it cannot be.
OPTIONAL="poppler-utils"
PKGS=$BUILD
case ${1:-} in
  test) PKGS="$BUILD $TEST" ;;
  "") OPTIONAL="" ;;
  *) echo "usage: scripts/deps.sh [test]" >&2; exit 2 ;;
esac
missing=""
for p in $PKGS $OPTIONAL; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
required=""
for p in $missing; do
  case " $OPTIONAL " in *" $p "*) ;; *) required="$required $p" ;; esac
done
echo "cpslint: installing missing dependencies:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo
  elif [ -z "$required" ]; then
    echo "cpslint: optional test dependency not installed (PDF tests will be skipped):$missing" >&2; exit 0
  else
    echo "cpslint: run as root, or install:$required" >&2; exit 2; fi
else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || [ -z "$required" ]
# shellcheck disable=SC2086
if [ -n "$required" ]; then
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
    echo "cpslint: could not install$missing (optional: PDF tests will be skipped)" >&2
fi

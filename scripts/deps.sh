#!/bin/sh
# Install the Debian packages cpslint needs to build and test, when missing.
# Idempotent and quiet when nothing is missing. Needs root (or sudo) only
# when something must be installed.
set -eu
# Test-only (required): clang-14 and libclang-rt-14-dev (libFuzzer: make
# fuzz and the brief fuzzing in make check), valgrind (make check-valgrind,
# callgrind profiles in docs/performance.md), time (/usr/bin/time: peak
# memory bounds in tests/patho.sh and make bench).
PKGS="build-essential pkg-config libxml2-dev libxml2-utils libicu-dev libpcre2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libcmocka-dev python3 python3-jsonschema \
      clang-14 libclang-rt-14-dev valgrind time"
# Optional, for tests only: pdftotext, so the PDF tests run instead of being
# skipped (cpslint builds and passes its tests without it; PDF input then
# fails with a message saying what to install). Installed when possible;
# never an error when it cannot be.
OPTIONAL="poppler-utils"
missing=""
for p in $PKGS $OPTIONAL; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
required=""
for p in $missing; do
  case " $OPTIONAL " in *" $p "*) ;; *) required="$required $p" ;; esac
done
echo "cpslint: installing missing build dependencies:$missing" >&2
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

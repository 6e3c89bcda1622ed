#!/bin/sh
# Install the Debian packages cpslint needs to build and test, when missing.
# Idempotent and quiet when nothing is missing. Needs root (or sudo) only
# when something must be installed.
set -eu
# Test-only: clang-14 and libclang-rt-14-dev (libFuzzer, make fuzz and the
# brief fuzzing in make check), valgrind (make check-valgrind, callgrind
# profiles in docs/performance.md), time (/usr/bin/time: peak memory bounds
# in tests/patho.sh and make bench).
PKGS="build-essential pkg-config libxml2-dev libxml2-utils libicu-dev libpcre2-dev libcmocka-dev python3 python3-jsonschema clang-14 libclang-rt-14-dev valgrind time"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "cpslint: installing missing build dependencies:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "cpslint: run as root, or install:$missing" >&2; exit 2; fi
else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

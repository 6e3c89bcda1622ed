#!/bin/sh
# The code base's shape, as TAP (tests/run.sh runs it in make test):
#   1. no dependency cycle between modules (scripts/module-cycles.py on the
#      object files of BUILD);
#   2. no src/*.c over 900 lines and no function over 120 lines
#      (scripts/code-size.py: its ALLOWED and OPEN lists say the exceptions).
#   tests/structure.sh BUILD_DIR
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
n=0 bad=0
check() {
  n=$((n + 1)); name=$1; shift
  if out=$("$@" 2>&1); then echo "ok $n - $name"
  else bad=1; echo "not ok $n - $name"; printf '%s\n' "$out" | sed 's/^/# /'; fi
}
check "no module cycles" python3 scripts/module-cycles.py "$BUILD"
check "file and function sizes" python3 scripts/code-size.py src
echo "1..$n"
exit $bad

#!/bin/sh
# A git repository holding the Lindenfeld series (samples/history/) as
# successive commits, renamed half-way, for tests/cli/history-git.t.
#   history-repo.sh DIR
set -eu
command -v git >/dev/null 2>&1 || { echo "git is not installed" >&2; exit 77; }
src=$(pwd)/samples/history
repo=$1
mkdir -p "$repo"
cd "$repo"
git init -q .
git config user.email tests@cpslint.invalid
git config user.name "cpslint tests"
n=0
for v in 1.0 1.1 1.2 2.0 2.1 2.2 3.0 3.1 3.2 3.3 3.4 4.0; do
  n=$((n + 1))
  if [ "$v" = 2.2 ]; then
    mkdir -p docs
    git mv cps.html docs/CPS.html
  fi
  f=cps.html
  [ -f docs/CPS.html ] && f=docs/CPS.html
  cp "$src/lindenfeld-cps-v$v.html" "$f"
  echo "notes $n" > NOTES.txt
  git add -A
  GIT_COMMITTER_DATE="2030-01-$(printf %02d $n)T12:00:00Z" GIT_AUTHOR_DATE="2030-01-$(printf %02d $n)T12:00:00Z" \
    git commit -q -m "CPS $v"
done
# a later commit that does not touch the CPS
echo later >> NOTES.txt
git commit -q -am "notes only"

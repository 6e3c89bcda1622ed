#!/bin/sh
# Multi-step tests of the CI gate (docs/ci.md), one TAP line each:
#   - the baseline round trip: write, fill the reasons, rerun (exit 0); a
#     new nonconformity (exit 1, only it reported); an expired entry (exit 1);
#   - many documents at once with -j 2 give the same report as -j 1, and
#     the same documents as checking them one by one (JSON, text);
#   - every `cpslint check` command line in docs/ci.md's code blocks runs
#     in a scratch repository laid out as the page says, and what it writes
#     parses (SARIF against the schema, JUnit with xml.etree);
#   - the pre-commit hook of docs/ci.md, installed in a scratch git
#     repository, lets a clean commit through and refuses a new
#     nonconformity.
#   tests/ci.sh build/cpslint
# Needs CPSLINT_DATA (tests/run.sh sets it). The corpus ($CPSLINT_CORPUS or
# ../shared/corpus) and the SARIF schema ($SARIF_SCHEMA or
# ../shared/reference/sarif-schema-2.1.0.json) are used when present; the
# steps that need them say SKIP otherwise.
set -u
BIN=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
cd "$ROOT" || exit 2
CORPUS=${CPSLINT_CORPUS:-../shared/corpus}
SCHEMA=${SARIF_SCHEMA:-../shared/reference/sarif-schema-2.1.0.json}
case $SCHEMA in /*) ;; *) SCHEMA=$ROOT/$SCHEMA ;; esac
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" && ln -s "$BIN" "$tmp/bin/cpslint"
PATH=$tmp/bin:$PATH; export PATH
ASOF=--as-of=2026-11-27
FR=samples/fr-dpc-autorite-exemple-v4.2.html
PLACEHOLDER='TODO: replace with the reason this finding is accepted'
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; [ -s "$tmp/why" ] && sed 's/^/#   /' "$tmp/why" | head -20; : >"$tmp/why"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check() { # NAME COMMAND...: ok when the command succeeds
  name=$1; shift
  if "$@" >"$tmp/why" 2>&1; then ok "$name"; : >"$tmp/why"; else notok "$name"; fi
}
# fill_reasons FILE: replace every placeholder reason
fill_reasons() { sed -i "s/$PLACEHOLDER/Accepted by the policy authority (PA-2026-11)/" "$1"; }
# add_method FILE: a new nonconformity, the retired method 3.2.2.4.9 offered in 3.2.3.3
add_method() { sed -i 's/BR3\.2\.2\.4\.7 (modification DNS)/BR3.2.2.4.7 (modification DNS), BR3.2.2.4.9 (certificat de test)/' "$1"; }
# unbaselined FILE.json: the rule ids of findings no baseline accepted
unbaselined() { $PY -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(" ".join(f["rule"] for x in d["documents"] for f in x.get("findings", []) if "reason" not in (f.get("baseline") or {}) or not f["baseline"]["reason"]))' "$1"; }

# ---- baseline round trip -------------------------------------------------
rt=$tmp/rt; mkdir "$rt"; cp "$FR" "$rt/cps.html"
(
  cd "$rt" || exit 2
  cpslint check $ASOF -q --write-baseline bl.json cps.html >/dev/null 2>&1
  [ $? = 1 ] && [ -s bl.json ] && grep -q "$PLACEHOLDER" bl.json
) && ok "baseline: --write-baseline writes every finding with the placeholder reason" \
  || notok "baseline: --write-baseline writes every finding with the placeholder reason"
(
  cd "$rt" || exit 2
  cpslint check $ASOF -q --baseline bl.json cps.html >/dev/null 2>"$tmp/err"
  rc=$?
  [ $rc = 2 ] && grep -q '^cpslint: bl.json:[0-9]*: baseline entry: replace the placeholder reason' "$tmp/err"
) && ok "baseline: the placeholder reason is refused with FILE:LINE, exit 2" \
  || notok "baseline: the placeholder reason is refused with FILE:LINE, exit 2"
fill_reasons "$rt/bl.json"
(
  cd "$rt" || exit 2
  cpslint check $ASOF --baseline bl.json cps.html >"$tmp/out" 2>&1
  [ $? = 0 ] && grep -q ', [0-9]* baselined;' "$tmp/out" && ! grep -q stale "$tmp/out"
) && ok "baseline: reasons filled in, the rerun exits 0" \
  || { cp "$tmp/out" "$tmp/why"; notok "baseline: reasons filled in, the rerun exits 0"; }
cp "$rt/cps.html" "$rt/cps2.html"; add_method "$rt/cps.html"
(
  cd "$rt" || exit 2
  grep -q 'BR3.2.2.4.9 (certificat de test)' cps.html || exit 1
  cpslint check $ASOF --format json --baseline bl.json cps.html >"$tmp/out.json" 2>/dev/null
  rc=$?
  got=$(unbaselined "$tmp/out.json")
  echo "exit $rc, unbaselined: $got" >"$tmp/why"
  [ $rc = 1 ] && [ "$got" = "br.3.2.2.4.9.retired" ]
) && ok "baseline: a new nonconformity exits 1 and is the only finding reported" \
  || notok "baseline: a new nonconformity exits 1 and is the only finding reported"
(
  cd "$rt" || exit 2
  cpslint check $ASOF --format github --baseline bl.json cps.html >"$tmp/out" 2>/dev/null
  [ $? = 1 ] && [ "$(grep -c '^::' "$tmp/out")" = 1 ] && grep -q '^::error file=cps.html,line=[0-9]*,title=cpslint br.3.2.2.4.9.retired::' "$tmp/out"
) && ok "baseline: GitHub annotations name only the new nonconformity" \
  || { cp "$tmp/out" "$tmp/why"; notok "baseline: GitHub annotations name only the new nonconformity"; }
mv "$rt/cps2.html" "$rt/cps.html"
$PY - "$rt/bl.json" "$rt/bl-expired.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["entries"][0]["expires"] = "2020-01-01"
json.dump(d, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
EOF
(
  cd "$rt" || exit 2
  first=$($PY -c 'import json; print(json.load(open("bl.json"))["entries"][0]["rule"])')
  cpslint check $ASOF --format json --baseline bl-expired.json cps.html >"$tmp/out.json" 2>"$tmp/err"
  rc=$?
  got=$(unbaselined "$tmp/out.json")
  echo "exit $rc, unbaselined: $got, expected $first" >"$tmp/why"
  [ $rc = 1 ] && [ "$got" = "$first" ] && grep -q 'bl-expired.json:4: baseline entry for cps.html, .* expired on 2020-01-01' "$tmp/err"
) && ok "baseline: an expired entry fails again (exit 1) and says so" \
  || notok "baseline: an expired entry fails again (exit 1) and says so"
(
  cd "$rt" || exit 2
  cpslint check $ASOF -q --baseline bl-expired.json --write-baseline bl-new.json cps.html >/dev/null 2>&1
  $PY - bl-expired.json bl-new.json <<'EOF'
import json, sys
old = json.load(open(sys.argv[1]))["entries"]; new = json.load(open(sys.argv[2]))["entries"]
assert len(old) == len(new), (len(old), len(new))
assert [e["reason"] for e in old] == [e["reason"] for e in new]
assert new[0]["expires"] == "2020-01-01"
EOF
) && ok "baseline: --write-baseline with --baseline keeps reasons and expiry" \
  || notok "baseline: --write-baseline with --baseline keeps reasons and expiry"

# ---- many documents: -j 2 = -j 1 = one by one ------------------------------
set -- samples
if [ -d "$CORPUS" ]; then set -- "$CORPUS" samples; fi
for fmt in text json sarif junit markdown github; do
  cpslint check $ASOF --format $fmt -j 2 "$@" >"$tmp/j2.$fmt" 2>/dev/null; r2=$?
  cpslint check $ASOF --format $fmt -j 1 "$@" >"$tmp/j1.$fmt" 2>/dev/null; r1=$?
  if [ $r1 = $r2 ] && [ $r1 != 2 ] && cmp -s "$tmp/j1.$fmt" "$tmp/j2.$fmt"; then
    ok "many documents ($*): --format $fmt with -j 2 is the report of -j 1"
  else
    { echo "exit $r1 / $r2"; diff "$tmp/j1.$fmt" "$tmp/j2.$fmt" | head -10; } >"$tmp/why"
    notok "many documents ($*): --format $fmt with -j 2 is the report of -j 1"
  fi
done
[ -d "$CORPUS" ] || skip "the corpus with the samples" "$CORPUS not found: only samples/ were checked at once"
# one by one: the documents of the combined JSON are those of single runs,
# and the combined text is the single texts joined, plus a total line
$PY -c 'import json,sys
for x in json.load(open(sys.argv[1]))["documents"]: print(x["file"])' "$tmp/j2.json" >"$tmp/files"
: >"$tmp/one.json.list"; : >"$tmp/one.txt"; first=1
while IFS= read -r f; do
  cpslint check $ASOF --format json "$f" >"$tmp/one.json" 2>/dev/null
  cat "$tmp/one.json" >>"$tmp/one.json.list"; echo "@@@" >>"$tmp/one.json.list"
  [ $first = 1 ] || echo >>"$tmp/one.txt"; first=0
  cpslint check $ASOF "$f" >>"$tmp/one.txt" 2>/dev/null
done <"$tmp/files"
$PY - "$tmp/j2.json" "$tmp/one.json.list" >"$tmp/why" 2>&1 <<'EOF' && ok "many documents: the JSON documents of -j 2 are those of one-by-one runs" || notok "many documents: the JSON documents of -j 2 are those of one-by-one runs"
import json, sys
together = json.load(open(sys.argv[1]))["documents"]
singles = [json.loads(p)["documents"][0] for p in open(sys.argv[2]).read().split("@@@\n") if p.strip()]
assert len(together) == len(singles) > 3, (len(together), len(singles))
for a, b in zip(together, singles):
    assert a == b, a["file"]
EOF
head -n -2 "$tmp/j2.text" >"$tmp/j2.body"
if cmp -s "$tmp/j2.body" "$tmp/one.txt" && tail -1 "$tmp/j2.text" | grep -q '^total: [0-9]* documents'; then
  ok "many documents: the text report of -j 2 is the one-by-one reports and a total"
else
  diff "$tmp/one.txt" "$tmp/j2.body" | head -10 >"$tmp/why"
  notok "many documents: the text report of -j 2 is the one-by-one reports and a total"
fi

# ---- docs/ci.md command lines ---------------------------------------------
# A scratch repository as docs/ci.md lays it out: cps/ and a baseline with
# reasons covering every current finding.
repo=$tmp/repo; mkdir -p "$repo/cps"
cp "$FR" "$repo/cps/dpc.html"; cp samples/en-cps-example-ca-v6.0.html "$repo/cps/cps-en.html"
cp samples/README.md "$repo/cps/README.md"
(cd "$repo" && cpslint check -q --write-baseline cpslint-baseline.json cps/ >/dev/null 2>&1)
fill_reasons "$repo/cpslint-baseline.json"
$PY - docs/ci.md >"$tmp/commands" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
skip_next = False
for m in re.finditer(r"(<!-- test: ([a-z-]+) -->\n)?```[a-z]*\n(.*?)```", text, re.S):
    if m.group(2) == "pre-commit":
        continue  # tested as a whole below
    for line in m.group(3).split("\n"):
        if "cpslint check" not in line:
            continue
        line = re.sub(r"^\s*(- |run: |entry: )?", "", line)
        line = re.sub(r"\s+#.*$", "", line)
        print(line)
EOF
if [ "$(wc -l <"$tmp/commands")" -lt 5 ]; then
  cp "$tmp/commands" "$tmp/why"; notok "docs/ci.md: its command lines were found"
fi
while IFS= read -r cmd; do
  rm -rf "$tmp/run"; cp -r "$repo" "$tmp/run"
  (cd "$tmp/run" && eval "$cmd") >"$tmp/out" 2>"$tmp/err"; rc=$?
  want=0; case $cmd in *--write-baseline*) want=1 ;; esac
  why=
  [ $rc = $want ] || why="exit $rc, expected $want: $(head -c 300 "$tmp/err")"
  out=$(printf '%s\n' "$cmd" | sed -n 's/.*-o \([^ ]*\).*/\1/p')
  fmt=$(printf '%s\n' "$cmd" | sed -n 's/.*--format \([a-z]*\).*/\1/p')
  [ -n "$out" ] && f=$tmp/run/$out || f=$tmp/out
  if [ -z "$why" ]; then
    case $fmt in
      sarif) if [ -f "$SCHEMA" ]; then
          $PY -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' "$f" "$SCHEMA" 2>"$tmp/pyerr" \
            || why="SARIF not valid: $(tail -c 300 "$tmp/pyerr")"
        else $PY -c 'import json,sys; json.load(open(sys.argv[1]))' "$f" 2>/dev/null || why="not JSON"; fi ;;
      junit) $PY -c 'import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
assert r.tag == "testsuites" and len(r.findall("testsuite")) == 2, [s.get("name") for s in r.findall("testsuite")]' "$f" 2>"$tmp/pyerr" \
          || why="JUnit: $(tail -c 300 "$tmp/pyerr")" ;;
      markdown) grep -q '^### cpslint: cps/dpc.html' "$f" || why="no Markdown report in $f" ;;
      gitlab) $PY -c 'import json,sys,jsonschema
d = json.load(open(sys.argv[1]))
jsonschema.validate(d, json.load(open("docs/schema/gitlab.schema.json")))
assert d == [], d' "$f" 2>"$tmp/pyerr" || why="GitLab Code Quality: $(tail -c 300 "$tmp/pyerr")" ;;
      github) grep -q '^cpslint: 2 documents: 0 errors, 0 warnings, 0 notices, [0-9]* baselined' "$f" || why="no clean GitHub summary" ;;
    esac
  fi
  if [ -z "$why" ]; then ok "docs/ci.md runs: $cmd"; else echo "$why" >"$tmp/why"; notok "docs/ci.md runs: $cmd"; fi
done <"$tmp/commands"
# The GitHub check step fails the job on a new nonconformity, with the SARIF
# written for the upload step.
cmd=$(grep -- '--format sarif -o' "$tmp/commands" | head -1)
rm -rf "$tmp/run"; cp -r "$repo" "$tmp/run"; add_method "$tmp/run/cps/dpc.html"
(cd "$tmp/run" && eval "$cmd") >/dev/null 2>&1; rc=$?
if [ $rc = 1 ] && $PY -c 'import json,sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert [x["ruleId"] for x in r] == ["br.3.2.2.4.9.retired"], r
assert r[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "cps/dpc.html"' "$tmp/run/cpslint.sarif" >"$tmp/why" 2>&1; then
  ok "docs/ci.md: the GitHub check step fails on a new nonconformity and its SARIF has it alone"
else
  notok "docs/ci.md: the GitHub check step fails on a new nonconformity and its SARIF has it alone (exit $rc)"
fi

# ---- the pre-commit hook ---------------------------------------------------
if command -v git >/dev/null 2>&1; then
  g=$tmp/git; cp -r "$repo" "$g"
  $PY - docs/ci.md >"$g/hook" <<'EOF'
import re, sys
m = re.search(r"<!-- test: pre-commit -->\n```sh\n(.*?)```", open(sys.argv[1]).read(), re.S)
print(m.group(1), end="")
EOF
  gitc() { git -C "$g" -c user.name=cpslint-test -c user.email=test@example.invalid -c commit.gpgsign=false "$@"; }
  (
    gitc init -q . && mv "$g/hook" "$g/.git/hooks/pre-commit" && chmod +x "$g/.git/hooks/pre-commit" &&
    gitc add -A && gitc commit -q -m "CPS and baseline"
  ) >"$tmp/why" 2>&1 && ok "pre-commit hook: a commit with the baseline's findings only goes through" \
    || notok "pre-commit hook: a commit with the baseline's findings only goes through"
  add_method "$g/cps/dpc.html"
  gitc add cps/dpc.html >/dev/null 2>&1
  if gitc commit -q -m "offer 3.2.2.4.9" >"$tmp/why" 2>&1; then
    notok "pre-commit hook: a new nonconformity refuses the commit"
  elif grep -q 'cpslint: commit refused' "$tmp/why"; then
    ok "pre-commit hook: a new nonconformity refuses the commit"; : >"$tmp/why"
  else
    notok "pre-commit hook: a new nonconformity refuses the commit"
  fi
  # what is checked is the staged version: the bad change stays in the
  # working tree, unstaged, and another file's change is committed
  gitc reset -q cps/dpc.html >/dev/null 2>&1
  cp "$repo/cpslint-baseline.json" "$g/cpslint-baseline.json"
  printf '\n' >>"$g/cps/cps-en.html"; add_method "$g/cps/dpc.html"; gitc add cps/cps-en.html >/dev/null 2>&1
  if gitc commit -q -m "whitespace" >"$tmp/why" 2>&1; then
    : >"$tmp/why"; ok "pre-commit hook: checks the staged version, not the working tree"
  else
    notok "pre-commit hook: checks the staged version, not the working tree"
  fi
else
  skip "pre-commit hook" "git not installed"
fi
echo "1..$n"

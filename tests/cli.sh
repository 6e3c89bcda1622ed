#!/bin/sh
# Run the command-line cases tests/cli/*.t against a cpslint binary and
# print one TAP line per case ("ok N - case # SKIP reason" when it cannot
# run here), then the plan "1..N"; exit 1 when a case failed.
#   tests/cli.sh build/cpslint [CASE.t ...]
# CPSLINT_WRAP, if set, prefixes every run (make check-valgrind: valgrind).
#
# A case is one file of "key: value" lines, run from the project root:
#   # comment                   what the case is about
#   run: ARGS                   arguments to cpslint ($CORPUS = ../shared/corpus,
#                               or $CPSLINT_CORPUS when set; $TMP = a scratch
#                               directory of the case, also in stdin: and
#                               setup:)
#   stdin: FILE                 feed FILE on standard input (default: nothing)
#   exit: N                     expected exit status (default 0)
#   has: TEXT                   stdout contains TEXT (repeatable)
#   lacks: TEXT                 stdout does not contain TEXT (repeatable)
#   err-has: TEXT               stderr contains TEXT (repeatable)
#   json: EXPR                  stdout is JSON and the Python expression EXPR on
#                               it (as d) is true (repeatable); with --format
#                               jsonl, d is the list of its lines' objects
#   xml: EXPR                   stdout is well-formed XML (xml.etree) and EXPR on
#                               its root element (as r) is true (repeatable)
#   sarif-valid:                stdout is valid against the SARIF 2.1.0 JSON
#                               schema ($SARIF_SCHEMA, else
#                               ../shared/reference/sarif-schema-2.1.0.json),
#                               checked with python3-jsonschema; the case is
#                               skipped (loudly) when neither file exists
#   same-json-as: ARGS          stdout is JSON equal to the stdout of cpslint ARGS
#                               (which must exit 0), once the keys listed by
#                               "ignore:" are dropped at every depth
#   ignore: KEY...              keys same-json-as drops (default: file format
#                               encoding line page)
#   setup: CMD                  run CMD with sh first (e.g. make a PDF; $BIN is
#                               the cpslint binary under test); exit 77
#                               skips the case (its stderr says why), another
#                               failure fails it
#   env: NAME=VALUE             set in cpslint's environment (repeatable)
#   cwd: DIR                    run cpslint in DIR ($TMP substituted; default
#                               the project root, which $ROOT names in run:)
#   needs: corpus               skip (loudly) when ../shared/corpus (or
#                               $CPSLINT_CORPUS) is absent
#   needs: pdftotext            skip (loudly) when pdftotext (poppler-utils) is
#                               not installed
#   in-file: PATH               the has:, lacks:, json: and xml: lines after it
#                               read the file PATH ($TMP substituted; it must
#                               exist) instead of stdout
#   schema: check|outline|diff|history|gitlab|jsonl|none
#                               the JSON schema (docs/schema/NAME.schema.json)
#                               that every JSON output of the case must be
#                               valid against; by default the command's (check,
#                               outline, diff), gitlab and jsonl for those
#                               formats (jsonl: each line on its own), none
#                               for SARIF. Every JSON
#                               output is validated: stdout with --format json,
#                               each file a json: line reads, the other side of
#                               same-json-as
#   stdout:                     the rest of the file is the exact expected stdout
set -u
BIN=$1; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
cd "$ROOT" || exit 2
CORPUS=${CPSLINT_CORPUS:-../shared/corpus}
SCHEMA=${SARIF_SCHEMA:-../shared/reference/sarif-schema-2.1.0.json}
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- tests/cli/*.t
# schema_of ARGS: the schema of the JSON that cpslint ARGS prints.
schema_of() {
  case " $1 " in *" --format sarif "*|*" --format=sarif "*) echo none; return ;; esac
  case " $1 " in *" --format gitlab "*|*" --format=gitlab "*) echo gitlab; return ;; esac
  case " $1 " in *" --format jsonl "*|*" --format=jsonl "*) echo jsonl; return ;; esac
  set -f; set -- $1; set +f
  case ${1:-} in check|outline|diff|history) echo "$1" ;; *) echo none ;; esac
}
# Validates each "KIND FILE" line of its argument's file against
# docs/schema/KIND.schema.json (python3-jsonschema); prints what is wrong.
# jsonl: each line of FILE is one JSON document, validated on its own (a
# line that is not JSON is an error). A schema may refer to another one of
# docs/schema by its file name (jsonl refers to check's finding).
VALIDATE='import glob, json, os, sys, warnings, jsonschema
warnings.simplefilter("ignore", DeprecationWarning) # RefResolver: Debian 12 has jsonschema 4.10
store = {os.path.basename(f): json.load(open(f)) for f in glob.glob("docs/schema/*.schema.json")}
bad = 0
for line in sorted(set(open(sys.argv[1]).read().split("\n"))):
    if not line or line.startswith("none "):
        continue
    kind, path = line.split(" ", 1)
    schema = dict(json.load(open("docs/schema/%s.schema.json" % kind)), **{"$id": "%s.schema.json" % kind})
    val = jsonschema.Draft202012Validator(schema, resolver=jsonschema.RefResolver("%s.schema.json" % kind, schema, store=store))
    if kind == "jsonl":
        docs = []
        for n, l in enumerate(open(path).read().split("\n")[:-1], 1):
            try:
                docs.append(("line %d: " % n, json.loads(l)))
            except ValueError as e:
                print("jsonl: line %d is not JSON: %s" % (n, e)); bad += 1
    else:
        docs = [("", json.load(open(path)))]
    for where, d in docs:
        errs = list(val.iter_errors(d))
        for e in errs[:3]:
            print("%s: %s%s at /%s" % (kind, where, e.message[:200], "/".join(str(p) for p in e.absolute_path)))
        bad += len(errs)
sys.exit(1 if bad else 0)'
n=0 failures=0
for t in "$@"; do
  n=$((n + 1))
  name=${t#tests/cli/}; name=${name%.t}
  args= stdin=/dev/null want_exit=0 needs= golden=0 ignore="file format encoding line page" setup= envs= schema= cwd=
  rm -rf "$tmp/case"; mkdir "$tmp/case"
  : >"$tmp/golden"; : >"$tmp/checks"
  while IFS= read -r line || [ -n "$line" ]; do
    if [ $golden = 1 ]; then printf '%s\n' "$line" >>"$tmp/golden"; continue; fi
    case $line in
      "#"*|"") ;;
      run:*) args=${line#run:} ;;
      stdin:*) stdin=$(echo ${line#stdin:}) ;;
      exit:*) want_exit=$(echo ${line#exit:}) ;;
      needs:*) needs=$(echo ${line#needs:}) ;;
      ignore:*) ignore=$(echo ${line#ignore:}) ;;
      setup:*) setup=${line#setup:} ;;
      env:*) envs="$envs $(echo ${line#env:})" ;;
      cwd:*) cwd=$(echo ${line#cwd:}) ;;
      schema:*) schema=$(echo ${line#schema:}) ;;
      stdout:*) golden=1 ;;
      *) printf '%s\n' "$line" >>"$tmp/checks" ;;
    esac
  done <"$t"
  if [ "$needs" = corpus ] && [ ! -d "$CORPUS" ]; then
    echo "ok $n - $name # SKIP $CORPUS not found: corpus tests did not run"
    continue
  fi
  if grep -q '^sarif-valid:' "$tmp/checks" && [ ! -f "$SCHEMA" ]; then
    echo "ok $n - $name # SKIP SARIF schema not found (set SARIF_SCHEMA or provide $SCHEMA): SARIF not validated"
    continue
  fi
  if [ "$needs" = pdftotext ] && ! command -v pdftotext >/dev/null 2>&1; then
    echo "ok $n - $name # SKIP pdftotext not installed (Debian package poppler-utils): PDF test did not run"
    continue
  fi
  subst() { printf '%s' "$1" | sed -e "s|\$CORPUS|$CORPUS|g" -e "s|\$TMP|$tmp/case|g" -e "s|\$ROOT|$ROOT|g"; }
  args=$(subst "$args"); stdin=$(subst "$stdin"); cwd=$(subst "$cwd")
  if [ -n "$setup" ]; then
    BIN="$BIN" sh -c "$(subst "$setup")" >"$tmp/setup.out" 2>&1; src=$?
    if [ $src = 77 ]; then
      echo "ok $n - $name # SKIP $(head -1 "$tmp/setup.out")"; continue
    elif [ $src != 0 ]; then
      echo "not ok $n - $name: setup failed (exit $src): $(head -c 300 "$tmp/setup.out")"
      failures=$((failures + 1)); continue
    fi
  fi
  # shellcheck disable=SC2086
  (cd "${cwd:-$ROOT}" && eval "set -f; env $envs \${CPSLINT_WRAP:-} \"\$BIN\" $args") <"$stdin" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set +f
  why= target=$tmp/out label=stdout
  kind=${schema:-$(schema_of "$args")}
  : >"$tmp/validate"
  [ "$rc" = "$want_exit" ] || why="exit $rc, expected $want_exit"
  while IFS= read -r c; do
    [ -n "$why" ] && break
    case $c in
      in-file:*) target=$(subst "$(echo ${c#in-file:})")
        label=$target; [ -f "$target" ] || why="no file $target" ;;
      has:*) s=${c#has: }; grep -qF -- "$s" "$target" || why="$label lacks: $s" ;;
      lacks:*) s=${c#lacks: }; grep -qF -- "$s" "$target" && why="$label has: $s" ;;
      err-has:*) s=${c#err-has: }; grep -qF -- "$s" "$tmp/err" || why="stderr lacks: $s" ;;
      json:*) e=${c#json: }; echo "$kind $target" >>"$tmp/validate"
        $PY -c 'import json,sys
t=open(sys.argv[1]).read()
d=[json.loads(l) for l in t.split("\n")[:-1]] if sys.argv[3] == "jsonl" else json.loads(t)
sys.exit(0 if eval(sys.argv[2]) else 1)' "$target" "$e" "$kind" 2>"$tmp/pyerr" || why="json check failed: $e $(head -c 300 "$tmp/pyerr")" ;;
      xml:*) e=${c#xml: }
        $PY -c 'import sys, xml.etree.ElementTree as ET
r=ET.parse(sys.argv[1]).getroot()
sys.exit(0 if eval(sys.argv[2]) else 1)' "$target" "$e" 2>"$tmp/pyerr" || why="xml check failed: $e $(head -c 300 "$tmp/pyerr")" ;;
      sarif-valid:*)
        $PY -c 'import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' "$tmp/out" "$SCHEMA" 2>"$tmp/pyerr" || why="SARIF not valid against $SCHEMA: $(tail -c 400 "$tmp/pyerr")" ;;
      same-json-as:*) a2=$(subst "${c#same-json-as:}")
        eval "set -f; \"\$BIN\" $a2" </dev/null >"$tmp/out2" 2>"$tmp/err2"; rc2=$?; set +f
        if [ $rc2 != 0 ]; then why="same-json-as: exit $rc2: $(head -c 200 "$tmp/err2")"
        else k2=$(schema_of "$a2"); cp "$tmp/out2" "$tmp/out2.$k2.$(wc -l <"$tmp/validate")"
          echo "$k2 $tmp/out2.$k2.$(wc -l <"$tmp/validate")" >>"$tmp/validate" $PY -c 'import json,sys
ign=set(sys.argv[3].split())
def strip(v):
    if isinstance(v,dict): return {k:strip(x) for k,x in v.items() if k not in ign}
    if isinstance(v,list): return [strip(x) for x in v]
    return v
a=strip(json.load(open(sys.argv[1]))); b=strip(json.load(open(sys.argv[2])))
if a!=b:
    import difflib
    da=json.dumps(a,indent=0,sort_keys=True).split("\n"); db=json.dumps(b,indent=0,sort_keys=True).split("\n")
    print(" ".join(list(difflib.unified_diff(db,da,lineterm="",n=0))[2:12])); sys.exit(1)' "$tmp/out" "$tmp/out2" "$ignore" >"$tmp/pyerr" 2>&1 || why="differs from cpslint$a2: $(head -c 400 "$tmp/pyerr")"
        fi ;;
      *) why="bad check line: $c" ;;
    esac
  done <"$tmp/checks"
  case " $args " in *" --format json "*|*" --format=json "*|*" --format gitlab "*|*" --format=gitlab "*|*" --format jsonl "*|*" --format=jsonl "*)
    [ -s "$tmp/out" ] && echo "$kind $tmp/out" >>"$tmp/validate" ;;
  esac
  if [ -z "$why" ] && [ -s "$tmp/validate" ]; then
    $PY -c "$VALIDATE" "$tmp/validate" >"$tmp/pyerr" 2>&1 || why="JSON output not valid against its schema: $(head -c 600 "$tmp/pyerr")"
  fi
  if [ -z "$why" ] && [ $golden = 1 ] && ! cmp -s "$tmp/golden" "$tmp/out"; then
    why="stdout differs from the golden text:"
    diff -u "$tmp/golden" "$tmp/out" | head -40 | sed 's/^/#   /' >"$tmp/diff"
  fi
  if [ -z "$why" ]; then echo "ok $n - $name"; else
    echo "not ok $n - $name: $why"; failures=$((failures + 1))
    [ -s "$tmp/diff" ] && cat "$tmp/diff" && : >"$tmp/diff"
    sed 's/^/#   stderr: /' "$tmp/err" | head -5
  fi
done
echo "1..$n"
[ "$failures" -eq 0 ]

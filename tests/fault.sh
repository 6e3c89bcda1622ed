#!/bin/sh
# I/O faults: cpslint must exit 2 with a message and never leave a partial
# or temporary report. Faults come from the LD_PRELOAD shim
# tests/fault/inject_faults.c (CPSLINT_FAULT=fn:ERRNO[:N]), from closed or
# full standard output, and, when this runs as root with mount allowed,
# from a real full and a real read-only tmpfs. One TAP line per case.
#   tests/fault.sh BUILD
set -u
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
BUILD=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
BIN=$BUILD/cpslint SHIM=$BUILD/tests/inject_faults.so
export CPSLINT_DATA="$ROOT"
# gcc's shared libasan wants to be first; the shim calls through to it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
DOC=samples/en-cps-example-ca-v6.0.html
BIG=samples/fr-dpc-autorite-exemple-v4.2.html   # > one 64 KiB read
tmp=$(mktemp -d); mnt=
cleanup() { [ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
n=0

# verdict NAME: prints the TAP line from $why
verdict() {
  n=$((n + 1))
  if [ -z "$why" ]; then echo "ok $n - $1"; else
    echo "not ok $n - $1: $why"; head -3 "$tmp/err" | sed 's/^/#   stderr: /'; fi
}
# expect2 PATTERN: exit status 2 and stderr matching PATTERN (grep -E)
expect2() {
  why=
  [ "$rc" = 2 ] || why="exit $rc, expected 2"
  [ -n "$why" ] || grep -qE -- "^cpslint: .*($1)" "$tmp/err" || why="stderr lacks /$1/"
}
# no_report DIR FILE [OLD]: no FILE (or FILE still equal to OLD), no temporaries
no_report() {
  [ -n "$why" ] && return
  if [ -n "${3:-}" ]; then cmp -s "$2" "$3" || why="the old report was changed"
  elif [ -e "$2" ]; then why="a report was left: $(wc -c <"$2") bytes"; fi
  left=$(ls -A "$1" | grep -v "^$(basename "$2")\$" | grep -v '^old$' | head -1)
  [ -z "$why" ] && [ -n "$left" ] && why="left behind: $left"
}
shim() { # FAULT ARGS... (output to $tmp/out, $tmp/err)
  f=$1; shift
  CPSLINT_FAULT=$f LD_PRELOAD=$SHIM "$BIN" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
}

# -o: every step of the atomic write failing in turn
for f in write:ENOSPC write:EDQUOT fsync:EIO close:EIO rename:EXDEV mkstemp:EROFS mkstemp:EACCES; do
  d=$tmp/o-$n; mkdir -p "$d"
  shim "$f" check -q -o "$d/report.txt" "$DOC"
  expect2 "cannot|No space|Input/output|Read-only|Permission|cross-device"; no_report "$d" "$d/report.txt"
  verdict "-o with $f: exit 2, no report, no temporary file"
done
# an existing report survives a failed rewrite intact
d=$tmp/keep; mkdir -p "$d"
"$BIN" check -q --exit-zero -o "$d/report.txt" "$DOC" 2>/dev/null || "$BIN" check -q -o "$d/report.txt" "$DOC" 2>/dev/null
cp "$d/report.txt" "$d/old"
shim write:ENOSPC check --format json -o "$d/report.txt" "$DOC"
expect2 "No space"; no_report "$d" "$d/report.txt" "$d/old"
verdict "-o over an existing report: a failed write leaves the old one intact"
shim "" check -q -o "$tmp/no/such/dir/report.txt" "$DOC"
expect2 "No such file"; verdict "-o into a missing directory: exit 2"

# standard output failing, for each command: every stdio entry point the
# command may use fails with the same error; at least one must be reached
ALL_STDIO() { echo "fputs:$1,fwrite:$1,fputc:$1,fprintf:$1,fflush:$1"; }
for c in "check -q $DOC" "check --format json $DOC" "outline $DOC" "outline --format json $DOC" "rules" "rules --test" "--help" "--version" \
         "diff samples/diff/example-v1.html samples/diff/example-v2.html" \
         "diff --format json samples/diff/example-v1.html samples/diff/example-v2.html"; do
  for e in ENOSPC EPIPE EIO; do
    rm -f "$tmp/fired"
    # shellcheck disable=SC2086
    CPSLINT_FAULT_LOG=$tmp/fired shim "$(ALL_STDIO $e)" $c
    expect2 "write"
    [ -z "$why" ] && [ ! -s "$tmp/fired" ] && why="no fault fired"
    verdict "stdout fails with $e: cpslint $c"
  done
done
for c in "check $DOC" "outline $DOC" "rules" "--help" "diff samples/diff/example-v1.html samples/diff/example-v2.html"; do
  # shellcheck disable=SC2086
  "$BIN" $c >&- 2>"$tmp/err"; rc=$?
  expect2 "Bad file descriptor|write"; verdict "closed stdout: cpslint $c >&-"
  # shellcheck disable=SC2086
  "$BIN" $c >/dev/full 2>"$tmp/err"; rc=$?
  expect2 "No space|write"; verdict "full stdout: cpslint $c >/dev/full"
done

# the input failing while it is read (a file removed from under us, NFS)
d=$tmp/in; mkdir -p "$d"
# (the report is complete: it names that file as an error, so nothing of a
# multi-file run is hidden; it never holds a half-read document's findings)
for f in read:EIO:2 read:ESTALE:1; do
  CPSLINT_FAULT_PATH=fr-dpc shim "$f" check --format json -o "$d/report.json" "$BIG"
  expect2 "Input/output|Stale|read"
  if [ -z "$why" ] && ! $PY -c 'import json,sys
d=json.load(open(sys.argv[1]))["documents"]
sys.exit(0 if len(d) == 1 and "error" in d[0] and "findings" not in d[0] else 1)' "$d/report.json" 2>/dev/null; then
    why="the report does not record the read error as the file's only entry"
  fi
  rm -f "$d/report.json"
  verdict "input read fails ($f): exit 2, the report records the error"
done
CPSLINT_FAULT_PATH=fr-dpc shim read:EIO:2 outline "$BIG"
expect2 "Input/output"; [ -z "$why" ] && [ -s "$tmp/out" ] && why="an outline was printed"
verdict "outline: input read fails: exit 2, nothing printed"
# a rules file failing while read
CPSLINT_FAULT_PATH=redos.rules shim fread:EIO check --only-ruleset tests/cli/data/redos.rules "$DOC"
expect2 "read error|Input/output"; verdict "rules file read fails: exit 2"

# out of memory inside a library ends the document with exit 2 and a
# reason, never an abort, a hang or a report of a partial tree
# (inject_alloc.so, CPSLINT_FAULT_LIB: the allocations made from that
# library fail from the N-th on). Interposing malloc does not mix with a
# sanitizer's allocator: skipped (loudly) in sanitizer builds.
ALLOC=$BUILD/tests/inject_alloc.so
ashim() { # FAULT ARGS...
  f=$1; shift
  CPSLINT_FAULT=$f LD_PRELOAD=$ALLOC "$BIN" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
}
if [ -f "$ALLOC" ] && ! ldd "$BIN" 2>/dev/null | grep -q 'lib[at]san'; then
for nth in 1 3 10 40 150 600; do
  CPSLINT_FAULT_LIB=libxml2 ashim malloc:ENOMEM:$nth outline "$DOC"
  expect2 "out of memory in the HTML parser \(libxml2\)"
  [ -z "$why" ] && [ -s "$tmp/out" ] && why="an outline was printed"
  [ -z "$why" ] && grep -q "parser error" "$tmp/err" && why="libxml2 printed its own error"
  verdict "libxml2 out of memory (malloc #$nth): exit 2, nothing printed"
done
CPSLINT_FAULT_LIB=libxml2 ashim realloc:ENOMEM:1 check --format json "$BIG"
expect2 "out of memory in the HTML parser"
[ -z "$why" ] && grep -q '"findings"' "$tmp/out" && why="findings reported for a partial tree"
verdict "libxml2 out of memory (realloc): the report has no findings for it"
printf '<html><head><meta charset="iso-8859-15"></head><body><h1>1. Intro</h1><p>Soci\351t\351 \244</p></body></html>' >"$tmp/l15.html"
for nth in 1 2 3; do
  CPSLINT_FAULT_LIB=libicuuc ashim malloc:ENOMEM:$nth outline "$tmp/l15.html"
  expect2 "out of memory decoding the input \(ICU\)"
  verdict "ICU out of memory while decoding (malloc #$nth): exit 2"
done
# ICU out of memory after decoding: loading the NFC normalizer (display
# text), the NFKD one (matching text), opening the word break iterator
# (language). Each ends the document with exit 2 and the reason, never a
# text left unnormalised or a language "und" in disguise. The counts are
# libicuuc's allocations on ICU 72 (Debian 12): before them come the
# default locale's (text_init settles it first), where ICU 72 itself
# crashes or deadlocks on a failed allocation: not tested.
printf '# 1. Introduction\n\nSoci\303\251t\303\251 g\303\251n\303\251rale de certification \303\251lectronique.\n' >"$tmp/u8.md"
printf '<html lang="fr"><head><meta charset="utf-8"></head><body><h1>1. Introduction</h1><p>Soci\303\251t\303\251 \342\200\231 g\303\251n\303\251rale</p></body></html>' >"$tmp/u8.html"
for c in "u8.md 5 NFC normalizer" "u8.md 8 NFKD normalizer" "u8.md 16 word break iterator" \
         "u8.html 6 NFC normalizer" "u8.html 9 NFKD normalizer" "u8.html 16 word break iterator"; do
  set -- $c; udoc=$1 nth=$2; shift 2; what="$*"
  for cmd in outline "check --format json"; do
    # shellcheck disable=SC2086
    CPSLINT_FAULT_LIB=libicuuc ashim malloc:ENOMEM:$nth $cmd "$tmp/$udoc"
    expect2 "out of memory in ICU \((loading the|opening the) $what\)"
    [ -z "$why" ] && [ "$cmd" = outline ] && [ -s "$tmp/out" ] && why="an outline was printed"
    [ -z "$why" ] && grep -q '"findings"' "$tmp/out" && why="findings reported"
    verdict "ICU out of memory ($what, $udoc, malloc #$nth): $cmd exits 2 with the reason"
  done
done
# history: the version ICU failed on is a row with its error, exit 2 at
# the end (the other versions are still judged)
CPSLINT_FAULT_LIB=libicuuc ashim malloc:ENOMEM:16 history "$tmp/u8.md"
expect2 "out of memory in ICU \(opening the word break iterator\)"
[ -z "$why" ] && ! grep -q "unreadable: .*out of memory in ICU" "$tmp/out" && why="no unreadable row"
verdict "ICU out of memory (word break iterator): history makes it an unreadable row, exit 2"
for nth in 1 50; do
  CPSLINT_FAULT_LIB=libpcre2 ashim malloc:ENOMEM:$nth check -q "$DOC"
  expect2 "PCRE2: failed to allocate"
  verdict "PCRE2 out of memory compiling the rules (malloc #$nth): exit 2"
done
else
  n=$((n + 1)); echo "ok $n - out of memory inside libraries # SKIP sanitizer build or no inject_alloc.so"
fi
# cmark-gfm: its pool (markdown.c) is tested with a budget in
# tests/unit/test_markdown.c; here a budget too small for the tree
$PY -c 'import sys; sys.stdout.write("# 1. Introduction\n\n" + "Text.\n\n" * 100000)' >"$tmp/paras.md"
"$BIN" outline --max-memory 2M "$tmp/paras.md" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect2 "max-memory"; [ -z "$why" ] && [ -s "$tmp/out" ] && why="an outline was printed"
verdict "Markdown over --max-memory: exit 2, nothing printed"

# real filesystems: a full tmpfs and a read-only one (root with mount only)
mnt=$tmp/mnt; mkdir -p "$mnt"
if mount -t tmpfs -o size=16k tmpfs "$mnt" 2>/dev/null; then
  head -c 12288 /dev/zero >"$mnt/filler" 2>/dev/null
  "$BIN" check -o "$mnt/report.txt" "$BIG" >"$tmp/out" 2>"$tmp/err"; rc=$?
  rm -f "$mnt/filler"
  expect2 "No space"; no_report "$mnt" "$mnt/report.txt"
  verdict "-o into a full tmpfs: exit 2, no partial report"
  mount -o remount,ro "$mnt"
  "$BIN" check -o "$mnt/report.txt" "$DOC" >"$tmp/out" 2>"$tmp/err"; rc=$?
  expect2 "Read-only"; no_report "$mnt" "$mnt/report.txt"
  verdict "-o into a read-only tmpfs: exit 2, no report"
  umount "$mnt"; mnt=
else
  n=$((n + 1)); echo "ok $n - full tmpfs # SKIP mount not allowed here (the shim cases cover ENOSPC)"
  n=$((n + 1)); echo "ok $n - read-only tmpfs # SKIP mount not allowed here (the shim cases cover EROFS)"
fi

# ---- output paths (outfile.c): never destroy an input, a device or a link
# ident PATH: type, inode and checksum, to compare before and after
ident() { stat -c '%F %i %a' "$1" 2>/dev/null; [ -f "$1" ] && cksum <"$1"; }
d=$tmp/paths; mkdir -p "$d"; cp "$DOC" "$d/doc.html"
before=$(ident "$d/doc.html")
for opt in "-o" "--write-baseline"; do
  "$BIN" check -q "$opt" "$d/doc.html" "$d/doc.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
  expect2 "same file as the input"
  [ -z "$why" ] && [ "$(ident "$d/doc.html")" != "$before" ] && why="the input was changed"
  verdict "check $opt onto its own input: refused, the input intact"
done
ln -s doc.html "$d/link.html"
"$BIN" check -q -o "$d/link.html" "$d/doc.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect2 "same file as the input"
[ -z "$why" ] && { [ -L "$d/link.html" ] && [ "$(ident "$d/doc.html")" = "$before" ]; } || why=${why:-"the link or the input was changed"}
verdict "-o onto a symbolic link to the input: refused"
"$BIN" check -q -o "$d/doc.html" - <"$d/doc.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect2 "same file as the input on standard input"
[ -z "$why" ] && [ "$(ident "$d/doc.html")" != "$before" ] && why="the input was changed"
verdict "-o onto the regular file that is standard input: refused"

"$BIN" check -q --exit-zero "$DOC" >"$d/expected" 2>/dev/null
# devices made here (never the system's /dev): null and full
if mknod "$d/null" c 1 3 2>/dev/null && mknod "$d/full" c 1 7 2>/dev/null; then
  nb=$(ident "$d/null")
  "$BIN" check -q --exit-zero -o "$d/null" "$DOC" >"$tmp/out" 2>"$tmp/err"; rc=$?
  why=; [ "$rc" = 0 ] || why="exit $rc"
  [ -z "$why" ] && [ "$(ident "$d/null")" != "$nb" ] && why="the device node was replaced: $(ident "$d/null")"
  [ -z "$why" ] && [ -n "$(ls -A "$d" | grep '^\.')" ] && why="a temporary file was left"
  verdict "-o onto a character device: written in place, the node stays"
  fb=$(ident "$d/full")
  "$BIN" check -q --exit-zero -o "$d/full" "$DOC" >"$tmp/out" 2>"$tmp/err"; rc=$?
  expect2 "No space"
  [ -z "$why" ] && [ "$(ident "$d/full")" != "$fb" ] && why="the device node was replaced"
  verdict "-o onto a full device: exit 2, the node stays"
else
  n=$((n + 1)); echo "ok $n - character devices # SKIP mknod not allowed here"
  n=$((n + 1)); echo "ok $n - full device # SKIP mknod not allowed here"
fi
mkfifo "$d/fifo"
timeout 10 cat "$d/fifo" >"$d/from-fifo" & reader=$!
"$BIN" check -q --exit-zero -o "$d/fifo" "$DOC" >"$tmp/out" 2>"$tmp/err"; rc=$?
wait $reader
why=; [ "$rc" = 0 ] || why="exit $rc"
[ -z "$why" ] && [ ! -p "$d/fifo" ] && why="the FIFO was replaced"
[ -z "$why" ] && ! cmp -s "$d/from-fifo" "$d/expected" && why="the reader did not get the report"
verdict "-o onto a FIFO: written through it, the FIFO stays"
# (a link of our own to /proc/self/fd/1, as /dev/stdout is: the system's
# /dev is never a target here, a regressed build would replace it)
ln -s /proc/self/fd/1 "$d/stdout"
echo "earlier line" >"$d/log"
"$BIN" check -q --exit-zero -o "$d/stdout" "$DOC" >>"$d/log" 2>"$tmp/err"; rc=$?
{ echo "earlier line"; cat "$d/expected"; } >"$d/want"
why=; [ "$rc" = 0 ] || why="exit $rc"
[ -z "$why" ] && ! cmp -s "$d/log" "$d/want" && why="stdout (appended to) does not hold the line and the report"
verdict "-o LINK-TO-/proc/self/fd/1 (as /dev/stdout) onto a file opened for append: the descriptor is used"
"$BIN" check -q --exit-zero -o /proc/self/fd/3 "$DOC" 3>"$d/fd3" 2>"$tmp/err"; rc=$?
why=; [ "$rc" = 0 ] || why="exit $rc"
[ -z "$why" ] && ! cmp -s "$d/fd3" "$d/expected" && why="descriptor 3 did not get the report"
verdict "-o /proc/self/fd/3: written to the descriptor"
mkdir -p "$d/real" "$d/links"; echo old >"$d/real/report.txt"; chmod 0640 "$d/real/report.txt"
ln -s ../real/report.txt "$d/links/report.txt"
"$BIN" check -q --exit-zero -o "$d/links/report.txt" "$DOC" >"$tmp/out" 2>"$tmp/err"; rc=$?
why=; [ "$rc" = 0 ] || why="exit $rc"
[ -z "$why" ] && [ ! -L "$d/links/report.txt" ] && why="the link was replaced"
[ -z "$why" ] && ! cmp -s "$d/real/report.txt" "$d/expected" && why="the target does not hold the report"
[ -z "$why" ] && [ "$(stat -c %a "$d/real/report.txt")" != 640 ] && why="mode $(stat -c %a "$d/real/report.txt"), expected 640"
[ -z "$why" ] && [ -n "$(ls -A "$d/real" "$d/links" | grep '^\.')" ] && why="a temporary file was left"
verdict "-o onto a symbolic link: the target rewritten, mode kept, the link stays"
# SIGINT while the report is open (the input is a FIFO nobody writes, so
# cpslint waits on it with the temporary report created): no temporary left
mkdir -p "$d/sig"; mkfifo "$d/sig/in.html"
"$BIN" check -o "$d/sig/report.txt" "$d/sig/in.html" >"$tmp/out" 2>"$tmp/err" & pid=$!
i=0; while [ $i -lt 50 ] && [ -z "$(ls -A "$d/sig" | grep '^\.')" ]; do sleep 0.1; i=$((i + 1)); done
why=; [ -z "$(ls -A "$d/sig" | grep '^\.')" ] && why="no temporary file appeared (cannot test)"
kill -INT $pid; wait $pid; rc=$?; kill -9 $pid 2>/dev/null
[ -z "$why" ] && [ "$rc" != 130 ] && why="exit $rc, expected 130 (SIGINT)"
[ -z "$why" ] && [ -n "$(ls -A "$d/sig" | grep -v '^in.html$')" ] && why="left behind: $(ls -A "$d/sig")"
verdict "SIGINT while writing -o: the temporary file is removed"

#!/bin/sh
# Generate docs/rules.md from the rulesets: `cpslint rules --format markdown`
# over rulesets/*.rules of this tree (CPSLINT_DATA), so the output does not
# depend on where cpslint is installed or on the date.
#   scripts/gen-docs.sh BIN [OUT]     (OUT defaults to docs/rules.md)
set -eu
BIN=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${2:-$ROOT/docs/rules.md}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
LC_ALL=C.UTF-8 CPSLINT_DATA=$ROOT "$BIN" rules --format markdown >"$tmp"
# Where each date comes from: the `dates`, `effective`, `adopted`,
# `effective.SECTION` and `doc-dated-*` keys of every dated rule, read from
# the rules files themselves (docs/rules-format.md).
{
    printf '\n## Sources of the dates\n\n'
    printf 'For every dated rule: when it takes effect, when the ballot or policy that makes it was adopted or published (no `upcoming` warning before that), the sections it covers only from a later date (`effective.SECTION`), and where the dates come from (`../shared/reference/requirements.md` sections and the ballots).\n\n'
    printf '| id | effective | adopted | later sections | documents dated | source of the dates |\n'
    printf '| --- | --- | --- | --- | --- | --- |\n'
    for f in "$ROOT"/rulesets/*.rules; do
        LC_ALL=C.UTF-8 awk '
            function flush() {
                if (id != "" && dates != "")
                    printf "| `%s` | %s | %s | %s | %s | %s |\n", id, eff == "" ? "-" : eff,
                        ad == "" ? "-" : ad, sec == "" ? "-" : sec, dd == "" ? "-" : dd, dates
                id = ""; eff = ""; ad = ""; sec = ""; dd = ""; dates = ""
            }
            function val(s) { sub(/^[^=]*=[ \t]*/, "", s); sub(/[ \t]+#.*$/, "", s); return s }
            /^\[/ { flush(); id = substr($0, 2, length($0) - 2); next }
            /^effective\./ { k = $1; sub(/^effective\./, "", k); sec = sec (sec == "" ? "" : ", ") k " from " val($0); next }
            /^effective[ \t]*=/ { eff = val($0); next }
            /^adopted[ \t]*=/ { ad = val($0); next }
            /^doc-dated-from[ \t]*=/ { dd = "from " val($0); next }
            /^doc-dated-until[ \t]*=/ { dd = "before " val($0); next }
            /^dates[ \t]*=/ { dates = val($0); next }
            END { flush() }
        ' "$f"
    done
} >>"$tmp"
mv "$tmp" "$OUT"
trap - EXIT

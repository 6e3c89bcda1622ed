#!/usr/bin/env python3
"""make accuracy: score cpslint against a reviewer's verdicts.

    scripts/accuracy.py CPSLINT [--corpus DIR] [--known FILE] [--verdicts FILE]...

Each verdict file is a TSV (document, as_of, rule, expected, note) as in
../shared/corpus/VERDICTS.tsv: `fail` (the rule must fail or be upcoming
on that date), `not-fail` (it must not), `either` (not scored). The
document is looked up as DOCUMENT.html, then .md, .xhtml, .pdf in the
directory of the verdict file (or --corpus); every twin found is scored
(the HTML and Markdown twins must give the same verdicts). A rule named
`(no rule yet)` is reported as uncovered, not scored.

A document whose name starts with `cabf-` or `mozilla-rootstore-` is a
requirements document, not a CA's CP/CPS: every rule must not fail on it
(the reviewer's expectation stated in VERDICTS.tsv), except the notice
that says so (rfc3647.doc.not-a-policy), which must: the reviewer expects
cpslint to say what the document is.

Prints, per rule and overall, the verdicts matched, precision and recall
(a `fail` verdict is a positive), then every disagreement with the
reviewer's note. Exits 1 when a disagreement is not listed in
tests/accuracy/known.tsv (document, as_of, rule, reason), 2 on trouble.
This is a benchmark-style report, not part of `make check`'s count.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

FAILING = ("fail", "upcoming")
EXTS = (".html", ".md", ".xhtml", ".pdf")
REQUIREMENT_DOCS = ("cabf-", "mozilla-rootstore-")
SAYS_NOT_A_POLICY = "rfc3647.doc.not-a-policy"


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            rows.append((n, dict(zip(header, cols + [""] * (len(header) - len(cols))))))
    return rows


def run(cpslint, path, as_of):
    p = subprocess.run([cpslint, "check", "--format", "json", "--exit-zero",
                        "--as-of", as_of, path],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError("%s --as-of %s: exit %d: %s" % (path, as_of, p.returncode,
                                                           p.stderr.strip()[:300]))
    d = json.loads(p.stdout)["documents"][0]
    status = {c["rule"]: c["status"] for c in d["checklist"]}
    return d, status


def main(argv):
    args = argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    cpslint = os.path.abspath(args.pop(0))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    corpus = os.environ.get("CPSLINT_CORPUS", os.path.join(root, "..", "shared", "corpus"))
    known_path = os.path.join(root, "tests", "accuracy", "known.tsv")
    verdict_files = []
    while args:
        a = args.pop(0)
        if a == "--corpus":
            corpus = args.pop(0)
        elif a == "--known":
            known_path = args.pop(0)
        elif a == "--verdicts":
            verdict_files.append(args.pop(0))
        else:
            print("accuracy: unknown argument %s" % a, file=sys.stderr)
            return 2
    if not verdict_files:
        verdict_files = [os.path.join(corpus, "VERDICTS.tsv")]
        local = os.path.join(root, "tests", "accuracy", "samples.tsv")
        if os.path.exists(local):
            verdict_files.append(local)
    for v in verdict_files:
        if not os.path.exists(v):
            print("accuracy: %s: not found (the corpus is ../shared/corpus, or set "
                  "CPSLINT_CORPUS)" % v, file=sys.stderr)
            return 2

    known = {}
    if os.path.exists(known_path):
        for _, r in read_tsv(known_path):
            known[(r["document"], r["as_of"], r["rule"], r.get("format", "") or "*")] = r["reason"]

    verdicts = []  # (document path(s), as_of, rule, expected, note, source)
    docs = {}
    for vf in verdict_files:
        base = os.path.dirname(os.path.abspath(vf))
        if os.path.basename(vf) == "samples.tsv":
            base = root
        for n, r in read_tsv(vf):
            name = r["document"]
            paths = [os.path.join(base, name + e) for e in EXTS
                     if os.path.exists(os.path.join(base, name + e))]
            if os.path.exists(os.path.join(base, name)):
                paths = [os.path.join(base, name)]
            if not paths:
                print("accuracy: %s:%d: no file for %s" % (vf, n, name), file=sys.stderr)
                return 2
            docs[name] = paths
            verdicts.append((name, r["as_of"], r["rule"], r["expected"], r.get("note", "")))

    # Requirements documents in the corpus: every rule must not fail, as of
    # their own date and as of the latest date judged for the others.
    dates = sorted({v[1] for v in verdicts})
    for f in sorted(os.listdir(corpus)):
        stem, ext = os.path.splitext(f)
        if ext in EXTS and stem.startswith(REQUIREMENT_DOCS):
            docs.setdefault(stem, [])
            docs[stem].append(os.path.join(corpus, f))
            for d in ("doc",) + tuple(dates[-1:]):
                verdicts.append((stem, d, "*", "not-fail",
                                 "a requirements document, not a CA's CP/CPS"))

    cache = {}
    per_rule = defaultdict(lambda: [0, 0, 0, 0])  # tp, fn, fp, tn
    disagreements = []
    uncovered = []
    reqdoc = [0, 0]  # runs on requirements documents, failing rules on them
    for name, as_of, rule, expected, note in verdicts:
        if rule.startswith("("):
            uncovered.append((name, as_of, rule, note))
            continue
        if expected == "either":
            continue
        for path in docs[name]:
            key = (path, as_of)
            if key not in cache:
                try:
                    cache[key] = run(cpslint, path, as_of)
                except (RuntimeError, ValueError, KeyError, IndexError) as ex:
                    print("accuracy: %s" % ex, file=sys.stderr)
                    return 2
            _, status = cache[key]
            fmt = os.path.splitext(path)[1][1:]
            rules = ([r for r in status if status[r] in FAILING and r != SAYS_NOT_A_POLICY]
                     if rule == "*" else [rule])
            if rule == "*":
                reqdoc[0] += 1
                reqdoc[1] += len(rules)
                said = status.get(SAYS_NOT_A_POLICY, "absent")
                if said not in FAILING:
                    reqdoc[1] += 1
                    disagreements.append((name, as_of, SAYS_NOT_A_POLICY, fmt, "fail", said,
                                          "the notice that this is not a CA's CP/CPS", ""))
            for rid in rules:
                st = status.get(rid)
                if st is None:
                    disagreements.append((name, as_of, rid, fmt, expected, "absent",
                                          note, "the rule does not exist"))
                    continue
                got_fail = st in FAILING
                if rule == "*":
                    disagreements.append((name, as_of, rid, fmt, expected, st, note, ""))
                    continue
                cell = per_rule[rid]
                if expected == "fail":
                    cell[0 if got_fail else 1] += 1
                else:
                    cell[2 if got_fail else 3] += 1
                if got_fail != (expected == "fail"):
                    disagreements.append((name, as_of, rid, fmt, expected, st, note, ""))

    tot = [0, 0, 0, 0]
    print("%-46s %4s %4s %4s %4s" % ("rule", "TP", "FN", "FP", "TN"))
    for rid in sorted(per_rule):
        c = per_rule[rid]
        tot = [a + b for a, b in zip(tot, c)]
        print("%-46s %4d %4d %4d %4d" % (rid, *c))
    tp, fn, fp, tn = tot
    n = tp + fn + fp + tn
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print()
    print("verdicts scored: %d (per twin); matched: %d (%.1f%%)" % (n, tp + tn,
                                                                  100.0 * (tp + tn) / n if n else 100))
    print("precision: %.3f  recall: %.3f  (a 'fail' verdict is a positive)" % (prec, rec))
    print("requirements documents: %d run(s), %d failing rule(s) (must be 0)" % tuple(reqdoc))
    if uncovered:
        print()
        print("not covered by any rule (not scored):")
        for name, as_of, rule, note in uncovered:
            print("  %s @%s: %s" % (name, as_of, note))
    unexplained = 0
    if disagreements:
        print()
        print("disagreements:")
        for name, as_of, rid, fmt, exp, got, note, extra in disagreements:
            reason = (known.get((name, as_of, rid, fmt)) or known.get((name, as_of, rid, "*")))
            tag = "known: " + reason if reason else "UNEXPLAINED"
            if not reason:
                unexplained += 1
            print("  %s @%s [%s] %s: expected %s, got %s%s -- %s" % (
                name, as_of, fmt, rid, exp, got, (" (" + note + ")") if note else "",
                tag + ((" " + extra) if extra else "")))
    print()
    print("accuracy: %d disagreement(s), %d not explained in %s" % (
        len(disagreements), unexplained, os.path.relpath(known_path, root)))
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

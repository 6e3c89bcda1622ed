#!/usr/bin/env python3
"""The README's pictures of the HTML reports (make docs).

    shots.py CPSLINT OUTDIR

Writes OUTDIR/check-report.png (the French sample's checklist),
OUTDIR/check-report-text.png (the same report where its findings stand in
the text, with the outline beside it) and OUTDIR/diff-report.png (the
diff of the two example versions), taken by headless Chromium.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402


def main(argv):
    cpslint, outdir = argv[1], argv[2]
    os.makedirs(outdir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="cpslint-shots-")
    check = os.path.join(tmp, "check.html")
    diff = os.path.join(tmp, "diff.html")
    subprocess.run([cpslint, "check", "--format", "html", "-o", check,
                    "samples/fr-dpc-autorite-exemple-v4.2.html"], check=False)
    with open(diff, "w") as f:
        subprocess.run([cpslint, "diff", "--format", "html", "samples/diff/example-v1.html",
                        "samples/diff/example-v2.html"], stdout=f, check=False)
    b = Browser(width=1280, height=860)
    try:
        b.load("file://" + check)
        b.eval("document.getElementById('d1-checklist').scrollIntoView()")
        b.screenshot(os.path.join(outdir, "check-report.png"))
        b.eval("var m=document.getElementById('d1-f0');m.scrollIntoView();window.scrollBy(0,-120)")
        b.screenshot(os.path.join(outdir, "check-report-text.png"))
        b.load("file://" + diff)
        b.eval("document.querySelector('section.changed').scrollIntoView();window.scrollBy(0,-40)")
        b.screenshot(os.path.join(outdir, "diff-report.png"))
    finally:
        b.close()
    for f in (check, diff):
        os.unlink(f)
    os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

# --width N wraps the text report to N columns, continuation lines indented;
# without it (not a terminal) lines are at most 100 columns.
run: diff --width 60 --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
has:     row "Subscriber certificates": [-398-] {+200+} days |
has:     [-398-] {+200+} days
has:     row "OCSP responder certificates" added: {+1 year | 1

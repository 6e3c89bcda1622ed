# Tables diffed by row and cell: rows paired by their first cell, a changed
# row shows only its changed cells as a word diff, added and removed rows
# are named; each change is headed by its old and new lines. The prose word
# diff leaves the table out (no word soup of its cells). Quillmoor Trust is
# fictional (tests/data/diff-table-v1.html, -v2.html).
run: diff --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
has: @@ 6.3.2 (old 24, new 24) @@
has:     row "Subscriber certificates": [-398-] {+200+} days | [-398-] {+200+} days
has: @@ 6.3.2 (old 23) @@
has:     row "Cross certificates" removed: [-5 years | 5 years-]
has: @@ 6.3.2 (new 25) @@
has:     row "OCSP responder certificates" added: {+1 year | 1 year+}
has: @@ 1.2 (new 13) @@
has:     row "3.2" added: {+2026-03-01 | Validity reduced to 200 days.+}
has: @@ 1.5.2 (old 15, new 16) @@
lacks: Root CA certificates
lacks: [-5 years-]

# Markdown: hunks headed by their lines, table rows by label, moved findings.
run: diff --format markdown --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
has: `@@ 6.3.2 (old 24, new 24) @@`
has: > row "Subscriber certificates": ~~398~~ **200** days \| ~~398~~ **200** days
has: ### Persisting (moved)
has:   - old line 18: "Quillmoor Trust sets the operational periods below. Subscriber Certificates have a validity period of no more than \>\>825 days\<\<."

# Markdown report: removed words struck through, added words bold, each hunk
# headed by its lines in a code span, a table row by its label.
run: diff --format markdown --context 0 samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
has: # cpslint diff
has: | new | `samples/diff/example-v2.html` | 1.4 | 2025-03-15 |
has: - renumbered **10 -> 11** SUPPLEMENTARY PRACTICES FOR QUALIFIED WEBSITE CERTIFICATES
has: ### 6.3.2 Certificate operational periods and key pair usage periods
has: `@@ 6.3.2 (old 539, new 545) @@`
has: > Subscriber Certificates issued by ETS have a validity period of no more than ~~825~~ **398** days.
has: > row "1.4" added: **March 15, 2025 \| Validity reduced to 398 days;
has: ### Introduced
has: **Result: FAIL**

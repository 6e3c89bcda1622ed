# --show-all lists, after the findings and the manual checks, every other
# rule as a row (pass, n/a with its note, not-effective) instead of the
# count line; the manual checks are not repeated among the n/a rows.
run: check --show-all --as-of 2026-11-27 samples/en-cps-example-ca-v6.0.html
exit: 0
has: Other rules:
has: PASS                  br.3.2.2.4.1.retired
has: N/A                   ccadb.translation-version
has:         the document is in English: no translation to compare
has: NOT-EFFECTIVE         mozilla.3.3.2.reference-only
has: Manual checks:
lacks: N/A                   br.4.9.9.ocsp-live
lacks: --show-all lists them

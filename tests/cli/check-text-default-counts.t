# By default a clean document's report is the header, the manual checks
# in one list and one line counting the rules that passed, were n/a (the
# manual checks apart) or are not yet effective: no row per rule.
run: check --as-of 2026-11-27 samples/en-cps-example-ca-v6.0.html
exit: 0
has: Manual checks:
has:   - query the live OCSP responder with a serial number that was never issued: it must not answer "good" (the text rule only catches wording)  [br.4.9.9.ocsp-live]
has: 71 rules passed, 7 not applicable, 11 not yet effective; --show-all lists them
has: 0 errors, 0 warnings, 0 notices; 96 rules: 0 fail, 0 upcoming, 0 error, 71 pass, 14 n/a, 11 not-effective
lacks: PASS
lacks: N/A
lacks: NOT-EFFECTIVE
lacks: no translation to compare
lacks: Errors and upcoming deadlines:

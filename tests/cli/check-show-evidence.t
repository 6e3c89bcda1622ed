# --show-evidence alone lists the passing require rules that have evidence
# and, under each, the sentence that earned it (section, line, quote);
# the other passing, n/a and not-effective rules stay counted, not listed.
run: check --only-ruleset cabf-br --as-of 2026-11-27 --show-evidence samples/en-cps-harborline-v2.1.md
exit: 1
has: Passed, with the evidence:
has: PASS                  br.5.7.1.mass-revocation-plan
has:         evidence: 5.7.1, line
has: "Harborline maintains a mass revocation plan."
has: "The plan is tested every year and improved with the lessons learned."
has:         evidence: 4.9.3, line
has: --show-all lists them
lacks: evidence: 1.6.3
lacks: PASS                  br.3.2.2.4.1.retired
lacks: NOT-EFFECTIVE
lacks: N/A

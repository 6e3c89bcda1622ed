# --show-all --show-evidence: every rule not listed above as a row, and
# the evidence under the passing rows that have some; no count line.
run: check --only-ruleset cabf-br --as-of 2026-11-27 --show-all --show-evidence samples/en-cps-harborline-v2.1.md
exit: 1
has: Other rules:
has: PASS                  br.5.7.1.mass-revocation-plan
has:         evidence: 5.7.1, line
has: PASS                  br.3.2.2.4.1.retired
has: NOT-EFFECTIVE         br.3.2.2.4.4.retired
lacks: Passed, with the evidence:
lacks: --show-all lists them

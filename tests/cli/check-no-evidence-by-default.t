# Without --show-evidence the text report quotes no evidence, even when
# --show-all lists the passing rules.
run: check --only-ruleset cabf-br --as-of 2026-11-27 --show-all samples/en-cps-harborline-v2.1.md
exit: 1
lacks: evidence:
lacks: Passed, with the evidence:
has: PASS                  br.5.7.1.mass-revocation-plan

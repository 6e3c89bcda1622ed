# Without --show-evidence the text report quotes no evidence.
run: check --only-ruleset cabf-br --as-of 2026-11-27 samples/en-cps-harborline-v2.1.md
exit: 1
lacks: evidence:
has: PASS                  br.5.7.1.mass-revocation-plan

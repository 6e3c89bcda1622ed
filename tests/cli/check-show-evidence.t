# --show-evidence: under each passing require rule, the sentence that earned
# it (section, line, quote); without the option, nothing of it.
run: check --only-ruleset cabf-br --as-of 2026-11-27 --show-evidence samples/en-cps-harborline-v2.1.md
exit: 1
has: PASS                  br.5.7.1.mass-revocation-plan
has:         evidence: 5.7.1, line
has: "Harborline maintains a mass revocation plan."
has: "The plan is tested every year and improved with the lessons learned."
has:         evidence: 4.9.3, line
lacks: evidence: 1.6.3

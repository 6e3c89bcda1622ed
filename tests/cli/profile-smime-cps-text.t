# The text report opens with the profile and the evidence that decided it;
# a TLS-only rule says why it is n/a with --verbose.
run: check -v --as-of 2026-11-27 samples/en-smime-cps-exemplar-v2.1.html
exit: 0
has:   profile: a Certification Practice Statement (CPS), scopes smime (detected)
has:     smime: CA/B Forum S/MIME policy OID in 1.2:
has:     tls-server: against: serverAuth excluded in 1.1:
has:         a TLS server rule (BR 3.2.2.4.5 (Ballot 218)); this document's scope is S/MIME
has: 96 rules: 0 fail, 0 upcoming, 0 error, 16 pass, 77 n/a, 3 not-effective

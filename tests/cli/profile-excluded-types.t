# A code and document signing CPS that names TLS and S/MIME only to exclude
# them (1.1 "No certificate ... contains id-kp-serverAuth or
# id-kp-emailProtection", 1.4.2 "may not be used for TLS server
# authentication, for email protection", 7.1 "emailProtection is not set"):
# code-signing only, so the Mozilla rules are n/a and no contradiction note.
run: check -v --as-of 2026-11-27 samples/precision/en-cps-quillon-codesign-v1.4.md
exit: 1
has:   profile: a Certification Practice Statement (CPS), scopes code-signing (detected)
has:         a TLS server and S/MIME rule (MRSP 3.3(4) (v2.8.1)); this document's scope is code signing
lacks: contradictory evidence
lacks: EKU emailProtection
has: [ccadb.4.adherence-statement]
has: [ccadb.4.effective-date]

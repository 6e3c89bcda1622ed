# Golden (reviewed by eye): several documents, each its own block in
# input order (written as each is checked), each with its count line and
# summary, then the total.
run: check --only-ruleset cabf-br --disable br --enable br.5.7.1.mass-revocation-plan --as-of 2026-11-27 samples/methods/en-cps-lumen-trust-v2.1.html samples/en-cps-example-ca-v6.0.html
exit: 1
stdout:
samples/methods/en-cps-lumen-trust-v2.1.html: version 2.1, dated 2026-10-01, language en, 271 of 270 RFC 3647 sections; as of 2026-11-27
  profile: a Certification Practice Statement (CPS), scopes tls-server (detected)
    cps: title: "Lumen Trust Services CPS v2.1"
    tls-server: title: "Certification Practice Statement for TLS Server Certificates"
    note: no separate CP is named: duties addressed to the CP apply to this CPS

Errors and upcoming deadlines:
error     5.7.1 Incident and compromise handling procedures, line 348  [br.5.7.1.mass-revocation-plan]
          "No stipulation."
          no mass revocation plan found in section 5.7.1
          section 5.7.1 must state that the CA maintains a mass revocation plan, tests it at least every year and improves it with the lessons learned
          [BR 5.7.1.2 (Ballot SC-089); MRSP 6.1.3, effective 2025-12-01]

samples/methods/en-cps-lumen-trust-v2.1.html: 1 error, 0 warnings, 0 notices; 1 rule: 1 fail, 0 upcoming, 0 error, 0 pass, 0 n/a, 0 not-effective

samples/en-cps-example-ca-v6.0.html: version 6.0, dated 2026-10-15, language en, 270 of 270 RFC 3647 sections; as of 2026-11-27
  profile: a Certification Practice Statement (CPS), scopes tls-server (detected)
    cps: title: "Example CA Certification Practice Statement v6.0"
    tls-server: title: "Certification Practice Statement for TLS Server Certificates"
    note: no separate CP is named: duties addressed to the CP apply to this CPS

1 rule passed; --show-all lists them
samples/en-cps-example-ca-v6.0.html: 0 errors, 0 warnings, 0 notices; 1 rule: 0 fail, 0 upcoming, 0 error, 1 pass, 0 n/a, 0 not-effective

total: 2 documents: 1 error, 0 warnings, 0 notices

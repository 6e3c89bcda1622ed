# Golden (reviewed by eye): the answer first. Errors and the upcoming
# deadline in one list in document order (3.2.2.5's upcoming retirement
# between the document-wide "No stipulation" entry, whose first place is
# 2.2, and 5.7.1), then the warnings and notices in document order (4.9.1
# before 7.1 before 8), not in ruleset order; the twelve identical "No
# stipulation." findings folded into one entry naming every place with
# its line; no count line when every rule failed.
run: check --only-ruleset cabf-br --only-ruleset mozilla --disable br --disable mozilla --enable mozilla.3.3.no-stipulation --enable br.3.2.2.5.3.retired --enable br.5.7.1.mass-revocation-plan --enable br.7.1.serial-entropy --enable br.4.9.1.1.revocation-timelines --enable br.8.4.audit-scheme --as-of 2026-11-27 samples/methods/en-cps-lumen-trust-v2.1.html
exit: 1
stdout:
samples/methods/en-cps-lumen-trust-v2.1.html: version 2.1, dated 2026-10-01, language en, 271 of 270 RFC 3647 sections; as of 2026-11-27
  profile: a Certification Practice Statement (CPS), scopes tls-server (detected)
    cps: title: "Lumen Trust Services CPS v2.1"
    tls-server: title: "Certification Practice Statement for TLS Server Certificates"
    note: no separate CP is named: duties addressed to the CP apply to this CPS

Errors and upcoming deadlines:
error     12 places: 2.2 (line 63), 2.3 (line 65), 4.2.1 (line 139), 4.9.3 (line 219), 4.9.5 (line 223), 4.9.12 (line 237), 5.4.3 (line 317), 5.5.2 (line 333), 6.1.5 (line 371), 6.3.2 (line 405), 8.1 (line 469), 8.4 (line 475)  [mozilla.3.3.no-stipulation]
          ">>No stipulation.<<"
          "No stipulation" means the document sets no requirement; it may not stand where the BRs require the CA to describe its practice
          [MRSP 3.3(5) (v2.7); Mozilla wiki "CA/Required or Recommended Practices", effective 2020-01-01]
upcoming  3.2.2.5 Authentication for an IP Address, line 108  [br.3.2.2.5.3.retired]
          "a >>reverse address lookup<<, followed by the validation of the resulting Domain Name as described in section 3.2.2.4;"
          offers IP address validation method 3.2.2.5.3 (Reverse Address Lookup), which the BRs forbid from 2027-03-15; offered in a list introduced by ("confirms control of an ip address with")
          [BR 3.2.2.5.3 (Ballot SC-091), effective 2027-03-15]
          becomes effective 2027-03-15 (as of 2026-11-27)
error     5.7.1 Incident and compromise handling procedures, line 348  [br.5.7.1.mass-revocation-plan]
          "No stipulation."
          no mass revocation plan found in section 5.7.1
          section 5.7.1 must state that the CA maintains a mass revocation plan, tests it at least every year and improves it with the lessons learned
          [BR 5.7.1.2 (Ballot SC-089); MRSP 6.1.3, effective 2025-12-01]

Warnings and notices:
notice    4.9.1 Circumstances for revocation, line 214  [br.4.9.1.1.revocation-timelines]
          "No stipulation."
          neither 24-hour deadline nor 5-day deadline (or 24 hours for every reason) found in section 4.9.1
          section 4.9.1(.1) should give the BR revocation deadlines: 24 hours for the first reasons, 5 days (or, stricter, 24 hours) for the others
          [BR 4.9.1.1 (Ballot SC-006), effective 2018-10-14]
warning   7.1 Certificate profile, line 434  [br.7.1.serial-entropy]
          "No stipulation."
          no serial number with at least 64 random bits found in section 7.1
          the CP/CPS should state that certificate serial numbers are non-sequential, greater than zero and contain at least 64 bits of output from a CSPRNG
          [BR 7.1 (Ballot 164), effective 2016-09-30]
warning   8 COMPLIANCE AUDIT AND OTHER ASSESSMENTS, line 466  [br.8.4.audit-scheme]
          "No stipulation."
          no WebTrust or ETSI EN 319 411-1 audit scheme found in section 8
          the CA must be audited under WebTrust for CAs, SSL Baseline and Network Security, or ETSI EN 319 411-1: chapter 8 should name the scheme
          [BR 8.4]

samples/methods/en-cps-lumen-trust-v2.1.html: 13 errors, 3 warnings, 1 notice; 6 rules: 5 fail, 1 upcoming, 0 error, 0 pass, 0 n/a, 0 not-effective

# A CP/CPS for TLS and S/MIME: the S/MIME suspension, the PKCS#12 delivery of
# S/MIME encryption keys and the S/MIME validity and reuse periods are not
# judged by the TLS rules; the TLS domain data reuse of 398 days and the
# missing 24-hour preliminary report are.
run: check --as-of 2026-11-27 samples/precision/en-cpcps-corvane-tls-smime-v4.1.md
exit: 1
has: [br.4.2.1.reuse-domain]
has: [br.4.9.5.preliminary-report]
lacks: [br.4.9.13.no-suspension]
lacks: [br.6.1.1.3.no-ca-key-generation]
lacks: [br.6.3.2.subscriber-validity]
lacks: [br.4.2.1.reuse-identity]
has: 96 rules: 2 fail, 0 upcoming, 0 error,

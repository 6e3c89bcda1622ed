# Golden (reviewed by eye): four findings of one rule with the same
# message in one section are one entry; its sentences are each quoted
# once after the lines that hold them (the two table rows with their row
# labels, the repeated sentence with both its lines).
run: check --only-ruleset cabf-br --disable br --enable br.6.3.2.subscriber-validity --as-of 2026-11-27 tests/data/fold-same-section.html
exit: 1
stdout:
tests/data/fold-same-section.html: version ?, dated ?, language und, 1 of 270 RFC 3647 sections; as of 2026-11-27
  profile: unknown kind, scopes unknown (detected)
    kind: nothing decides it: rules addressed to the CP and to the CPS all apply (give --kind)
    scopes: nothing decides them: rules of every scope apply (give --scope)

Errors and upcoming deadlines:
error     6.3.2 Certificate operational periods and key pair usage periods, 4 places  [br.6.3.2.subscriber-validity]
          line 4: "Subscriber DV certificates | >>398 days<<"
          line 5: "Subscriber OV certificates | >>398 days<<"
          line 7, line 8: "Subscriber certificates are valid for at most >>398 days<<."
          "398 days" is beyond the maximum in force on 2026-11-27: 200 days (from 2026-03-15); the BRs cap the validity period of Subscriber (TLS server) certificates
          [BR 6.3.2 (Ballot 193: 825 days; SC-031: 398 days; SC-081: 200, 100, 47 days), effective 2015-04-01]

tests/data/fold-same-section.html: 4 errors, 0 warnings, 0 notices; 1 rule: 1 fail, 0 upcoming, 0 error, 0 pass, 0 n/a, 0 not-effective

# Golden (reviewed by eye): missing sections as ranges of the outline. The
# input is samples/en-cps-example-ca-v6.0.html without 4.6.1 to 4.6.7 and
# 5.2.3 (their headings and text): one entry, "4.6.1–4.6.7, 5.2.3", and
# how many sections, not eight entries.
setup: sed -e '/id="s4-6-[1-7]"/,+1d' -e '/id="s5-2-3"/,+1d' samples/en-cps-example-ca-v6.0.html >$TMP/missing.html
stdin: $TMP/missing.html
run: check --only-ruleset mozilla --disable mozilla --enable mozilla.3.3.missing-section --as-of 2026-11-27 -
exit: 1
stdout:
-: version 6.0, dated 2026-10-15, language en, 262 of 270 RFC 3647 sections; as of 2026-11-27
  profile: a Certification Practice Statement (CPS), scopes tls-server (detected)
    cps: title: "Example CA Certification Practice Statement v6.0"
    tls-server: title: "Certification Practice Statement for TLS Server Certificates"
    note: no separate CP is named: duties addressed to the CP apply to this CPS

Errors and upcoming deadlines:
error     sections 4.6.1–4.6.7, 5.2.3  [mozilla.3.3.missing-section]
          8 sections are missing
          MRSP 3.3 requires every section and subsection of RFC 3647 (write "No stipulation" where the CA sets no requirement)
          [MRSP 3.3(5) (v2.7), for CP/CPS versions dated from 2020-04-01, effective 2020-01-01]

-: 8 errors, 0 warnings, 0 notices; 1 rule: 1 fail, 0 upcoming, 0 error, 0 pass, 0 n/a, 0 not-effective

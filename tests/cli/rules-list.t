# The rule list gives id, severity, kind, dates and citation.
run: rules
exit: 0
has: br.4.9.3.problem-reporting     error   require   2018-10-14 -          BR 4.9.3 (Ballot SC-006)
has: br.3.2.2.4.4.sunset            warning forbid    2026-03-15 2028-03-15 BR 3.2.2.4.4 (Ballot SC-090)

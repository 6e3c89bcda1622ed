# A method offered in a table is quoted with its row: the cell that holds
# the number and the cell next to it ("BR >>3.2.2.4.16<< | Yes"), for
# every forbid rule, not only for those with a certificate subject.
run: check --as-of 2026-11-27 --only-ruleset cabf-br tests/data/methods-table-row.html
exit: 1
has: warning   3.2.2.4 Validation of Domain Authorization or Control, line 6  [br.3.2.2.4.16.sunset]
has:           "BR >>3.2.2.4.16<< | Yes"

# cpslint explain RULE: the rule in words, its citation and dates, the
# examples that fire and do not, and what to write to comply.
run: explain br.4.9.3.problem-reporting
exit: 0
has: br.4.9.3.problem-reporting
has:   citation     BR 4.9.3 (Ballot SC-006)
has:   effective    2018-10-14
has: Fires on (example.bad):
has: Does not fire on (example.good):
has: To comply: Write in 1.5.2 a sentence with
lacks: http

# --as-of doc on a document without a date it can read (its only date,
# "09/05/2019", could be 9 May or 5 September in an English document) is an
# error, never a silent "today".
run: check --as-of doc tests/data/undated-ambiguous.md
exit: 2
err-has: cpslint: tests/data/undated-ambiguous.md: no effective date found; give --as-of DATE

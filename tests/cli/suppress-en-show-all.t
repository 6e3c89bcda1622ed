# --show-all lists the rule whose only finding is suppressed in its row,
# with the count of suppressed findings.
run: check --as-of 2019-05-09 --show-all tests/data/suppress-en.html
exit: 1
has: FAIL          error   br.6.3.2.subscriber-validity (1 finding, 1 suppressed)

# A schedule table whose Subscriber row says 200 days fails once 100 days
# are in force, and the finding quotes the row label with the cell (the
# text report's quote: "LABEL | >>VALUE<<"); the Root, Italian root, cross
# and OCSP responder rows are not judged.
run: check --as-of 2027-06-01 --only-ruleset cabf-br tests/data/limits-validity-table.html
exit: 1
has: error     6.3.2 Certificate operational periods and key pair usage periods, line 14  [br.6.3.2.subscriber-validity]
has:           "Subscriber certificates | >>200 days<<"
has: "200 days" is beyond the maximum in force on 2027-06-01: 100 days (from 2027-03-15)
lacks: 25 years
lacks: 25 anni
lacks: 5 years
lacks: 398 days<<

# A finding whose match only moved to another sentence of its section is
# persisting (moved), with its old and new lines and quotes, not introduced
# and resolved. Introduced and resolved findings carry their line and quote.
run: diff --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
has: findings: 0 introduced, 2 resolved, 15 persisting (1 moved)
has: persisting (moved):
has:   br.6.3.2.subscriber-validity [error] section 6.3.2 Certificate operational periods and key pair
has:       old line 18: "Quillmoor Trust sets the operational periods below. Subscriber Certificates have
has:       new line 19: "Quillmoor Trust sets the operational periods below. Where a Subscriber requests
has:       it, Subscriber Certificates may have a validity period of no more than >>825 days<<."
has: resolved:
has:   mozilla.3.3.annual-update [error] section (document): the newest dated entry (2025-01-10) is 415
lacks: introduced:

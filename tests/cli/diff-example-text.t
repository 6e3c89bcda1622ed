# Text report of the ETS pair: version block, section list, word diff.
run: diff samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
has: version 1.3 -> 1.4: incremented
has: date 2024-03-01 -> 2025-03-15: advanced
has: revision table: new row 1.4, 2025-03-15: added
has: sections: 3 changed, 5 added, 1 removed, 6 renumbered, 272 unchanged
has: renumbered  10 -> 11
has: renumbered  4.9.1.3 -> 4.9.1.4
has: removed     3.2.2.4.2
has: added       3.2.2.4.6
has: @@ 6.3.2 (old 539, new 545) @@
has:     Subscriber Certificates issued by ETS have a validity period of no more than [-825-] {+398+}
has: @@ 1.2 (new 24) @@
has:     row "1.4" added: {+March 15, 2025 | Validity reduced to 398 days;
has: introduced:
has: br.3.2.2.4.6.retired [error] section 3.2.2.4.6 Agreed-Upon Change to Website
has: result: FAIL
lacks: 5.1.1

# A document compared with itself: nothing changed, and an update that does not
# bump the version, the date and the revision table fails (exit 1).
run: diff samples/diff/example-v1.html samples/diff/example-v1.html
exit: 1
has: sections: 0 changed, 0 added, 0 removed, 0 renumbered, 282 unchanged
has: version 1.3 -> 1.3: NOT INCREMENTED (same version)
has: date 2024-03-01 -> 2024-03-01: NOT ADVANCED
has: revision table: NO NEW DATED ROW
has: result: FAIL

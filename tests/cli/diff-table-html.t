# HTML: table rows by row and cell, moved findings listed with where they were.
run: diff --format html --as-of 2026-03-01 tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 0
has: <p class="redline">row &quot;Cross certificates&quot; removed: <del>5 years | 5 years</del></p>
has: <p class="redline">row &quot;Subscriber certificates&quot;: <del>398</del> <ins>200</ins> days | <del>398</del> <ins>200</ins> days</p>
has: 0 introduced, 2 resolved, 15 persisting (1 moved).
has: <h3>Persisting (moved)</h3>
has: <li class="mut">moved from line 18: <q>Quillmoor Trust sets the operational periods below. Subscriber Certificates have a validity period of no more than 825 days.</q></li>

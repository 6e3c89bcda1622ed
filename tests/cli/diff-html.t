# diff --format html: the verdict on version, date and revision row, the
# findings introduced and resolved linked to their sections, and each
# changed section as a word-level redline.
run: diff --format html samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
has: <title>cpslint diff</title>
has: <li>version: <span class="good">incremented</span></li>
has: <li>date: <span class="good">advanced</span></li>
has: 2 introduced, 5 resolved, 16 persisting.
has: <strong>br.3.2.2.4.6.retired</strong> <span class="mut">[error]</span> <a href="#s-3.2.2.4.6">section 3.2.2.4.6</a>
has: <del>
has: <ins>
lacks: <script

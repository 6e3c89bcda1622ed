# history --format html: one page, no script, a timeline drawn as inline
# SVG with a band per version and a bar per late window, the windows and the
# record of updates in words.
run: history --format html --as-of 2026-12-01 samples/history/lindenfeld-cps-v1.0.html samples/history/lindenfeld-cps-v1.1.html samples/history/lindenfeld-cps-v1.2.html samples/history/lindenfeld-cps-v2.0.html samples/history/lindenfeld-cps-v2.1.html samples/history/lindenfeld-cps-v2.2.html samples/history/lindenfeld-cps-v3.0.html
exit: 1
has: <title>cpslint history</title>
has: <svg viewBox=
has: <rect class="l"
has: br.3.2.2.4.6.retired: 179 days</title>
has: gap: 428 days between 2.2 (2020-11-30) and 3.0 (2022-02-01): more than 365
lacks: <script

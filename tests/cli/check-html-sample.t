# The French sample's HTML report: its 17 findings in the checklist, each
# marked in the text and linked both ways; the outline; the facts.
run: check --format html samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: <title>cpslint report: samples/fr-dpc-autorite-exemple-v4.2.html</title>
has: <dt>Version</dt><dd>4.2</dd><dt>Date</dt><dd>2018-11-25</dd>
has: <tr id="d1-c0" data-status="fail" data-severity="error" data-source="CA/Browser Forum Baseline Requirements"><td>br.3.2.2.4.1.retired</td>
has: <a href="#d1-f0">in the text [1]</a>
has: id="d1-f0" href="#d1-c0"
has: id="d1-f16" href="#d1-c16"
lacks: id="d1-f17"
has: <h5 id="d1-s-3.2.3.3">
has: 270 of 270 RFC 3647 sections found
has: <h3>Manual checks</h3>

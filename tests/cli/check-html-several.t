# Several documents in one HTML page: an index with each document's counts,
# and one section per document with its own ids.
run: check --format html samples/en-cps-example-ca-v6.0.html samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: <nav aria-label="Documents"><h2>Documents</h2><ol>
has: <li><a href="#d1">samples/en-cps-example-ca-v6.0.html</a> &#8212; 0 errors, 0 warnings
has: <li><a href="#d2">samples/fr-dpc-autorite-exemple-v4.2.html</a> &#8212; 17 errors
has: <section id="d2" aria-labelledby="d2-title">
has: id="d2-f0" href="#d2-c0"

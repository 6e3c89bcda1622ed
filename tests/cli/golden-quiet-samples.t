# Golden (reviewed by eye): one summary line per document, in input order.
run: check -q --as-of 2026-11-27 samples/en-cps-example-ca-v6.0.html samples/fr-dpc-autorite-exemple-v4.2.html samples/xhtml-cps-nordwind-v1.3.xhtml
exit: 1
stdout:
samples/en-cps-example-ca-v6.0.html: 0 errors, 0 warnings, 0 notices; 96 rules: 0 fail, 0 upcoming, 0 error
samples/fr-dpc-autorite-exemple-v4.2.html: 16 errors, 0 warnings, 0 notices; 96 rules: 16 fail, 0 upcoming, 0 error
samples/xhtml-cps-nordwind-v1.3.xhtml: 10 errors, 3 warnings, 1 notice; 96 rules: 8 fail, 0 upcoming, 0 error
total: 3 documents: 26 errors, 3 warnings, 1 notice

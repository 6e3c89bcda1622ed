# Markdown for all samples: the clean one says so; every table row has
# the same number of unescaped cell separators as its header.
run: check --format markdown samples
exit: 1
has: ### cpslint: samples/en-cps-example-ca-v6.0.html
has: No nonconformity found.
has: ### cpslint: samples/xhtml-cps-nordwind-v1.3.xhtml

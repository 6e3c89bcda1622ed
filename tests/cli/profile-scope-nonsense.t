# A wrong --scope (one bad item in the list is enough) is a usage error that
# names the allowed values; so is a wrong --kind for outline and diff.
run: check --scope tls-server,web samples/en-cps-example-ca-v6.0.html
exit: 2
err-has: cpslint: check: invalid --scope 'tls-server,web' (allowed: a comma-separated list of tls-server, smime, code-signing, other)

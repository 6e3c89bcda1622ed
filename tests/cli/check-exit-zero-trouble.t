# ...but an input that cannot be read still exits 2.
run: check --exit-zero -q samples/fr-dpc-autorite-exemple-v4.2.html tests/cli/data/no-such.html
exit: 2
has: tests/cli/data/no-such.html: error: No such file or directory
has: total: 2 documents (1 could not be checked)

# --fail-on never always exits 0 after a complete check.
run: check --fail-on never -q samples/fr-dpc-autorite-exemple-v4.2.html
exit: 0
has: samples/fr-dpc-autorite-exemple-v4.2.html:

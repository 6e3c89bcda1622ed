# --exit-zero: findings do not change the exit status...
run: check --exit-zero -q samples/fr-dpc-autorite-exemple-v4.2.html
exit: 0
has: samples/fr-dpc-autorite-exemple-v4.2.html:

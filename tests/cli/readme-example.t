# The run the README and the man page show: the French sample as of its own
# date fails exactly the six rules of the 2019 review plus the validity cap.
run: check -q --as-of doc samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: samples/fr-dpc-autorite-exemple-v4.2.html: 6 errors, 0 warnings, 0 notices; 96 rules: 6 fail, 0 upcoming, 0 error

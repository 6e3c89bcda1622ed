# --color always colours the text report even into a pipe, and even with
# NO_COLOR set (an explicit option overrides it, no-color.org): the tag,
# the mark in the quote.
env: NO_COLOR=1
run: check --color always --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: [31merror    
has: [31m3.2.2.4.5
lacks: >>3.2.2.4.5<<

# --pair needs an even number of files and excludes --translation.
run: check --pair samples/translation/dpc-fr-v5.1.html
exit: 2
err-has: --pair needs files in pairs

# The README's example report is the real default text report of the
# French sample as of its date, byte for byte (regenerate it from a run
# when the report changes): the lines between its "$ cpslint --as-of doc
# samples/fr-dpc-autorite-exemple-v4.2.html" and "$ echo $?".
setup: "$BIN" --as-of doc samples/fr-dpc-autorite-exemple-v4.2.html >$TMP/run.txt; test $? = 1 && python3 -c 'import sys; s = open("README.md").read(); a = s.index("$ cpslint --as-of doc samples/fr-dpc-autorite-exemple-v4.2.html\n"); b = s.index("$ echo $?\n", a); sys.stdout.write(s[s.index("\n", a) + 1:b])' >$TMP/readme.txt && cmp $TMP/run.txt $TMP/readme.txt
run: --as-of doc samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: Errors and upcoming deadlines:
has: error     3.2.3.3 Vérification des noms de domaine (FQDN), line 456  [br.3.2.2.4.5.retired]
has: Manual checks:
has: 34 rules passed, 4 not applicable, 48 not yet effective; --show-all lists them

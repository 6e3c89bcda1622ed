# Text format: the name is printed with its controls as \xNN (no line
# break of its own, no terminal escape).
setup: mkdir $TMP/d && cp samples/en-cps-example-ca-v6.0.html "$TMP/d/$(printf 'evil\n::error title=pwned::gotcha\033[31m.html')"
run: check -q --fail-on never $TMP/d
has: evil\x0A::error title=pwned::gotcha\x1B[31m.html: 

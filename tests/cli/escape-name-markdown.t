# check --format markdown: the name in the heading cannot start a line or
# a heading of its own; Markdown characters are backslash-escaped.
setup: mkdir $TMP/d && cp samples/en-cps-example-ca-v6.0.html "$TMP/d/$(printf 'evil\n::error title=pwned::gotcha\033[31m.html')"
run: check --fail-on never --format markdown $TMP/d
has: ### cpslint: 
has: evil ::error title=pwned::gotcha\\x1B\[31m.html

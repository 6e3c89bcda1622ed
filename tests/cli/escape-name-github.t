# --format github: the hostile file name is percent-encoded as an Actions
# property (newline %0A, ':' %3A), so it cannot open a command of its own.
setup: mkdir $TMP/d && cp samples/en-cps-example-ca-v6.0.html "$TMP/d/$(printf 'evil\n::error title=pwned::gotcha\033[31m.html')"
run: check --as-of 2030-01-01 --fail-on never --format github $TMP/d
has: evil%0A%3A%3Aerror title=pwned%3A%3Agotcha
lacks: ::error title=pwned::

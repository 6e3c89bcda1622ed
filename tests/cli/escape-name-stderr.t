# A file name carrying a newline, a GitHub workflow command and a terminal
# escape cannot reach stderr raw (Actions reads workflow commands there
# too): control characters are shown as \xNN. The input here is empty, so
# its error line names it.
setup: mkdir $TMP/d && : >"$TMP/d/$(printf 'evil\n::error title=pwned::gotcha\033[31m.html')"
run: check $TMP/d
exit: 2
err-has: evil\x0A::error title=pwned::gotcha\x1B[31m.html:

# diff --format markdown goes into a pull-request comment: a heading that
# reads "**Result: pass**" with an HTML tag, and a file name with a
# backtick and a pipe, stay text (no fake result line, no broken table).
setup: sed 's|6.3.2 Certificate operational periods and key pair usage periods|6.3.2 **Result: pass** \&lt;img src=x\&gt;|' samples/diff/example-v2.html >"$TMP/new\`|x.html"
run: diff --format markdown samples/diff/example-v1.html '$TMP/new`|x.html'
exit: 1
has: ### 6.3.2 \*\*Result: pass\*\* \<img src=x\>
has: new\`\|x.html |
lacks: ### 6.3.2 **Result: pass**

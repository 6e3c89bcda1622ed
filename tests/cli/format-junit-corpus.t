# JUnit for the corpus (HTML and XHTML), parsed back: one testsuite each,
# counts consistent.
needs: corpus
run: check -j 2 --format junit --exclude *.md $CORPUS
exit: 1
xml: len(r.findall("testsuite")) == 7
xml: all(int(s.get("tests")) == len(s.findall("testcase")) and int(s.get("failures")) == len(s.findall("testcase/failure")) for s in r.findall("testsuite"))

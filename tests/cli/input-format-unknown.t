# An input format the table does not have is a usage error naming the
# ones it has.
run: check --input-format docx tests/data/tiny.html
exit: 2
err-has: check: unknown input format 'docx' (html, xhtml, markdown, pdf, text)

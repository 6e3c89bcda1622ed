# A PDF on standard input goes to pdftotext through a temporary file;
# lines print as PAGE:LINE; a heading cut by the page width ("... named
# in" / "agreements") is joined; "section\n4.9.1" inside a sentence is no
# heading.
needs: pdftotext
setup: python3 tests/pdf/make_pdf.py tests/data/pdf-small.html $TMP/small.pdf
run: outline -
stdin: $TMP/small.pdf
has: -: pdf, UTF-8, language en, version 1.2, date 2025-03-04
has:     1.3.2       found          3:35  Registration authorities and other delegated third parties named in agreements
has:   2.1           found          3:44  Repositories
lacks: 4.9.1       found

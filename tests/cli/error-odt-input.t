# An OpenDocument text (.odt: a ZIP whose first entry, "mimetype", holds
# its media type uncompressed) likewise, here read from standard input.
setup: python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.writestr("mimetype", "application/vnd.oasis.opendocument.text"); z.writestr(zipfile.ZipInfo("content.xml"), "<office:document-content/>", zipfile.ZIP_DEFLATED); z.close()' $TMP/dpc.odt
stdin: $TMP/dpc.odt
run: outline -
exit: 2
err-has: OpenDocument text (ODT): export it to HTML or PDF

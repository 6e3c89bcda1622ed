/* layout.h — text laid out in lines and pages (pdftotext -layout output,
 * a plain-text file) turned into blocks: the reader of every front end
 * whose input is lines of text without markup.
 *
 * Pages split at form feeds; running headers and footers (lines among the
 * first or last 3 non-blank lines of a page whose text, digits aside,
 * recurs there on most pages) and page numbers ("12", "- 12 -", "Page 12",
 * "Page 12 of 40", "12/40", "iv") removed; the table of contents removed
 * (a "Contents" / "Table des matières" line, lines that end in dot leaders
 * and a page number, and, on pages made mostly of entries ending in a page
 * number, those entries and the lines they wrap from). Blocks: one
 * paragraph per run of non-blank lines; a short line starting with a
 * section number ("4.9.1 Title", "IV.2 Titre") is a heading of its own
 * (level: the number's components); a line starting with a bullet (• ▪ –
 * - * o) begins a list item. A paragraph continues across a page break
 * when its last line does not end a sentence and the next page's text
 * starts in lower case.
 *
 * Locations: doc_block.page is the 1-based page, doc_block.line the
 * 1-based line within that page (header lines included).
 *
 * Time and memory linear in the text (n log n for the header and footer
 * keys), whatever the page count.
 */
#ifndef CPSLINT_LAYOUT_H
#define CPSLINT_LAYOUT_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

/* Turn text[0..n) into blocks appended to d (which the caller
 * initialised); text need not be valid UTF-8. Fails only when ICU cannot
 * normalise a block (text_display: out of memory), with e filled; d then
 * holds the blocks before it and must not be reported. */
int layout_to_blocks(const char *text, size_t n, doc *d, cps_err *e);

#endif

/* html.h — HTML and XHTML front end (libxml2's HTML parser).
 *
 * XHTML is read with the HTML parser too: the XML parser without a DTD
 * drops &nbsp; text, and the HTML parser has no DTD or external-entity
 * machinery, so nothing but the input is ever loaded. The input is already
 * UTF-8 (source.h); libxml2 is told so and ignores <meta charset>.
 *
 * Blocks: h1-h6, p, li, td/th, dt/dd, caption, pre, and text directly in
 * div-like containers; a <br> ends a block (the next one has BLOCK_SPLIT),
 * so "1.5.2 Contact<br>text" yields a heading-like line and its text.
 * A footnote reference (1-3 digits in a <sup>, or in an <a> inside one, as
 * Markdown renders "[^2]") is kept as superscript digits ("825²"), which
 * the matching text reads as a space (text.h), never as more digits.
 * Skipped: head (except <title>), script, style, noscript, template,
 * iframe, object, svg, elements with style display:none, and site chrome
 * (nav, header, footer, aside) unless keep_chrome. The tree is walked
 * iteratively: nesting depth costs memory, never stack.
 */
#ifndef CPSLINT_HTML_H
#define CPSLINT_HTML_H

#include "doc.h"
#include "err.h"
#include "source.h"

typedef struct html_opts {
    int keep_chrome;  /* read nav, header, footer and aside too */
    int sourcepos;    /* HTML rendered from Markdown (markdown.h): a block's
                         line is the start line of the nearest enclosing
                         element's data-sourcepos="L:C-L:C" attribute plus
                         the newlines in the text from that element to the
                         block's first character. Between the comments
                         <!--cpslint-line:N--> and <!--cpslint-line:end-->
                         (raw HTML copied from the source) an element's
                         line is N plus the lines libxml2 counts from the
                         first comment to its start tag (distances touching
                         libxml2's 65535 cap count as 0). */
} html_opts;

/* Parse src into *out (initialised here; caller frees with doc_free, also
 * on failure). */
int html_parse(const source *src, int keep_chrome, doc *out, cps_err *e);

/* Append the blocks of the UTF-8 HTML text html[0..n) to d, which the
 * caller initialised (doc_init) and owns. Table ordinals continue after
 * those already in d; d->title and d->lang_attr are set from the HTML only
 * when still unset. o may be NULL (defaults: all 0). Errors name d->file. */
int html_append(doc *d, const char *html, size_t n, const html_opts *o, cps_err *e);

#endif

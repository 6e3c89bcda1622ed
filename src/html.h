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
 *
 * Streaming: the blocks are built from libxml2's SAX events as the parser
 * reads; no tree is built. Memory is the input, the blocks and a frame per
 * open element. An allocation failure inside libxml2 (its structured
 * error XML_ERR_NO_MEMORY, or the context's errNo) fails the document with
 * CPS_E_NOMEM and removes the blocks appended so far: a document that was
 * not read whole is never reported as a shorter one. So does nesting
 * deeper than 256 elements (CPS_E_INPUT, as libxml2 2.9's tree builder
 * refused) and a block whose text passes 10,000,000 bytes.
 *
 * What is skipped (text never shown by a browser, or not the document's):
 *  - head (its <title> goes to doc.title), script, style, noscript,
 *    template, iframe, object, svg, math, select;
 *  - hidden elements, decided only by the hidden attribute or by the
 *    element's own style attribute parsed as CSS declarations (css.h:
 *    comments stripped, last declaration wins, !important honoured) with
 *    exactly display:none or visibility:hidden. "display:none-x", a
 *    commented-out "display:none", or "display:none;display:block" hide
 *    nothing. Classes and style sheets are not evaluated (text they
 *    might hide is read: a gate must not be walked around by markup);
 *  - page chrome, unless keep_chrome: a nav, header, footer or aside
 *    element at page level, that is, with no ancestor that is main
 *    content: main, article, section, an element with role="main", or a
 *    content block (p, li, td, th, dd, dt, blockquote, figure, details,
 *    table, pre, h1-h6). Inside main content these elements are content
 *    and read as blocks, and a button's text is always read (the page's
 *    own buttons sit in its chrome).
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
    long line_base;   /* sourcepos mode: added to data-sourcepos lines (the
                         HTML renders a segment starting at line_base + 1) */
    size_t max_memory; /* 0, or the bytes d may hold (doc_memory) before the
                         document is refused with CPS_E_LIMIT */
} html_opts;

#define HTML_MAX_ATTRS 1000u               /* attributes of one element */
#define HTML_MAX_ATTR_WORK 100000000ull    /* sum over elements of attrs^2 */

/* The pre-scan html_append runs before the parser (for Markdown, on the
 * rendered HTML, which carries the raw HTML as written): a linear pass over the start
 * tags (comments, script and style text skipped) that refuses, with
 * CPS_E_LIMIT and "FILE: reason", an element with more than
 * HTML_MAX_ATTRS attributes, or elements whose attribute counts squared
 * add up to more than HTML_MAX_ATTR_WORK. libxml2 2.9 checks each
 * attribute of a start tag against all before it (50,000 attributes took
 * 29 s); no real document comes near these figures. */
int html_prescan(const char *s, size_t n, const char *file, cps_err *e);

/* Parse src into *out (initialised here, format "html": analysis.c names
 * an XHTML one from its row; caller frees with doc_free, also on
 * failure). */
int html_parse(const source *src, int keep_chrome, doc *out, cps_err *e);
/* The same, the blocks held to max_memory bytes (html_opts.max_memory). */
int html_parse_limited(const source *src, int keep_chrome, size_t max_memory, doc *out,
                       cps_err *e);

/* Append the blocks of the UTF-8 HTML text html[0..n) to d, which the
 * caller initialised (doc_init) and owns. Table ordinals continue after
 * those already in d; d->title and d->lang_attr are set from the HTML only
 * when still unset. o may be NULL (defaults: all 0). Errors name d->file. */
int html_append(doc *d, const char *html, size_t n, const html_opts *o, cps_err *e);

#endif

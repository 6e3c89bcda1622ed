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

/* Parse src into *out (initialised here; caller frees with doc_free, also
 * on failure). */
int html_parse(const source *src, int keep_chrome, doc *out, cps_err *e);

#endif

/* html_out.h — text into the HTML pages cpslint writes (the check and diff
 * reports): every string from a document, a rules file or the command line
 * goes through these, so it can only ever be text.
 *
 * html_put escapes & < > " ' (safe in text and in quoted attribute values),
 * shows bidirectional embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2069) as a visible code point so text cannot reorder the page,
 * and turns C0 controls other than tab into U+FFFD. Input is UTF-8.
 * In text, a word longer than HTML_WORD_MAX bytes gets a break opportunity
 * (<wbr>) every HTML_WORD_MAX bytes: browsers take seconds to minutes to
 * lay out a 100 KB word, and a page must not scroll sideways.
 */
#ifndef CPSLINT_HTML_OUT_H
#define CPSLINT_HTML_OUT_H

#include <stddef.h>

#include "buf.h"

#define HTML_WORD_MAX 60

/* Text content. */
void html_put(buf *b, const char *s, size_t n);
/* The same for a C string; s may be NULL (nothing is written). */
void html_cstr(buf *b, const char *s);
/* A quoted attribute value (no <wbr>); s may be NULL. */
void html_attr(buf *b, const char *s);
/* An id or URL fragment from a section number: digits and dots pass,
 * anything else becomes '_'. */
void html_id(buf *b, const char *s);

#endif

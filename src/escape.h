/* escape.h — every path and value is escaped before it is printed.
 *
 * One escaper per destination, each appending to a buf:
 *   esc_text      terminals and plain text (stderr, the text and line
 *                 formats): C0 controls except TAB, DEL, C1 controls,
 *                 bytes that are not UTF-8 and the bidirectional overrides
 *                 (U+202A..U+202E, U+2066..U+2069) become \xNN (\u{NNNN}
 *                 for the overrides), so a file name cannot start a line of
 *                 its own, a workflow command (::error ...) or a terminal
 *                 escape, nor reorder what is shown. Other text is kept.
 *   esc_gh        GitHub Actions workflow commands (the toolkit's rules):
 *                 data: % CR LF -> %25 %0D %0A; properties: also : , ->
 *                 %3A %2C. Nothing else is special there.
 *   esc_md        Markdown (GFM) inline text, table cells included: the
 *                 characters Markdown or HTML would interpret
 *                 (\ ` * _ [ ] < > | ~ & # !) get a backslash, line breaks
 *                 and tabs become spaces, other controls \\xNN.
 *   esc_md_code   a code span `s` when s holds no backtick, '|', nor any
 *                 control character; esc_md otherwise.
 *   esc_uri       a path as a URI reference: unreserved characters and '/'
 *                 kept, every other byte %XX.
 * NULL strings append nothing.
 *
 * Ownership: the caller owns the buf; nothing is kept.
 */
#ifndef CPSLINT_ESCAPE_H
#define CPSLINT_ESCAPE_H

#include <stddef.h>

#include "buf.h"

void esc_text(buf *b, const char *s);
void esc_textn(buf *b, const char *s, size_t n);
void esc_gh(buf *b, const char *s, int property);
void esc_md(buf *b, const char *s);
void esc_mdn(buf *b, const char *s, size_t n);
void esc_md_code(buf *b, const char *s);
void esc_uri(buf *b, const char *s);

#endif

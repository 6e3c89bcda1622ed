/* html_out.c — escaping for the HTML pages cpslint writes (html_out.h). */
#include "html_out.h"

#include <string.h>

/* ---- escaping ------------------------------------------------------------ */

/* Escape s[0..n) for HTML text and attribute values: & < > " ' become
 * entities; bidirectional embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2069) are shown as their code point, so text cannot reorder the
 * page; C0 controls other than tab become U+FFFD. */
static void put(buf *b, const char *s, size_t n, int wbr)
{
    size_t run = 0; /* bytes since the last space or break opportunity */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t') {
            run = 0;
        } else if (wbr && ++run > HTML_WORD_MAX && (c & 0xC0) != 0x80) {
            /* a long word: a break opportunity at a character boundary
             * (browsers lay out a 100 KB word in seconds, or minutes) */
            buf_puts(b, "<wbr>");
            run = 1;
        }
        switch (c) {
        case '&': buf_puts(b, "&amp;"); continue;
        case '<': buf_puts(b, "&lt;"); continue;
        case '>': buf_puts(b, "&gt;"); continue;
        case '"': buf_puts(b, "&quot;"); continue;
        case '\'': buf_puts(b, "&#39;"); continue;
        default: break;
        }
        if (c < 0x20 && c != '\t') {
            buf_puts(b, "\xEF\xBF\xBD");
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] >= 0xAA && (unsigned char)s[i + 2] <= 0xAE) {
            buf_printf(b, "<span class=\"ctl\">U+202%X</span>", (unsigned char)s[i + 2] - 0xA0);
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81 &&
            (unsigned char)s[i + 2] >= 0xA6 && (unsigned char)s[i + 2] <= 0xA9) {
            buf_printf(b, "<span class=\"ctl\">U+206%X</span>", (unsigned char)s[i + 2] - 0xA0);
            i += 2;
            continue;
        }
        buf_putc(b, (char)c);
    }
}

void html_put(buf *b, const char *s, size_t n)
{
    put(b, s, n, 1);
}

void html_cstr(buf *b, const char *s)
{
    if (s)
        put(b, s, strlen(s), 1);
}

void html_attr(buf *b, const char *s)
{
    if (s)
        put(b, s, strlen(s), 0);
}

/* An id or fragment from a section number: digits and dots only pass. */
void html_id(buf *b, const char *s)
{
    for (; *s; s++)
        buf_putc(b, (*s >= '0' && *s <= '9') || *s == '.' ? *s : '_');
}


/* escape.c — see escape.h. */
#include "escape.h"

#include <string.h>

#include "utf8.h"

static const char hex[] = "0123456789ABCDEF";

static void put_x(buf *b, unsigned char c)
{
    char s[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
    buf_put(b, s, 4);
}

void esc_textn(buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; s && i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                put_x(b, (unsigned char)c);
            else
                buf_putc(b, (char)c);
            i++;
            continue;
        }
        size_t k = utf8_seq(p + i, n - i);
        if (k == 0) {
            put_x(b, (unsigned char)c);
            i++;
        } else if (k == 2 && c == 0xC2 && p[i + 1] < 0xA0) { /* C1 control */
            put_x(b, p[i]);
            put_x(b, p[i + 1]);
            i += 2;
        } else if (k == 3 && c == 0xE2 &&
                   ((p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) ||
                    (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9))) {
            unsigned cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
            buf_printf(b, "\\u{%04X}", cp);
            i += 3;
        } else {
            buf_put(b, p + i, k);
            i += k;
        }
    }
}

void esc_text(buf *b, const char *s)
{
    if (s)
        esc_textn(b, s, strlen(s));
}

void esc_gh(buf *b, const char *s, int property)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '%': buf_puts(b, "%25"); break;
        case '\r': buf_puts(b, "%0D"); break;
        case '\n': buf_puts(b, "%0A"); break;
        case ':': buf_puts(b, property ? "%3A" : ":"); break;
        case ',': buf_puts(b, property ? "%2C" : ","); break;
        default: buf_putc(b, *s);
        }
    }
}

void esc_mdn(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; s && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            buf_putc(b, ' ');
        } else if (c < 0x20 || c == 0x7F) {
            buf_putc(b, '\\');
            put_x(b, c);
        } else if (strchr("\\`*_[]<>|~&#!", (char)c)) {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else {
            buf_putc(b, (char)c);
        }
    }
}

void esc_md(buf *b, const char *s)
{
    if (s)
        esc_mdn(b, s, strlen(s));
}

void esc_md_code(buf *b, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p == '`' || *p == '|' || *p < 0x20 || *p == 0x7F) {
            esc_md(b, s);
            return;
        }
    buf_putc(b, '`');
    buf_puts(b, s);
    buf_putc(b, '`');
}

void esc_uri(buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        unsigned c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
            buf_putc(b, (char)c);
        else
            buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
    }
}

/* buf.h — growable byte buffer, always NUL-terminated.
 *
 * Allocation failure aborts the process with a message (as cmark does):
 * every caller would otherwise have to carry an out-of-memory path that
 * cannot be tested, and a linter that runs out of memory has nothing
 * useful left to report.
 */
#ifndef CPSLINT_BUF_H
#define CPSLINT_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *ptr;  /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} buf;

#define BUF_INIT {NULL, 0, 0}

void buf_grow(buf *b, size_t extra);
void buf_put(buf *b, const void *data, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_truncate(buf *b, size_t len);
/* The text so far; "" (a static empty string) if nothing was appended. */
const char *buf_cstr(const buf *b);
/* Hands over the storage: the caller owns the result (free()); b is reset. */
char *buf_detach(buf *b);
void buf_free(buf *b);

/* Allocation helpers that abort on failure. Caller frees with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif

/* ini.h — the INI-like line syntax of cpslint's own files: rules files
 * (docs/rules-format.md) and the .cpslint configuration (README).
 *
 *   # a comment (a '#' in the first column; also inside a value's lines)
 *   [section]            a header; the name is trimmed
 *   key = value          one line, or continued by indented lines
 *       continued        (joined with a space, or with nothing: INI_TIGHT)
 *                        a blank line ends a value
 *
 * A key's value may end with " # comment" when the handler says so
 * (INI_COMMENT): it is cut. Keys are at most INI_KEY_MAX - 1 bytes.
 * The parser knows no key or section: it hands each complete header and
 * each complete key to the handler, in file order, with the line where it
 * starts, and stops at the first non-zero return. Syntax errors go through
 * the handler's error callback, so its messages can say where (a rule id).
 *
 * Ownership: ini_parse writes into text (the caller's, NUL-terminated) and
 * keeps nothing after it returns; ini_read_file fills a caller's buf.
 */
#ifndef CPSLINT_INI_H
#define CPSLINT_INI_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

#define INI_KEY_MAX 64

enum {
    INI_TIGHT = 1,   /* continuation lines join with no space (patterns) */
    INI_COMMENT = 2  /* a trailing " # comment" is cut from the value */
};

typedef struct ini_handler {
    void *ctx;
    /* "[name]" at line. */
    int (*section)(void *ctx, char *name, long line);
    /* key = value, complete and trimmed; value is the handler's to edit. */
    int (*key)(void *ctx, const char *key, char *value, long line);
    /* INI_* flags of a key (NULL: none). */
    unsigned (*key_flags)(void *ctx, const char *key);
    /* A syntax error at line: fill the handler's error, return its code. */
    int (*error)(void *ctx, long line, const char *msg);
    /* What a header looks like, for "expected 'key = value' or '[...]'"
     * (NULL: a file without headers). */
    const char *header_hint;
} ini_handler;

/* Parse text (edited in place). Returns 0, or the first non-zero return
 * of a callback. */
int ini_parse(char *text, const ini_handler *h);

/* Read path into b (appended) and refuse what no one edits by hand: more
 * than max bytes ("WHAT too large") or a NUL byte ("WHAT contains NUL
 * bytes"), with code CPS_E_RULES; CPS_E_IO when it cannot be read. */
int ini_read_file(const char *path, const char *what, size_t max, buf *b, cps_err *e);
/* The same checks on bytes in memory. */
int ini_check_bytes(const char *name, const char *what, const char *data, size_t len,
                    size_t max, cps_err *e);

/* s without leading blanks and trailing blanks (and '\r'), in place. */
char *ini_trim(char *s);

#endif

/* jsonparse.h — a small strict JSON reader (RFC 8259) for files people
 * edit by hand (baselines).
 *
 * Strict means: one value and only whitespace around it (a UTF-8 byte
 * order mark at the start is skipped); no comments, no trailing commas, no
 * single quotes, no leading zeros, no NaN/Infinity; strings must be valid
 * UTF-8 without raw control characters, \u escapes must pair surrogates
 * and may not encode U+0000; an object may not repeat a key; nesting is
 * limited to JSONP_MAX_DEPTH. Every value keeps the line it starts on, so
 * callers can say FILE:LINE when the value is wrong for them.
 *
 * Errors: CPS_E_INPUT with "NAME:LINE: message" in e.
 *
 * Ownership: *out owns every value, key and string below it;
 * jsonp_free releases them all and zeroes the value. Pointers returned by
 * jsonp_get point into the tree.
 */
#ifndef CPSLINT_JSONPARSE_H
#define CPSLINT_JSONPARSE_H

#include <stddef.h>

#include "err.h"

#define JSONP_MAX_DEPTH 64

typedef enum {
    JV_NULL = 0,
    JV_BOOL,
    JV_NUMBER,
    JV_STRING,
    JV_ARRAY,
    JV_OBJECT
} jv_type;

typedef struct jv {
    jv_type type;
    long line;          /* 1-based line where the value starts */
    int boolean;        /* JV_BOOL */
    double number;      /* JV_NUMBER */
    char *str;          /* JV_STRING: UTF-8, NUL-terminated (no NUL inside);
                           JV_NUMBER: the number as written */
    size_t len;         /* JV_STRING: byte length */
    struct jv *items;   /* JV_ARRAY items / JV_OBJECT values, in file order */
    char **keys;        /* JV_OBJECT keys (NUL-terminated UTF-8) */
    size_t n;           /* number of items / members */
} jv;

/* Parse s[0..n) (name for messages). On failure *out is left freed. */
int jsonp_parse(const char *name, const char *s, size_t n, jv *out, cps_err *e);

/* The member key of obj, or NULL (also when obj is not an object). */
const jv *jsonp_get(const jv *obj, const char *key);

/* "null", "boolean", "number", "string", "array", "object". */
const char *jsonp_type_name(jv_type t);

void jsonp_free(jv *v);

#endif

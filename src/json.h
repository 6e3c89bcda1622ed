/* json.h — a small streaming JSON writer into a buf.
 *
 * The writer tracks nesting and commas; strings are escaped per RFC 8259
 * (", \, control characters; U+2028/U+2029 as \u escapes so the output is
 * also safe JavaScript), and bytes that are not valid UTF-8 become U+FFFD,
 * so the output is always valid JSON in UTF-8. Nesting deeper than
 * JSON_MAX_DEPTH is a programming error (asserted).
 *
 * Ownership: the writer borrows out; nothing to free.
 */
#ifndef CPSLINT_JSON_H
#define CPSLINT_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

#define JSON_MAX_DEPTH 32

typedef struct json_w {
    buf *out;
    int depth;
    int count[JSON_MAX_DEPTH]; /* values written at each level */
    int after_key;
    int pretty;                /* indent with two spaces */
    int brk;                   /* compact: a line break before the next value */
} json_w;

void json_init(json_w *w, buf *out, int pretty);
/* A writer for the values of a container at nesting depth, written apart
 * (a spool) and spliced into the writer of the whole with json_spliced. */
void json_init_at(json_w *w, buf *out, int pretty, int depth);
/* n values of the current container were written by another writer. */
void json_spliced(json_w *w, int n);
/* The values written so far in the current container. */
int json_count(const json_w *w);
void json_obj_begin(json_w *w);
void json_obj_end(json_w *w);
void json_arr_begin(json_w *w);
void json_arr_end(json_w *w);
void json_key(json_w *w, const char *key);
void json_str(json_w *w, const char *s);          /* NULL -> null */
void json_strn(json_w *w, const char *s, size_t n);
void json_int(json_w *w, long long v);
void json_bool(json_w *w, int v);
void json_null(json_w *w);
/* A value already formatted as JSON (a number printed with a format). */
void json_raw(json_w *w, const char *value);
/* Compact writers: the next key or value starts a new line (after its
 * comma), to keep long outputs readable line by line. */
void json_break(json_w *w);
/* "tool": {"name": "cpslint", "version": CPSLINT_VERSION}, as every
 * JSON output of cpslint starts. */
void json_kv_tool(json_w *w);
/* "key": value shorthands */
void json_kv_str(json_w *w, const char *key, const char *s);
void json_kv_int(json_w *w, const char *key, long long v);

/* Append s[0..n) to out as a quoted JSON string. */
void json_escape(buf *out, const char *s, size_t n);

/* Write s to f as a quoted JSON string, or null for NULL (for emitters
 * that print straight to a stream). */
void json_fput(FILE *f, const char *s);

#endif

/* source.h — reading input bytes and turning them into UTF-8 (ICU).
 *
 * Order of charset decisions: byte order mark (UTF-8, UTF-16LE/BE), then
 * the charset the document declares in its first 4096 bytes (<meta
 * charset>, <meta http-equiv="Content-Type" content="...charset=...">, the
 * XML declaration's encoding), then strict UTF-8 validation, then ICU
 * charset detection (ucsdet). ISO-8859-1, US-ASCII and Latin-1 labels are
 * decoded as windows-1252, as browsers do. A declaration that does not
 * match the bytes (declared UTF-8 but invalid) falls through to detection.
 * The result is valid UTF-8 without BOM and without NUL bytes.
 *
 * Refused with CPS_E_INPUT (message "FILE: reason"): empty input, input
 * over max_size, binary input (NUL bytes in the first 8 KiB of a non-UTF-16
 * stream, or a high share of control characters), input that no charset
 * decodes. Unreadable files give CPS_E_IO.
 */
#ifndef CPSLINT_SOURCE_H
#define CPSLINT_SOURCE_H

#include <stddef.h>

#include "err.h"

#define SOURCE_DEFAULT_MAX_SIZE (64u * 1024 * 1024)

typedef enum {
    SOURCE_FMT_UNKNOWN = 0,
    SOURCE_FMT_HTML,
    SOURCE_FMT_XHTML,
    SOURCE_FMT_MARKDOWN,
    SOURCE_FMT_PDF
} source_format;

typedef struct source {
    char *name;          /* as given; "-" for stdin */
    char *data;          /* UTF-8, NUL-terminated, no BOM */
    size_t len;
    char encoding[32];   /* charset decoded from: "UTF-8", "windows-1252", "UTF-16LE"... */
    int had_bom;
    int declared;        /* 1 if the charset came from a BOM or a declaration */
    source_format format;
} source;

/* Read path ("-" = stdin), at most max_size bytes, and decode it. On
 * success *out owns its strings (source_free). */
int source_read(const char *path, size_t max_size, source *out, cps_err *e);

/* Decode bytes already in memory (name is used in messages). */
int source_from_bytes(const char *name, const unsigned char *bytes, size_t n,
                      size_t max_size, source *out, cps_err *e);

/* Guess the format from the name's extension, then from the decoded text
 * (XML declaration or xmlns="http://www.w3.org/1999/xhtml" -> XHTML; a tag
 * like <html, <!doctype html, <body, <p -> HTML; "%PDF-" -> PDF; else
 * Markdown when it has "# " headings, else HTML). */
source_format source_sniff(const char *name, const char *text, size_t n);
const char *source_format_name(source_format f);

void source_free(source *s);

#endif

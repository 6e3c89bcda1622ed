/* source.h — reading input bytes and turning them into UTF-8 (ICU).
 *
 * Order of charset decisions: byte order mark (UTF-8, UTF-16LE/BE), then
 * the charset the document declares in its first 4096 bytes (<meta
 * charset>, <meta http-equiv="Content-Type" content="...charset=...">, the
 * XML declaration's encoding), then strict UTF-8 validation, then ICU
 * charset detection (ucsdet). ISO-8859-1, US-ASCII and Latin-1 labels are
 * decoded as windows-1252, as browsers do. A declaration that does not
 * match the bytes (declared UTF-8 but invalid) falls through to detection;
 * so does a UTF-8 BOM followed by bytes that are not UTF-8. A conversion
 * that would have to substitute a character rejects that charset (ICU stop
 * callbacks). A declared UTF-16 label (readable as ASCII, so wrong) means
 * UTF-8. UTF-16 without a BOM is recognised by its NUL bytes falling on one
 * parity. Detection sees at most 64 KiB (the lines holding non-ASCII
 * bytes); its candidates are tried in confidence order, windows-1252 last.
 * The result is valid UTF-8 without BOM and without NUL bytes.
 *
 * Refused with CPS_E_INPUT (message "FILE: reason"): empty input, input
 * over max_size, binary input (NUL bytes in the first 8 KiB of a non-UTF-16
 * stream, or a high share of control characters), input that no charset
 * decodes, a UTF-16 BOM followed by invalid UTF-16. Unreadable files give
 * CPS_E_IO with strerror ("FILE: No such file or directory"). In messages
 * stdin is named "<stdin>".
 */
#ifndef CPSLINT_SOURCE_H
#define CPSLINT_SOURCE_H

#include <stddef.h>

#include "err.h"

#define SOURCE_DEFAULT_MAX_SIZE (64u * 1024 * 1024)

typedef struct source {
    char *name;          /* as given; "-" for stdin */
    char *data;          /* UTF-8, NUL-terminated, no BOM */
    size_t len;
    char encoding[32];   /* charset decoded from: "UTF-8", "windows-1252",
                            "UTF-16LE", "UTF-16BE", else ICU's MIME or IANA
                            name ("ISO-8859-15", "Shift_JIS") */
    int had_bom;         /* the bytes started with a BOM (even if ignored) */
    int declared;        /* 1 if the charset came from a BOM or a declaration */
} source;

/* Read path ("-" = stdin), at most max_size bytes (0 means
 * SOURCE_DEFAULT_MAX_SIZE), and decode it. On success *out owns its
 * strings (source_free); on failure *out is zeroed and e is filled. */
int source_read(const char *path, size_t max_size, source *out, cps_err *e);

/* Read path ("-" = stdin) into memory once, raw: a regular file, a pipe,
 * a FIFO, /dev/fd/N, a device; everything after reads this buffer, so
 * nothing is ever opened twice (a pipe would lose what a first open read,
 * a FIFO would wait for a second writer). At most max_size bytes (0 means
 * SOURCE_DEFAULT_MAX_SIZE: CPS_E_INPUT beyond, checked against the size of
 * a regular file before reading it); a directory is CPS_E_IO "Is a
 * directory". On success *bytes is malloc'd (caller frees), NUL-terminated
 * after its *n bytes. */
int source_read_raw(const char *path, size_t max_size, char **bytes, size_t *n, cps_err *e);

/* Decode bytes already in memory (name is copied into out->name and used
 * in messages; max_size as above). */
int source_from_bytes(const char *name, const unsigned char *bytes, size_t n,
                      size_t max_size, source *out, cps_err *e);

/* The first ASCII-case-insensitive occurrence of needle in h[0..n), or
 * NULL (for the format sniffs of input_formats.c: which format a decoded
 * text is, is the table's business, not this module's). */
const unsigned char *source_find_ci(const unsigned char *h, size_t n, const char *needle);

void source_free(source *s);

#endif

/* input_formats.h — the table of input formats: one row per format the
 * front ends read (HTML, XHTML, Markdown, PDF), and the lookups every
 * other module makes through it.
 *
 * A row says what the format is called (`name`: doc.format, the JSON
 * "format", what `format` rules match; `label`: messages and --help), the
 * file extensions that name it, how its content is recognised, what a
 * document of it may cost in memory before parsing, and the function that
 * reads it into a doc. analysis.c dispatches through it, inputs.c walks
 * directories for its extensions, --help lists it; adding a format is one
 * row in input_formats.c plus the front end's own file
 * (docs/ARCHITECTURE.md).
 *
 * Binary formats (a row with sniff_bytes and parse_bytes: PDF) are
 * recognised on the raw bytes, before any decoding, and read from them.
 * Text formats (parse_text) are read from the decoded UTF-8 source
 * (source.h); which one is decided by input_format_sniff:
 *   1. the name's extension (not for "-", stdin), any row;
 *   2. else the content: the rows' text sniffs, strongest first
 *      (INPUT_SNIFF_MAGIC, then DECLARATION, MARKUP, HINT), rows of equal
 *      strength in table order; the first that matches decides;
 *   3. else the first row (HTML).
 * A binary format chosen in steps 1-2 (a *.pdf file whose bytes are not a
 * PDF, "%PDF-" after a UTF-16 BOM) is refused: "not a PDF file (no %PDF-
 * header)".
 *
 * The table and its rows are constant; nothing here allocates, except
 * into the caller's buf.
 */
#ifndef CPSLINT_INPUT_FORMATS_H
#define CPSLINT_INPUT_FORMATS_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "err.h"
#include "source.h"

/* The memory estimates of the rows (`need`, the --max-memory budget of
 * analysis.h): INPUT_MEM_PER_BYTE per input byte (the input's copies) plus
 * INPUT_MEM_PER_BLOCK for each block the text can make at most (start
 * tags for HTML, non-blank lines for Markdown), the figures measured on
 * paragraph-heavy input, where blocks cost most (docs/ARCHITECTURE.md,
 * "Limits and memory"); a PDF counts INPUT_MEM_PER_PDF_BYTE a byte. */
#define INPUT_MEM_PER_BYTE 4u
#define INPUT_MEM_PER_BLOCK 320u
#define INPUT_MEM_PER_PDF_BYTE 8u

/* What a front end is given besides its input. */
typedef struct input_opts {
    int keep_chrome;        /* keep nav/header/footer blocks (HTML, Markdown) */
    size_t max_size;        /* the input's size cap: a binary format's text is held to it */
    size_t max_memory;      /* the document's memory budget in bytes (never 0) */
    unsigned pdf_timeout;   /* seconds pdftotext may run; 0 = PDF_DEFAULT_TIMEOUT */
} input_opts;

/* How much a text sniff's match says; the strongest is tried first. */
typedef enum {
    INPUT_SNIFF_NONE = 0,   /* no sniff: the format is only named (extension) */
    INPUT_SNIFF_HINT,       /* a construct the format often has ("# " heading) */
    INPUT_SNIFF_MARKUP,     /* a construct only the format has (<p>, <html>) */
    INPUT_SNIFF_DECLARATION,/* the text declares itself (<?xml, the XHTML namespace) */
    INPUT_SNIFF_MAGIC       /* a binary format's signature at the very start */
} input_sniff_strength;

typedef struct input_format input_format;
struct input_format {
    const char *name;       /* "html": doc.format, JSON, `format` rules */
    const char *label;      /* "HTML": messages, --help */
    const char *ext;        /* extensions that name it, space-separated, lower
                               case, no dot; a directory walk picks these */
    const char *ext_named;  /* extensions that name it when a file is named,
                               but that a directory walk does not pick; or NULL */
    /* Text sniff: 1 if the decoded text t[0..n) is of this format (it
     * reads the part it needs); NULL with INPUT_SNIFF_NONE. */
    input_sniff_strength strength;
    int (*sniff_text)(const char *t, size_t n);
    /* Binary formats: 1 if the raw bytes are of this format (name: the
     * input's name, may be "-"); its signature (messages: "no %PDF-
     * header"); the reader. NULL for text formats. */
    int (*sniff_bytes)(const char *name, const unsigned char *b, size_t n);
    const char *magic;
    int (*parse_bytes)(const char *name, const unsigned char *b, size_t n, const input_opts *o,
                       doc *out, cps_err *e);
    /* Text formats: the reader of the decoded source. NULL for binary
     * formats. Both readers initialise *out (the caller frees it with
     * doc_free, also on failure). */
    int (*parse_text)(const source *src, const input_opts *o, doc *out, cps_err *e);
    /* Bytes the document may need, estimated before parsing from its
     * text (or raw bytes) t[0..n) (analysis.h: the --max-memory budget). */
    unsigned long long (*need)(const char *t, size_t n);
};

/* The rows, in the order --help lists them, ended by NULL; the first is
 * what text no sniff recognises is read as. */
extern const input_format *const input_formats[];

/* The row called name, or NULL. */
const input_format *input_format_find(const char *name);

/* The row whose extension ends path (ASCII case-insensitive, after the
 * last '/'), or NULL; walked: only the extensions a directory walk picks
 * (ext, not ext_named). */
const input_format *input_format_by_ext(const char *path, int walked);

/* The binary row whose byte sniff accepts bytes[0..n), or NULL. */
const input_format *input_format_binary(const char *name, const unsigned char *bytes, size_t n);

/* The format of decoded text (the steps above); name may be NULL or "-"
 * (no extension looked at), text NULL (the first row). Never NULL. */
const input_format *input_format_sniff(const char *name, const char *text, size_t n);

/* For --help and messages: the labels, the last after last ("HTML, XHTML,
 * Markdown or PDF" with " or "); the names ("html, xhtml, markdown, pdf");
 * the directory walk's globs ("*.html *.htm ... *.pdf"). */
void input_format_labels(buf *b, const char *last);
void input_format_names(buf *b);
void input_format_globs(buf *b);

#endif

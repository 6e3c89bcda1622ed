/* plaintext.c — the plain-text front end: a CP/CPS published as a .txt
 * file, read as lines of laid-out text by the layout reader (layout.h),
 * the one pdf.c uses for pdftotext's output: numbered lines are headings,
 * bulleted lines list items, runs of lines paragraphs; a table of
 * contents with dot leaders and page numbers alone on a line near a form
 * feed are dropped as they are in a PDF.
 *
 * Recognised by its extension only (.txt when a file is named; a
 * directory walk does not pick .txt files, which in a repository are
 * rarely the policy): text without markup has no signature, so content
 * that merely lacks tags stays HTML, and a .txt holding Markdown is read
 * as text, since the name decides first (input_formats.h).
 *
 * Locations: lines of the file; a text with form feeds is in pages, and
 * its blocks are located PAGE:LINE as a PDF's are.
 */
#include <stdio.h>
#include <string.h>

#include "input_formats.h"
#include "layout.h"

static int parse_text(const source *src, const input_opts *o, doc *out, cps_err *e)
{
    (void)o;
    doc_init(out, src->name); /* its format is named by analysis.c from the row */
    snprintf(out->encoding, sizeof out->encoding, "%s", src->encoding);
    int rc = layout_to_blocks(src->data, src->len, out, e);
    if (!rc && !memchr(src->data, '\f', src->len))
        for (size_t i = 0; i < out->nblocks; i++)
            out->blocks[i].page = 0; /* one page: the line is the file's */
    return rc;
}

/* The layout reader keeps a record for every line, blank or not, and a
 * block may start on each: lines count as blocks. */
static unsigned long long need_text(const char *t, size_t n)
{
    size_t lines = 1;
    for (const char *p = t; (p = memchr(p, '\n', n - (size_t)(p - t))) != NULL; p++)
        lines++;
    return (unsigned long long)n * INPUT_MEM_PER_BYTE +
           (unsigned long long)lines * INPUT_MEM_PER_BLOCK;
}

const input_format input_format_text = {
    .name = "text", .label = "plain text", .ext = "", .ext_named = "txt",
    .strength = INPUT_SNIFF_NONE,
    .parse_text = parse_text, .need = need_text,
};

/* pdf.c — the PDF front end (pdf.h): the sniff, then pdftotext's text
 * (pdf_run.c) read by the layout reader (layout.h). */
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout.h"

/* ---- sniffing ------------------------------------------------------------ */

/* "%PDF-" at the start, after a BOM or white space only: an HTML page that
 * mentions "%PDF-1.7" in its title is not a PDF. */
int pdf_is_pdf(const unsigned char *b, size_t n)
{
    size_t i = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3;
    while (i < n && i < 1024 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' ||
                                 b[i] == '\f' || b[i] == 0))
        i++;
    return n - i >= 5 && memcmp(b + i, "%PDF-", 5) == 0;
}

/* A file named *.pdf may have junk before the signature within its first
 * 1024 bytes, as readers tolerate. */
static int pdf_named_pdf_is_pdf(const unsigned char *b, size_t n)
{
    size_t lim = n < 1024 + 5 ? n : 1024 + 5;
    for (size_t i = 0; i + 5 <= lim; i++)
        if (b[i] == '%' && memcmp(b + i, "%PDF-", 5) == 0)
            return 1;
    return 0;
}

int pdf_bytes_look_pdf(const char *name, const unsigned char *b, size_t n)
{
    size_t l = name ? strlen(name) : 0;
    if (l > 4 && strcasecmp(name + l - 4, ".pdf") == 0)
        return pdf_named_pdf_is_pdf(b, n);
    return pdf_is_pdf(b, n);
}

/* stdin is "-" in the document, "<stdin>" in messages (as in source.h) */
static const char *shown(const char *name)
{
    return name && strcmp(name, "-") ? name : "<stdin>";
}

/* ---- the front end --------------------------------------------------------- */

/* Refuse text of more than PDF_MAX_PAGES pages (pdftotext ends each page
 * with a form feed). */
static int check_pages(const char *text, size_t len, const char *name, cps_err *e)
{
    size_t pages = 0;
    for (const char *p = text, *end = text + len; p < end; p++) {
        p = memchr(p, '\f', (size_t)(end - p));
        if (!p)
            break;
        if (++pages > PDF_MAX_PAGES)
            return cps_err_set(e, CPS_E_LIMIT, name, 0,
                               "the PDF's text has more than %u pages", PDF_MAX_PAGES);
    }
    return 0;
}

static void init_doc(doc *out, const char *name)
{
    doc_init(out, name);
    snprintf(out->format, sizeof out->format, "pdf");
    snprintf(out->encoding, sizeof out->encoding, "UTF-8");
}

int pdf_parse_bytes(const char *name, const unsigned char *bytes, size_t n, const pdf_opts *o,
                    doc *out, cps_err *e)
{
    init_doc(out, name);
    char *text;
    size_t len;
    int rc = pdf_extract_bytes(name, bytes, n, o, &text, &len, e);
    if (!rc) {
        rc = check_pages(text, len, shown(name), e);
        if (!rc)
            rc = layout_to_blocks(text, len, out, e);
        free(text);
    }
    return rc;
}

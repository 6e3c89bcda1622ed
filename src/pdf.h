/* pdf.h — PDF front end: pdftotext (poppler-utils) as a child process,
 * then its text laid out in pages turned into blocks.
 *
 * Two halves, separately testable:
 *
 * pdf_extract runs `pdftotext -q -layout -enc UTF-8 FILE -` with
 * posix_spawnp (no shell), reads its standard output through a pipe, kills
 * it (SIGKILL) after a time limit or when its output passes a size cap,
 * and reports its failures by exit status. A PDF's parser runs in another
 * process: a crash or a hang there costs a message, not cpslint. Without
 * pdftotext the error says what to install. pdf_parse_bytes gives it the
 * bytes through its standard input (below).
 *
 * pdf_parse_bytes refuses (CPS_E_LIMIT) text of more than PDF_MAX_PAGES
 * pages, then reads pdftotext's layout text with the layout reader
 * (layout.h: pages, running headers and footers, page numbers and the
 * table of contents removed, headings from numbered lines).
 *
 * The pipe and the temporary file are opened close-on-exec, so that with
 * -j another thread's pdftotext never inherits them.
 *
 * Locations: doc_block.page is the 1-based page, doc_block.line the
 * 1-based line within that page as pdftotext lays it out (header lines
 * included), so "page:line" finds it in `pdftotext -layout` output and,
 * roughly, on the printed page.
 */
#ifndef CPSLINT_PDF_H
#define CPSLINT_PDF_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

#define PDF_DEFAULT_TIMEOUT 60u                    /* seconds */
#define PDF_DEFAULT_MAX_OUTPUT (256u * 1024 * 1024) /* bytes of text */
#define PDF_MAX_PAGES 100000u  /* pages of text (form feeds) before CPS_E_LIMIT */

typedef struct pdf_opts {
    unsigned timeout;       /* seconds; 0 = PDF_DEFAULT_TIMEOUT */
    size_t max_output;      /* bytes of text; 0 = PDF_DEFAULT_MAX_OUTPUT */
    const char *pdftotext;  /* program; NULL = $CPSLINT_PDFTOTEXT, else
                               "pdftotext" looked up in PATH */
} pdf_opts;

/* 1 if the bytes start with a PDF header ("%PDF-" after at most a BOM and
 * white space). */
int pdf_is_pdf(const unsigned char *bytes, size_t n);
/* pdf_is_pdf, except that a name ending in .pdf allows up to 1024 bytes of
 * junk before the header, as readers do. */
int pdf_bytes_look_pdf(const char *name, const unsigned char *bytes, size_t n);

/* Run pdftotext on path (name is used in messages). On success *text is a
 * malloc'd NUL-terminated string (caller frees) of *len bytes. Errors:
 * CPS_E_INPUT for a missing pdftotext ("PDF input needs pdftotext (Debian
 * package poppler-utils)"), a timeout, output over the cap, or a PDF that
 * pdftotext refuses. */
int pdf_extract(const char *path, const char *name, const pdf_opts *o, char **text,
                size_t *len, cps_err *e);

/* pdf_extract on bytes in memory (name for messages): they reach
 * pdftotext on its standard input ("-") from a private temporary file
 * unlinked before it starts (O_TMPFILE where the file system has it).
 * (pdf_run.c holds the process half: these two functions.) */
int pdf_extract_bytes(const char *name, const unsigned char *bytes, size_t n, const pdf_opts *o,
                      char **text, size_t *len, cps_err *e);

/* The whole front end on bytes in memory (the input is read once, by
 * source.h, never reopened): *out is initialised here (format "pdf",
 * encoding "UTF-8"); caller frees it with doc_free, also on failure. The
 * bytes go to pdftotext as its standard input ("-"), from a private
 * temporary file that is unlinked before pdftotext starts (O_TMPFILE where
 * the file system has it), so no path ever names it for long and nothing
 * is left behind, whatever ends the run. */
int pdf_parse_bytes(const char *name, const unsigned char *bytes, size_t n,
                    const pdf_opts *o, doc *out, cps_err *e);

#endif

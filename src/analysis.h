/* analysis.h — one document read, parsed and understood: the input of
 * every command (outline, check, diff).
 *
 *   bytes -> source (UTF-8) -> front end (doc) -> outline -> meta, language
 *   binary bytes (PDF: a "%PDF-" header) -> front end (doc) -> ...
 *
 * The front end is a row of the table of input formats (input_formats.h).
 * A binary format is recognised on the bytes before any decoding; for
 * such input a->src stays empty (zeroed).
 *
 * The matching text of each block (text.h) and its language profile
 * (lang.h) are built once, on first use, and kept for the lifetime of the
 * analysis. Building them writes to the analysis: one shared between
 * threads must have what they read built before (analysis_folded for
 * every block; the per-block profile is only asked of the checked
 * document, never of a shared --translation one).
 */
#ifndef CPSLINT_ANALYSIS_H
#define CPSLINT_ANALYSIS_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "lang.h"
#include "meta.h"
#include "outline.h"
#include "source.h"
#include "text.h"

typedef struct analysis_opts {
    size_t max_size;           /* input size cap; 0 = SOURCE_DEFAULT_MAX_SIZE */
    int keep_chrome;           /* keep nav/header/footer blocks */
    const struct input_format *force; /* a row of input_formats.h; NULL = sniff */
    unsigned pdf_timeout;      /* seconds pdftotext may run; 0 = PDF_DEFAULT_TIMEOUT */
    size_t max_memory;         /* bytes one document may take; 0 = analysis_default_memory() */
} analysis_opts;

/* The memory budget of one document (--max-memory).
 *
 * Before parsing, a document whose estimated need is over the budget is
 * refused with CPS_E_LIMIT and a one-line reason. The estimate is its
 * format's (input_formats.h, a row's `need`: bytes and the blocks the text
 * can make at most). While parsing, the blocks (doc_memory) and
 * cmark-gfm's pool are held to the budget too (the estimate is a worst
 * case; actual growth is what is checked). The default is half of the
 * machine's physical memory, at most 4 GiB, and at most half of the
 * address-space limit (ulimit -v) if any. */
size_t analysis_default_memory(void);

typedef struct analysis {
    source src;
    doc d;
    outline o;
    doc_meta meta;
    char lang[12];             /* document language decided (lang.h) */
    char lang_declared[12];    /* primary subtag of the root lang attribute */
    double lang_confidence;    /* share of the winner in the document's profile */
    int section_langs_done;    /* outline.secs[].lang filled (analysis_section_languages) */
    text_map *folded;          /* per block, built lazily; NULL entries unbuilt */
    text_arena fold_arena;     /* where the folded maps live (text_fold_in) */
    lang_detector *langdet;    /* owned; NULL if ICU has no word break data */
    lang_guess *guess;         /* per block profile, built lazily (code "" = unbuilt) */
    cps_err fault;             /* code != 0: a lazy build failed (analysis_failed) */
} analysis;

/* Read and analyse path ("-" = stdin) against spec. On success *a owns
 * everything (analysis_free); on failure *a is left freed. */
int analysis_run(const char *path, const outline_spec *spec,
                 const analysis_opts *opts, analysis *a, cps_err *e);

/* Same, from bytes in memory (name for messages). */
int analysis_run_bytes(const char *name, const unsigned char *bytes, size_t n,
                       const outline_spec *spec, const analysis_opts *opts,
                       analysis *a, cps_err *e);

/* The matching text of block i (built on first call). */
const text_map *analysis_folded(analysis *a, size_t i);

/* The language profile of block i's display text (lang_detect_with), built
 * on first call; "und" with no words for i out of range. */
lang_guess analysis_block_guess(analysis *a, size_t i);

/* Fill the language of every present section (outline.secs[].lang) from
 * a sample of its own text; done once, on demand: only the outline report
 * shows it, so a check does not pay for it. */
void analysis_section_languages(analysis *a);

/* The lazy builds above (folded text, block and section languages) call
 * ICU, which can fail (out of memory): they then go on with an empty text
 * or "und" so the caller does not crash, and record the first failure.
 * Before a command reports a document it calls this: nonzero (the
 * CPS_E_* code, e filled with "FILE: out of memory in ICU (...)" or the
 * like; e may be NULL) means the results are not of the whole document,
 * which is then an error (exit 2), never reported. */
int analysis_failed(const analysis *a, cps_err *e);

void analysis_free(analysis *a);

#endif

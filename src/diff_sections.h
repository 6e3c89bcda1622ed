/* diff_sections.h — aligning the sections of two versions of a CP/CPS.
 * Part 2 of comparing two versions (diff.h).
 *
 * 2. Section alignment (diff_sections): sections are paired by number;
 *    a section whose number changed but whose heading and text stayed the
 *    same or nearly the same (Jaccard similarity of the word sets of the
 *    matching text of heading + own text >= DIFF_RENUMBER_MIN) is
 *    "renumbered", not removed and added, even when its old number is
 *    reused by a new section. Paired sections are compared on their
 *    matching text (wdiff.h), so typography and re-wrapping are no change;
 *    changed ones carry a word diff. The renumbering search finds
 *    identical word sets by hash and similar ones by prefix filtering (an
 *    inverted index on each set's rarest words), keeps a few candidates
 *    per section, and stops at a work budget (renumber_skipped says how
 *    many old sections it did not reach): memory linear, time n log n on
 *    ordinary documents, bounded on hostile ones.
 *
 * Ownership: a diff_result owns its arrays and the texts it built; it
 * borrows the two analyses (headings), which must outlive it. No global
 * state.
 */
#ifndef CPSLINT_DIFF_SECTIONS_H
#define CPSLINT_DIFF_SECTIONS_H

#include <stddef.h>

#include "analysis.h"
#include "diff_table.h"
#include "err.h"
#include "wdiff.h"

#define DIFF_RENUMBER_MIN 0.8
/* Work budget of the renumbering search (word-set elements compared plus
 * index entries visited): at most about half a second. */
#define DIFF_RENUMBER_BUDGET 1000000000ULL
/* What the reports say when that budget ran out (renumber_skipped). */
#define DIFF_RENUMBER_NOTE "too many similar sections to search them all for renumbering: " \
                           "old sections not compared, which may show as removed"

typedef enum {
    DIFF_UNCHANGED = 0,
    DIFF_CHANGED,       /* same number, different text (or heading) */
    DIFF_ADDED,
    DIFF_REMOVED,
    DIFF_RENUMBERED     /* new number, same or nearly the same text */
} diff_kind;

typedef struct diff_side {
    const section *sec;   /* borrowed from the analysis' outline */
    char *display;        /* owned: heading, then each block of its own text, by lines */
    wdiff_text text;      /* owned: words of display (equality, similarity) */
    int paired;           /* index of its pair in diff_result.pairs, -1 */
    /* What a word diff shows: the prose (display without its table cells),
     * each part (heading, block) with its source line; and the table rows. */
    char *prose_display;  /* owned; NULL when the section has no table: prose
                             is then text (diff_side_prose) */
    wdiff_text prose;     /* owned when prose_display */
    size_t *part_off;     /* owned: offset in the prose display where each part starts */
    long *part_line;      /* owned: its source line (0 unknown) */
    int *part_page;       /* owned: its PDF page (0 otherwise) */
    size_t nparts;
    diff_row *rows;       /* owned: the rows of its tables (diff_table.h) */
    size_t nrows;
} diff_side;

typedef struct diff_pair {
    diff_kind kind;
    int old_i, new_i;     /* in diff_result.old / .new, -1 for none */
    double similarity;    /* of the two word sets (paired sections) */
    int text_changed;     /* paired and the matching texts differ */
    wdiff_result wd;      /* when text_changed: old -> new prose (diff_side_prose) */
    diff_row_pair *rows;  /* when text_changed: the table rows paired (diff_table.h) */
    size_t nrows, rows_changed; /* rows_changed: added, removed or changed ones */
} diff_pair;

typedef struct diff_result {
    diff_side *old, *new; /* the present sections of each version, in outline order */
    size_t nold, nnew;
    diff_pair *pairs;     /* ordered by new number (old number for removed ones) */
    size_t npairs;
    size_t added, removed, renumbered, changed, unchanged;
    int gave_up;          /* some word diff ran out of budget */
    size_t renumber_skipped; /* unpaired old sections the renumbering search
                                did not reach (its budget ran out): they
                                may show as removed rather than renumbered */
} diff_result;

typedef struct diff_opts {
    double renumber_min;        /* 0 = DIFF_RENUMBER_MIN */
    unsigned long long budget;  /* word diff budget per section; 0 = default */
    unsigned long long renumber_budget; /* 0 = DIFF_RENUMBER_BUDGET */
} diff_opts;

/* Align the outlines of two analysed documents. opts may be NULL. On
 * success *out owns its arrays (diff_result_free); on failure it is left
 * freed. */
int diff_sections(const analysis *old_a, const analysis *new_a, const diff_opts *opts,
                  diff_result *out, cps_err *e);
void diff_result_free(diff_result *r);

/* The new number of an old section number: itself if paired by number,
 * the new one if renumbered, NULL if removed or unknown. */
const char *diff_new_number(const diff_result *r, const char *old_number);
/* The same for the old section r->old[i]. */
const char *diff_new_number_at(const diff_result *r, size_t i);

const char *diff_kind_name(diff_kind k); /* "unchanged", "changed", ... */

/* The words a word diff of s shows: its text without table cells. */
const wdiff_text *diff_side_prose(const diff_side *s);
/* The source line (and PDF page, when page is not NULL) of the prose word
 * w of s (past the end: of the last word; no words: of the heading). */
long diff_side_line(const diff_side *s, size_t w, int *page);

#endif

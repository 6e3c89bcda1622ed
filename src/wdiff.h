/* wdiff.h — word-level diff of two texts, compared on their matching text.
 *
 * A text is tokenised into words of its matching text (text_fold: case
 * folded, accents stripped, typographic apostrophes, quotes, dashes and
 * NBSP mapped, whitespace collapsed), split at spaces. Each word keeps the
 * span of the display text it came from (text_map_span), so a diff is
 * computed on what the rules match and printed in the words the author
 * wrote. A change of apostrophe style, of NBSP or of line wrapping is
 * therefore no change at all.
 *
 * The diff is Myers' O(ND) algorithm in its linear-space divide-and-conquer
 * form (middle snake), after stripping the common prefix and suffix. Words
 * compare by a 64-bit hash of their matching text, confirmed byte for byte.
 * Memory is linear in the number of words. Time is bounded by a work
 * budget (diagonals visited plus snake steps, summed over the recursion):
 * when it runs out, the differing middle is reported as one deletion and
 * one insertion and wdiff_result.gave_up is set, so two large texts with
 * nothing in common finish quickly with a clear, correct (if coarse)
 * result.
 *
 * Ownership: a wdiff_text borrows its display text (the caller keeps it
 * alive and unchanged) and owns its matching text and words
 * (wdiff_text_free). A wdiff_result owns its ops (wdiff_result_free).
 * No global state.
 */
#ifndef CPSLINT_WDIFF_H
#define CPSLINT_WDIFF_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "text.h"

/* Default work budget: about a second of work on a current machine. */
#define WDIFF_DEFAULT_BUDGET 200000000ULL

typedef struct wdiff_word {
    uint64_t hash;         /* FNV-1a of the word's matching text */
    size_t fstart, flen;   /* the word in the matching text */
    size_t dstart, dend;   /* the display text it came from */
} wdiff_word;

typedef struct wdiff_text {
    const char *display;   /* borrowed */
    size_t display_len;
    text_map folded;       /* owned */
    wdiff_word *w;         /* owned; n words in order */
    size_t n;
} wdiff_text;

/* Tokenise display[0..n) (UTF-8). On success *t owns its arrays
 * (wdiff_text_free); on failure *t is left freed. */
int wdiff_text_init(wdiff_text *t, const char *display, size_t n, cps_err *e);
void wdiff_text_free(wdiff_text *t);

/* 1 if the two texts have the same words (same matching text), else 0. */
int wdiff_text_equal(const wdiff_text *a, const wdiff_text *b);

/* Similarity of the two texts' word sets: |A ∩ B| / |A ∪ B| (Jaccard), in
 * [0, 1]; 1 when both are empty. Linear after sorting each set. */
double wdiff_similarity(const wdiff_text *a, const wdiff_text *b);

/* The same in two steps, for comparing many texts: the sorted distinct
 * word hashes of t (malloc'd, caller frees; *n set), and the Jaccard
 * similarity of two such sets. */
uint64_t *wdiff_word_set(const wdiff_text *t, size_t *n);
double wdiff_set_similarity(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny);

typedef enum {
    WDIFF_EQ = '=',
    WDIFF_DEL = '-',
    WDIFF_INS = '+'
} wdiff_opkind;

/* A run of words: [a0, a1) of the old text and [b0, b1) of the new one.
 * EQ runs have the same length on both sides; DEL runs have b0 == b1 (the
 * position in the new text), INS runs a0 == a1. Ops cover both texts in
 * order, adjacent ops differ, and a DEL comes before the INS it pairs with. */
typedef struct wdiff_op {
    wdiff_opkind op;
    size_t a0, a1, b0, b1;
} wdiff_op;

typedef struct wdiff_result {
    wdiff_op *ops;         /* owned */
    size_t n;
    size_t deleted, inserted; /* words */
    int gave_up;           /* the budget ran out: the middle is one DEL + INS */
} wdiff_result;

typedef struct wdiff_opts {
    unsigned long long budget; /* 0 = WDIFF_DEFAULT_BUDGET */
} wdiff_opts;

/* Diff a against b (opts may be NULL). Never fails: allocation failure
 * aborts (buf.h). *r owns its ops (wdiff_result_free). */
void wdiff_run(const wdiff_text *a, const wdiff_text *b, const wdiff_opts *opts,
               wdiff_result *r);
void wdiff_result_free(wdiff_result *r);

/* Display text of words [w0, w1) of t, from the start of the first to the
 * end of the last, with whitespace runs (ASCII and Unicode spaces, line
 * breaks) shown as one space. Malloc'd; caller frees. "" when w0 >= w1. */
char *wdiff_words_text(const wdiff_text *t, size_t w0, size_t w1);

/* 1 if word i of t ends a sentence or a block: its display text ends in
 * . ! ? ; or : (before closing quotes or brackets), or a line break
 * separates it from the next word. The last word always ends one. */
int wdiff_word_ends_sentence(const wdiff_text *t, size_t i);

#endif

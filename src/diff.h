/* diff.h — comparing two versions of a CP/CPS.
 *
 * Three independent parts, each usable on its own:
 *
 * 1. Version checks (diff_versions): was the version number incremented
 *    (compared numerically component by component: 2.0 < 2.4, 4.9 < 4.10,
 *    "v2.4" and "Version 2.4" read as 2.4), did the effective date move
 *    forward, and did the revision table gain a dated row? Mozilla Root
 *    Store Policy 3.3 and BR 2.3 require all three at every update.
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
 * 3. Findings delta (diff_findings): two lists of findings, old and new,
 *    split into introduced, resolved and persisting, matched by rule id +
 *    section (old numbers translated through the renumbering) + the
 *    matched text normalised with text_fold, as a multiset. Independent of
 *    the check engine: callers convert their findings to diff_finding.
 *
 * Ownership: a diff_result owns its arrays and the texts it built; it
 * borrows the two analyses (headings, metadata), which must outlive it.
 * diff_finding strings are borrowed from the caller. No global state.
 */
#ifndef CPSLINT_DIFF_H
#define CPSLINT_DIFF_H

#include <stddef.h>

#include "analysis.h"
#include "date.h"
#include "err.h"
#include "meta.h"
#include "wdiff.h"

#define DIFF_RENUMBER_MIN 0.8
/* Work budget of the renumbering search (word-set elements compared plus
 * index entries visited): at most about half a second. */
#define DIFF_RENUMBER_BUDGET 1000000000ULL

/* ---- 1. version, date, revision table ---- */

typedef struct diff_versions_result {
    const char *old_version, *new_version; /* borrowed; NULL if not found */
    cps_date old_date, new_date;           /* DATE_NONE if not found */
    int version_cmp;            /* -1, 0, 1: new vs old; 2 if either unreadable */
    int version_incremented;    /* new > old */
    int date_advanced;          /* new date > old date */
    int changelog_entry_added;  /* new revision table has a dated row not in the old */
    const revision *new_row;    /* that row (the newest such), borrowed; or NULL */
    int new_has_table;          /* the new version has a revision table */
} diff_versions_result;

/* Compare version strings numerically: the first run of digits and dots
 * ("v2.4", "Version 4.10", "Rev. 3") component by component, missing
 * components 0 ("2" == "2.0"). Returns -1, 0 or 1, or 2 when either has
 * no number. */
int diff_version_cmp(const char *a, const char *b);

void diff_versions(const doc_meta *old_m, const doc_meta *new_m, diff_versions_result *out);

/* ---- 2. sections ---- */

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
    wdiff_text text;      /* owned: words of display */
    int paired;           /* index of its pair in diff_result.pairs, -1 */
} diff_side;

typedef struct diff_pair {
    diff_kind kind;
    int old_i, new_i;     /* in diff_result.old / .new, -1 for none */
    double similarity;    /* of the two word sets (paired sections) */
    int text_changed;     /* paired and the matching texts differ */
    wdiff_result wd;      /* when text_changed: old -> new */
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

const char *diff_kind_name(diff_kind k); /* "unchanged", "changed", ... */

/* ---- 3. findings delta ---- */

typedef struct diff_finding {
    const char *rule;      /* rule id (required) */
    const char *section;   /* canonical number, "" for the whole document */
    const char *match;     /* matched text (any form: normalised here), or NULL */
    int severity;          /* 1 notice, 2 warning, 3 error (check's rule_severity) */
    /* shown in reports; any may be NULL */
    const char *severity_name, *status, *heading, *snippet, *message, *cite, *effective;
    long line;
} diff_finding;

typedef enum {
    DIFF_F_INTRODUCED = 0, /* in new only */
    DIFF_F_RESOLVED,       /* in old only */
    DIFF_F_PERSISTING      /* in both */
} diff_fstate;

typedef struct diff_findings_result {
    /* indexes, each list in its input's order */
    size_t *introduced;    /* into the new list */
    size_t nintroduced;
    size_t *resolved;      /* into the old list */
    size_t nresolved;
    size_t *persisting;    /* into the new list */
    size_t *persisting_old; /* the old finding each persisting one matched */
    size_t npersisting;
} diff_findings_result;

/* Split old[0..nold) and new[0..nnew) (either may be NULL when its count
 * is 0). sections may be NULL; when given, old section numbers are first
 * translated to their new numbers (diff_new_number). *out owns its arrays
 * (diff_findings_free). */
int diff_findings(const diff_finding *old_f, size_t nold, const diff_finding *new_f,
                  size_t nnew, const diff_result *sections, diff_findings_result *out,
                  cps_err *e);
void diff_findings_free(diff_findings_result *r);

#endif

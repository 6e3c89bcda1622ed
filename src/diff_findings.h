/* diff_findings.h — which findings an update introduced, resolved or left
 * in place. Part 3 of comparing two versions (diff.h).
 *
 * 3. Findings delta (diff_findings): two lists of findings, old and new,
 *    split into introduced, resolved and persisting, matched by rule id +
 *    section (old numbers translated through the renumbering) + the
 *    matched text normalised with text_fold, as a multiset; one whose quote
 *    (snippet) has other words in the new version is flagged moved (the
 *    same match, now in another sentence). Then a finding
 *    left resolved and one left introduced of the same rule and section
 *    whose matched texts (quotes when neither has one) are similar (Jaccard
 *    similarity of their word sets >= DIFF_MOVED_MIN, most similar first),
 *    in different sentences, are one finding whose match moved (or was
 *    reworded in another sentence): persisting, flagged moved. A value
 *    changed in the same sentence stays resolved + introduced.
 *    Independent of the check engine: callers convert their findings to
 *    diff_finding.
 *
 * Ownership: a diff_findings_result owns its index arrays; diff_finding
 * strings are borrowed from the caller. No global state.
 */
#ifndef CPSLINT_DIFF_FINDINGS_H
#define CPSLINT_DIFF_FINDINGS_H

#include <stddef.h>

#include "diff_sections.h"
#include "err.h"

#define DIFF_MOVED_MIN 0.5
/* At most this many comparisons of one rule's findings in one section
 * (beyond it they stay introduced and resolved): bounded time on hostile
 * input. */
#define DIFF_MOVED_BUDGET 4096

typedef struct diff_finding {
    const char *rule;      /* rule id (required) */
    const char *section;   /* canonical number, "" for the whole document */
    const char *match;     /* matched text (any form: normalised here), or NULL */
    int severity;          /* 1 notice, 2 warning, 3 error (check's rule_severity) */
    /* shown in reports; any may be NULL */
    const char *severity_name, *status, *heading, *snippet, *message, *cite, *effective;
    long line;
    size_t mark_start, mark_end; /* the match inside snippet (equal: no mark) */
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
    unsigned char *moved;  /* per persisting one: 1 if its quote changed or it
                              was paired by a similar match (it moved) */
    size_t npersisting, nmoved;
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

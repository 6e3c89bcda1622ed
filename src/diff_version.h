/* diff_version.h — did an update of a CP/CPS bump its version, date and
 * revision table? Part 1 of comparing two versions (diff.h).
 *
 * 1. Version checks (diff_versions): was the version number incremented
 *    (compared numerically component by component: 2.0 < 2.4, 4.9 < 4.10,
 *    "v2.4" and "Version 2.4" read as 2.4), did the effective date move
 *    forward, and did the revision table gain a dated row? Mozilla Root
 *    Store Policy 3.3 and BR 2.3 require all three at every update.
 *
 * Ownership: a diff_versions_result borrows the version strings and the
 * revision row from the two doc_meta, which must outlive it. No global
 * state.
 */
#ifndef CPSLINT_DIFF_VERSION_H
#define CPSLINT_DIFF_VERSION_H

#include "date.h"
#include "meta.h"

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

#endif

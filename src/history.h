/* history.h — a CA's compliance over time, from every version of its CPS.
 *
 * The versions are put in order (by version number where every version has
 * one, else by date), and each is in force from its date until the next
 * version's date (the newest until the as-of date). Each version is checked
 * twice by the caller: as of its own date (what it said when published) and
 * as of the last day it was in force (what it still said when a
 * requirement took effect during its time); the newest version's last day
 * is the as-of date. The second is check_statuses_at: only the rules whose
 * status can change between the two dates run again.
 *
 * From those results:
 *  - a timeline per rule: the status of every version as of its own date;
 *  - late windows: runs of consecutive versions that failed a rule while in
 *    force on or after the rule's effective date, from max(effective date,
 *    first such version's date) to the date of the first version that
 *    passed again (or still open at the as-of date), with the days between;
 *  - the record of updates: gaps of more than HISTORY_MAX_GAP days between
 *    consecutive versions (BR 2.3, MRSP 3.3: at least once a year; the
 *    newest version's gap runs to the as-of date), versions whose number or
 *    date did not move, versions whose revision table has no row for them,
 *    versions dated before the previous one, and two versions with the
 *    same number and date.
 *
 * Ownership: a history borrows the versions, their results and the rules;
 * history_free releases its own arrays only.
 */
#ifndef CPSLINT_HISTORY_H
#define CPSLINT_HISTORY_H

#include <stddef.h>

#include "analysis.h"
#include "check.h"
#include "date.h"

#define HISTORY_MAX_GAP 365
#define HISTORY_OPEN ((size_t)-1)

typedef struct history_version {
    const char *label;         /* the file as named, or "COMMIT:PATH" */
    const char *commit;        /* abbreviated commit id (--git), or NULL */
    cps_date commit_date;      /* DATE_NONE for files */
    analysis *a;               /* NULL: the version could not be read */
    const char *error;         /* why, when a is NULL */
    const char *version;       /* the document's version number, or NULL */
    cps_date date;             /* its effective date: the document's, else the commit's */
    int date_from_commit;      /* 1 when date is the commit date (a declared fallback) */
    cps_date last_day;         /* last day in force (set by history_order) */
    check_result own;          /* as of date */
    check_status *last;        /* each item of own, as of last_day (the newest: the
                                  as-of date): check_statuses_at; owned */
    int checked;               /* own and last hold results */
} history_version;

typedef struct history_window {
    const rule *rule;
    size_t first;              /* index (in order) of the first failing version */
    size_t fixed;              /* the first version that passed again, or HISTORY_OPEN */
    cps_date start, end;       /* end: the fixed version's date, or the as-of date */
    long days;                 /* end - start */
} history_window;

typedef enum {
    HISTORY_GAP = 0,           /* more than HISTORY_MAX_GAP days since the previous version */
    HISTORY_VERSION_STILL,     /* same version number as the previous one */
    HISTORY_DATE_STILL,        /* same date as the previous one */
    HISTORY_DATE_BACKWARDS,    /* dated before the previous one */
    HISTORY_NO_ROW,            /* the revision table has no row for this version */
    HISTORY_DUPLICATE,         /* same number and date as another version */
    HISTORY_NO_DATE,           /* no date in the document and no commit date */
    HISTORY_UNREADABLE         /* the version could not be read */
} history_issue_kind;

typedef struct history_issue {
    history_issue_kind kind;
    size_t i;                  /* the version (index in order) */
    long days;                 /* HISTORY_GAP: the gap; 0 otherwise */
} history_issue;

typedef struct history {
    size_t *order;             /* indexes into the versions, oldest first */
    size_t n;
    cps_date as_of;
    history_window *w;
    size_t nw;
    history_issue *issues;
    size_t nissues;
} history;

/* Put v[0..n) in order and set each last_day; fills h->order, h->n,
 * h->as_of, and the date problems that need no check (no date, duplicate,
 * unreadable). Call before checking. */
void history_order(history_version *v, size_t n, cps_date as_of, history *h);

/* After every readable version was checked (own, last): the late windows
 * of the enabled rules of rs and the rest of the record of updates. */
void history_analyse(const history_version *v, const ruleset *rs, history *h);

/* The status of rule r in version x as of its own date (last 0) or of its
 * last day in force (last 1), or -1 when r was not run there. */
int history_status(const history_version *x, const rule *r, int last);

const char *history_issue_name(history_issue_kind k); /* "gap", "version-unchanged", ... */

void history_free(history *h);

#endif

/* history.c — versions in order, late windows, the record of updates
 * (history.h). */
#include "history.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diff.h"

const char *history_issue_name(history_issue_kind k)
{
    switch (k) {
    case HISTORY_GAP: return "gap";
    case HISTORY_VERSION_STILL: return "version-unchanged";
    case HISTORY_DATE_STILL: return "date-unchanged";
    case HISTORY_DATE_BACKWARDS: return "date-backwards";
    case HISTORY_NO_ROW: return "no-revision-row";
    case HISTORY_DUPLICATE: return "duplicate";
    case HISTORY_NO_DATE: return "no-date";
    case HISTORY_UNREADABLE: return "unreadable";
    }
    return "?";
}

static void issue(history *h, history_issue_kind k, size_t i, long days)
{
    h->issues = xrealloc(h->issues, (h->nissues + 1) * sizeof *h->issues);
    h->issues[h->nissues++] = (history_issue){k, i, days};
}

/* Ordering context for qsort_r-less sorting: versions compared through a
 * static-free comparator on an index array with the versions attached. */
typedef struct ord {
    const history_version *v;
    size_t i;
    int by_number;
} ord;

static int ord_cmp(const void *x, const void *y)
{
    const ord *a = x, *b = y;
    const history_version *va = &a->v[a->i], *vb = &b->v[b->i];
    /* unreadable versions last, in input order */
    if (!va->a != !vb->a)
        return va->a ? -1 : 1;
    if (a->by_number) {
        int c = diff_version_cmp(va->version, vb->version);
        if (c == -1 || c == 1)
            return c;
    }
    if (va->date != vb->date) {
        if (va->date == DATE_NONE)
            return 1;
        if (vb->date == DATE_NONE)
            return -1;
        return va->date < vb->date ? -1 : 1;
    }
    return a->i < b->i ? -1 : a->i > b->i;
}

void history_order(history_version *v, size_t n, cps_date as_of, history *h)
{
    memset(h, 0, sizeof *h);
    h->as_of = as_of;
    h->n = n;
    h->order = xcalloc(n ? n : 1, sizeof *h->order);
    /* By version number when every readable version has one, else by date. */
    int by_number = 1;
    for (size_t i = 0; i < n; i++)
        if (v[i].a && diff_version_cmp(v[i].version, v[i].version) == 2)
            by_number = 0;
    ord *o = xcalloc(n ? n : 1, sizeof *o);
    for (size_t i = 0; i < n; i++)
        o[i] = (ord){v, i, by_number};
    qsort(o, n, sizeof *o, ord_cmp);
    for (size_t k = 0; k < n; k++)
        h->order[k] = o[k].i;
    free(o);
    for (size_t k = 0; k < n; k++) {
        history_version *x = &v[h->order[k]];
        if (!x->a) {
            issue(h, HISTORY_UNREADABLE, k, 0);
            x->last_day = DATE_NONE;
            continue;
        }
        if (x->date == DATE_NONE)
            issue(h, HISTORY_NO_DATE, k, 0);
        /* in force until the next dated version, the newest until as_of */
        cps_date next = DATE_NONE;
        for (size_t j = k + 1; j < n && next == DATE_NONE; j++) {
            const history_version *y = &v[h->order[j]];
            if (y->a && y->date != DATE_NONE && (x->date == DATE_NONE || y->date > x->date))
                next = y->date;
        }
        x->last_day = next != DATE_NONE ? next - 1 : as_of;
        if (x->date != DATE_NONE && x->last_day < x->date)
            x->last_day = x->date;
        for (size_t j = 0; j < k; j++) {
            const history_version *y = &v[h->order[j]];
            if (y->a && y->date == x->date && x->date != DATE_NONE &&
                diff_version_cmp(y->version, x->version) == 0) {
                issue(h, HISTORY_DUPLICATE, k, 0);
                break;
            }
        }
    }
}

int history_status(const history_version *x, const rule *r, int last)
{
    for (size_t i = 0; i < x->own.nitems; i++)
        if (x->own.items[i].rule == r)
            return (int)(last ? x->last[i] : x->own.items[i].status);
    return -1;
}

/* 1 if the revision table of x has a row for its own version or date. */
static int has_own_row(const history_version *x)
{
    const doc_meta *m = &x->a->meta;
    if (!m->nrevs)
        return 0;
    for (size_t i = 0; i < m->nrevs; i++) {
        const revision *r = &m->revs[i];
        if (x->version && r->version && diff_version_cmp(r->version, x->version) == 0)
            return 1;
        if (x->date != DATE_NONE && r->date == x->date && !x->date_from_commit)
            return 1;
    }
    return 0;
}

static void record(const history_version *v, history *h)
{
    const history_version *prev = NULL;
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = &v[h->order[k]];
        if (!x->a)
            continue;
        if (!has_own_row(x))
            issue(h, HISTORY_NO_ROW, k, 0);
        if (prev) {
            if (x->version && prev->version && diff_version_cmp(prev->version, x->version) == 0)
                issue(h, HISTORY_VERSION_STILL, k, 0);
            if (x->date != DATE_NONE && prev->date != DATE_NONE) {
                if (x->date == prev->date)
                    issue(h, HISTORY_DATE_STILL, k, 0);
                else if (x->date < prev->date)
                    issue(h, HISTORY_DATE_BACKWARDS, k, 0);
                else if (x->date - prev->date > HISTORY_MAX_GAP)
                    issue(h, HISTORY_GAP, k, (long)(x->date - prev->date));
            }
        }
        if (x->date != DATE_NONE)
            prev = x;
    }
    /* the newest version, still in force on the as-of date */
    if (prev && h->as_of != DATE_NONE && h->as_of > prev->date &&
        h->as_of - prev->date > HISTORY_MAX_GAP)
        issue(h, HISTORY_GAP, h->n, (long)(h->as_of - prev->date));
}

/* 1 if version x failed rule r while in force on or after its effective
 * date: as of its last day in force (the rule's findings, not upcoming). */
static int failed_in_force(const history_version *x, const rule *r)
{
    if (!x->a || !x->checked)
        return 0;
    return history_status(x, r, 1) == ST_FAIL;
}

static void windows(const history_version *v, const rule *r, history *h)
{
    for (size_t k = 0; k < h->n;) {
        const history_version *x = &v[h->order[k]];
        if (!failed_in_force(x, r)) {
            k++;
            continue;
        }
        history_window w = {r, k, HISTORY_OPEN, DATE_NONE, h->as_of, 0};
        w.start = x->date;
        if (r->effective != DATE_NONE && (w.start == DATE_NONE || w.start < r->effective))
            w.start = r->effective;
        size_t j = k + 1;
        while (j < h->n && (failed_in_force(&v[h->order[j]], r) || !v[h->order[j]].a))
            j++;
        if (j < h->n) {
            w.fixed = j;
            w.end = v[h->order[j]].date;
        }
        if (w.start != DATE_NONE && w.end != DATE_NONE && w.end >= w.start)
            w.days = (long)(w.end - w.start);
        h->w = xrealloc(h->w, (h->nw + 1) * sizeof *h->w);
        h->w[h->nw++] = w;
        k = j;
    }
}

void history_analyse(const history_version *v, const ruleset *rs, history *h)
{
    record(v, h);
    for (size_t i = 0; i < rs->n; i++)
        if (rs->rules[i].enabled)
            windows(v, &rs->rules[i], h);
}

void history_free(history *h)
{
    free(h->order);
    free(h->w);
    free(h->issues);
    memset(h, 0, sizeof *h);
}

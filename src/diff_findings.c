/* diff_findings.c — findings introduced, resolved and persisting
 * (diff_findings.h). */
#include "diff_findings.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* diff_new_number for many lookups: the old sections sorted by number
 * (strcmp, then index, so the first of duplicates is found as above). */
typedef struct numidx {
    const char *number;
    size_t i;
} numidx;

static int numidx_cmp(const void *x, const void *y)
{
    const numidx *a = x, *b = y;
    int c = strcmp(a->number, b->number);
    if (c)
        return c;
    return a->i < b->i ? -1 : a->i > b->i;
}

static const char *lookup_new_number(const diff_result *r, const numidx *ix, const char *num)
{
    size_t lo = 0, hi = r->nold;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (strcmp(ix[m].number, num) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    if (lo < r->nold && !strcmp(ix[lo].number, num))
        return diff_new_number_at(r, ix[lo].i);
    return NULL;
}

typedef struct fkey {
    char *key;
    size_t idx;
} fkey;

static int fkey_cmp(const void *x, const void *y)
{
    const fkey *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* rule \x1f section \x1f normalised match */
static int make_key(const diff_finding *f, const char *sec, fkey *k, size_t idx,
                    cps_err *e)
{
    buf b = BUF_INIT;
    buf_puts(&b, f->rule ? f->rule : "");
    buf_putc(&b, '\x1f');
    buf_puts(&b, sec ? sec : "");
    buf_putc(&b, '\x1f');
    if (f->match && *f->match) {
        text_map m;
        int rc = text_fold(f->match, strlen(f->match), &m, e);
        if (rc) {
            buf_free(&b);
            return rc;
        }
        /* trim and collapse spaces (text_fold collapses runs) */
        size_t s = 0, n = m.len;
        while (s < n && m.s[s] == ' ')
            s++;
        while (n > s && m.s[n - 1] == ' ')
            n--;
        buf_put(&b, m.s + s, n - s);
        text_map_free(&m);
    }
    k->key = b.ptr ? buf_detach(&b) : xstrdup("");
    k->idx = idx;
    return 0;
}

void diff_findings_free(diff_findings_result *r)
{
    free(r->introduced);
    free(r->resolved);
    free(r->persisting);
    free(r->persisting_old);
    memset(r, 0, sizeof *r);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

int diff_findings(const diff_finding *old_f, size_t nold, const diff_finding *new_f,
                  size_t nnew, const diff_result *sections, diff_findings_result *out,
                  cps_err *e)
{
    memset(out, 0, sizeof *out);
    fkey *ko = xcalloc(nold + 1, sizeof *ko), *kn = xcalloc(nnew + 1, sizeof *kn);
    int rc = 0;
    size_t mo = 0, mn = 0;
    numidx *ix = NULL;
    if (sections && nold) {
        ix = xmalloc((sections->nold + 1) * sizeof *ix);
        for (size_t i = 0; i < sections->nold; i++)
            ix[i] = (numidx){sections->old[i].sec->number, i};
        qsort(ix, sections->nold, sizeof *ix, numidx_cmp);
    }
    for (; mo < nold && !rc; mo++) {
        const char *sec = old_f[mo].section;
        if (sections && sec && *sec) {
            const char *to = lookup_new_number(sections, ix, sec);
            if (to)
                sec = to;
        }
        rc = make_key(&old_f[mo], sec, &ko[mo], mo, e);
    }
    for (; mn < nnew && !rc; mn++)
        rc = make_key(&new_f[mn], new_f[mn].section, &kn[mn], mn, e);
    if (!rc) {
        qsort(ko, nold, sizeof *ko, fkey_cmp);
        qsort(kn, nnew, sizeof *kn, fkey_cmp);
        out->introduced = xmalloc((nnew + 1) * sizeof *out->introduced);
        out->persisting = xmalloc((nnew + 1) * sizeof *out->persisting);
        out->persisting_old = xmalloc((nnew + 1) * sizeof *out->persisting_old);
        out->resolved = xmalloc((nold + 1) * sizeof *out->resolved);
        size_t i = 0, j = 0;
        while (i < nold || j < nnew) {
            int c = i >= nold ? 1 : j >= nnew ? -1 : strcmp(ko[i].key, kn[j].key);
            if (c < 0) {
                out->resolved[out->nresolved++] = ko[i++].idx;
            } else if (c > 0) {
                out->introduced[out->nintroduced++] = kn[j++].idx;
            } else {
                out->persisting[out->npersisting] = kn[j++].idx;
                out->persisting_old[out->npersisting++] = ko[i++].idx;
            }
        }
        qsort(out->introduced, out->nintroduced, sizeof(size_t), cmp_size);
        qsort(out->resolved, out->nresolved, sizeof(size_t), cmp_size);
        /* persisting: in new order, each with its old partner */
        size_t np = out->npersisting;
        size_t(*pp)[2] = xmalloc((np + 1) * sizeof *pp);
        for (size_t a = 0; a < np; a++)
            pp[a][0] = out->persisting[a], pp[a][1] = out->persisting_old[a];
        qsort(pp, np, sizeof *pp, cmp_size); /* by the first member: new index */
        for (size_t a = 0; a < np; a++)
            out->persisting[a] = pp[a][0], out->persisting_old[a] = pp[a][1];
        free(pp);
    }
    for (size_t k = 0; k < mo; k++)
        free(ko[k].key);
    for (size_t k = 0; k < mn; k++)
        free(kn[k].key);
    free(ko);
    free(kn);
    free(ix);
    if (rc)
        diff_findings_free(out);
    return rc;
}

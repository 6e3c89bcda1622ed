/* diff_findings.c — findings introduced, resolved and persisting
 * (diff_findings.h). */
#include "diff_findings.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "wdiff.h"

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
    free(r->moved);
    memset(r, 0, sizeof *r);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* ---- moved findings -------------------------------------------------- */

/* The part of a key before the match: rule \x1f section \x1f. */
static size_t key_prefix(const char *k)
{
    const char *p = strchr(k, '\x1f');
    p = p ? strchr(p + 1, '\x1f') : NULL;
    return p ? (size_t)(p - k) + 1 : strlen(k);
}

static double text_sim(const char *x, const char *y)
{
    if (!x || !y || !*x || !*y)
        return 0.0;
    wdiff_text a, b;
    cps_err e;
    cps_err_clear(&e);
    if (wdiff_text_init(&a, x, strlen(x), &e))
        return 0.0;
    double s = 0.0;
    if (!wdiff_text_init(&b, y, strlen(y), &e)) {
        s = wdiff_similarity(&a, &b);
        wdiff_text_free(&b);
    }
    wdiff_text_free(&a);
    return s;
}

/* How alike two findings' matches are (their quotes when neither has a
 * match); 0 when the quote is the same sentence (a changed value in place
 * is a resolved and an introduced finding, not a move). */
static double finding_sim(const diff_finding *a, const diff_finding *b)
{
    int ma = a->match && *a->match, mb = b->match && *b->match;
    if (ma != mb)
        return 0.0;
    if (a->snippet && b->snippet && ma && text_sim(a->snippet, b->snippet) >= 1.0)
        return 0.0;
    return ma ? text_sim(a->match, b->match) : text_sim(a->snippet, b->snippet);
}

typedef struct mcand {
    double sim;
    size_t r, i;      /* positions in the resolved and introduced lists */
} mcand;

static int mcand_cmp(const void *x, const void *y)
{
    const mcand *a = x, *b = y;
    if (a->sim != b->sim)
        return a->sim > b->sim ? -1 : 1;
    if (a->r != b->r)
        return a->r < b->r ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* One group (same rule and section): gr[0..nr) resolved and gi[0..ni)
 * introduced findings (idx: their positions in out's lists), paired most
 * similar first. */
static void moved_group(const diff_finding *old_f, const diff_finding *new_f,
                        const fkey *gr, size_t nr, const fkey *gi, size_t ni,
                        unsigned char *rdone, unsigned char *idone, diff_findings_result *out)
{
    if (!nr || !ni || nr * ni > DIFF_MOVED_BUDGET)
        return;
    mcand *c = xmalloc(nr * ni * sizeof *c);
    size_t nc = 0;
    for (size_t r = 0; r < nr; r++)
        for (size_t i = 0; i < ni; i++) {
            double s = finding_sim(&old_f[out->resolved[gr[r].idx]],
                                   &new_f[out->introduced[gi[i].idx]]);
            if (s >= DIFF_MOVED_MIN)
                c[nc++] = (mcand){s, gr[r].idx, gi[i].idx};
        }
    qsort(c, nc, sizeof *c, mcand_cmp);
    for (size_t k = 0; k < nc; k++) {
        if (rdone[c[k].r] || idone[c[k].i])
            continue;
        rdone[c[k].r] = idone[c[k].i] = 1;
        out->persisting[out->npersisting] = out->introduced[c[k].i];
        out->persisting_old[out->npersisting] = out->resolved[c[k].r];
        out->moved[out->npersisting++] = 1;
        out->nmoved++;
    }
    free(c);
}

/* Drop the entries of list[0..*n) marked done. */
static void compact(size_t *list, size_t *n, const unsigned char *done)
{
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (!done[i])
            list[k++] = list[i];
    *n = k;
}

/* The resolved and introduced findings (out's lists) that are one moved
 * finding. okey/nkey: the key of each old and new finding. */
static void pair_moved(const diff_finding *old_f, const diff_finding *new_f, char **okey,
                       char **nkey, diff_findings_result *out)
{
    size_t nr = out->nresolved, ni = out->nintroduced;
    if (!nr || !ni)
        return;
    /* each list sorted by key prefix (idx: the position in out's list) */
    fkey *r = xmalloc(nr * sizeof *r), *in = xmalloc(ni * sizeof *in);
    for (size_t k = 0; k < nr; k++) {
        const char *key = okey[out->resolved[k]];
        r[k] = (fkey){xstrndup(key, key_prefix(key)), k};
    }
    for (size_t k = 0; k < ni; k++) {
        const char *key = nkey[out->introduced[k]];
        in[k] = (fkey){xstrndup(key, key_prefix(key)), k};
    }
    qsort(r, nr, sizeof *r, fkey_cmp);
    qsort(in, ni, sizeof *in, fkey_cmp);
    unsigned char *rdone = xcalloc(nr, 1), *idone = xcalloc(ni, 1);
    for (size_t a = 0, b = 0; a < nr && b < ni;) {
        int c = strcmp(r[a].key, in[b].key);
        if (c) {
            if (c < 0)
                a++;
            else
                b++;
            continue;
        }
        size_t a1 = a, b1 = b;
        while (a1 < nr && !strcmp(r[a1].key, r[a].key))
            a1++;
        while (b1 < ni && !strcmp(in[b1].key, in[b].key))
            b1++;
        moved_group(old_f, new_f, r + a, a1 - a, in + b, b1 - b, rdone, idone, out);
        a = a1, b = b1;
    }
    compact(out->resolved, &out->nresolved, rdone);
    compact(out->introduced, &out->nintroduced, idone);
    for (size_t k = 0; k < nr; k++)
        free(r[k].key);
    for (size_t k = 0; k < ni; k++)
        free(in[k].key);
    free(r);
    free(in);
    free(rdone);
    free(idone);
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
        out->moved = xcalloc(nnew + 1, 1);
        out->resolved = xmalloc((nold + 1) * sizeof *out->resolved);
        size_t i = 0, j = 0;
        while (i < nold || j < nnew) {
            int c = i >= nold ? 1 : j >= nnew ? -1 : strcmp(ko[i].key, kn[j].key);
            if (c < 0) {
                out->resolved[out->nresolved++] = ko[i++].idx;
            } else if (c > 0) {
                out->introduced[out->nintroduced++] = kn[j++].idx;
            } else {
                /* the same match in another sentence: moved */
                const diff_finding *a = &old_f[ko[i].idx], *b = &new_f[kn[j].idx];
                int moved = a->snippet && b->snippet && *a->snippet && *b->snippet &&
                            text_sim(a->snippet, b->snippet) < 1.0;
                out->moved[out->npersisting] = (unsigned char)moved;
                out->nmoved += (size_t)moved;
                out->persisting[out->npersisting] = kn[j++].idx;
                out->persisting_old[out->npersisting++] = ko[i++].idx;
            }
        }
        qsort(out->introduced, out->nintroduced, sizeof(size_t), cmp_size);
        qsort(out->resolved, out->nresolved, sizeof(size_t), cmp_size);
        char **okey = xcalloc(nold + 1, sizeof *okey), **nkey = xcalloc(nnew + 1, sizeof *nkey);
        for (size_t k = 0; k < nold; k++)
            okey[ko[k].idx] = ko[k].key;
        for (size_t k = 0; k < nnew; k++)
            nkey[kn[k].idx] = kn[k].key;
        pair_moved(old_f, new_f, okey, nkey, out);
        free(okey);
        free(nkey);
        /* persisting: in new order, each with its old partner */
        size_t np = out->npersisting;
        size_t(*pp)[3] = xmalloc((np + 1) * sizeof *pp);
        for (size_t a = 0; a < np; a++)
            pp[a][0] = out->persisting[a], pp[a][1] = out->persisting_old[a],
            pp[a][2] = out->moved[a];
        qsort(pp, np, sizeof *pp, cmp_size); /* by the first member: new index */
        for (size_t a = 0; a < np; a++)
            out->persisting[a] = pp[a][0], out->persisting_old[a] = pp[a][1],
            out->moved[a] = (unsigned char)pp[a][2];
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

/* diff.c — version checks, section alignment with renumbering, findings
 * delta. */
#include "diff.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* ---- 1. version, date, revision table ---------------------------------- */

/* Components of the first number in s: "v2.4" -> {2, 4}. Returns the count
 * (at most max), 0 if s holds no digit. */
static size_t version_parts(const char *s, unsigned long *part, size_t max)
{
    if (!s)
        return 0;
    while (*s && !isdigit((unsigned char)*s))
        s++;
    size_t n = 0;
    while (*s && isdigit((unsigned char)*s) && n < max) {
        unsigned long v = 0;
        while (isdigit((unsigned char)*s)) {
            if (v < 100000000UL)
                v = v * 10 + (unsigned long)(*s - '0');
            s++;
        }
        part[n++] = v;
        if (*s == '.' && isdigit((unsigned char)s[1]))
            s++;
        else
            break;
    }
    return n;
}

int diff_version_cmp(const char *a, const char *b)
{
    unsigned long pa[16], pb[16];
    size_t na = version_parts(a, pa, 16), nb = version_parts(b, pb, 16);
    if (!na || !nb)
        return 2;
    size_t n = na > nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        unsigned long x = i < na ? pa[i] : 0, y = i < nb ? pb[i] : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

static int same_version(const char *a, const char *b)
{
    if (!a || !b)
        return !a && !b;
    int c = diff_version_cmp(a, b);
    return c == 2 ? strcmp(a, b) == 0 : c == 0;
}

void diff_versions(const doc_meta *old_m, const doc_meta *new_m, diff_versions_result *out)
{
    memset(out, 0, sizeof *out);
    out->old_version = old_m->version;
    out->new_version = new_m->version;
    out->old_date = old_m->date;
    out->new_date = new_m->date;
    out->version_cmp = diff_version_cmp(old_m->version, new_m->version);
    if (out->version_cmp != 2)
        out->version_cmp = -out->version_cmp; /* new relative to old */
    out->version_incremented = out->version_cmp == 1;
    out->date_advanced = old_m->date != DATE_NONE && new_m->date != DATE_NONE &&
                         new_m->date > old_m->date;
    out->new_has_table = new_m->revision_table != 0 || new_m->nrevs > 0;
    /* A dated row of the new table that the old table does not have and that
     * is newer than the old version (by date, else by version number). */
    for (size_t i = 0; i < new_m->nrevs; i++) {
        const revision *r = &new_m->revs[i];
        if (r->date == DATE_NONE)
            continue;
        int known = 0;
        for (size_t j = 0; j < old_m->nrevs && !known; j++)
            known = old_m->revs[j].date == r->date &&
                    same_version(old_m->revs[j].version, r->version);
        if (known)
            continue;
        int newer;
        if (old_m->date != DATE_NONE)
            newer = r->date > old_m->date;
        else if (r->version && old_m->version && diff_version_cmp(r->version, old_m->version) != 2)
            newer = diff_version_cmp(r->version, old_m->version) > 0;
        else
            newer = 1;
        if (!newer)
            continue;
        if (!out->new_row || r->date >= out->new_row->date)
            out->new_row = r;
    }
    out->changelog_entry_added = out->new_row != NULL;
}

/* ---- 2. sections -------------------------------------------------------- */

const char *diff_kind_name(diff_kind k)
{
    switch (k) {
    case DIFF_UNCHANGED: return "unchanged";
    case DIFF_CHANGED: return "changed";
    case DIFF_ADDED: return "added";
    case DIFF_REMOVED: return "removed";
    case DIFF_RENUMBERED: return "renumbered";
    }
    return "?";
}

static int build_sides(const analysis *a, diff_side **out, size_t *n, cps_err *e)
{
    size_t cnt = 0;
    for (size_t i = 0; i < a->o.n; i++)
        cnt += a->o.secs[i].status != SEC_MISSING;
    diff_side *s = xcalloc(cnt ? cnt : 1, sizeof *s);
    *out = s;
    *n = 0;
    buf b = BUF_INIT;
    for (size_t i = 0; i < a->o.n; i++) {
        const section *sec = &a->o.secs[i];
        if (sec->status == SEC_MISSING)
            continue;
        buf_truncate(&b, 0);
        if (sec->heading)
            buf_puts(&b, sec->heading);
        for (size_t k = sec->body_start; k < sec->body_end && k < a->d.nblocks; k++) {
            if (a->o.roles && a->o.roles[k] == ROLE_TOC)
                continue;
            buf_putc(&b, '\n');
            buf_put(&b, a->d.blocks[k].text, a->d.blocks[k].len);
        }
        diff_side *d = &s[(*n)++];
        d->sec = sec;
        d->paired = -1;
        size_t len = b.len;
        d->display = b.ptr ? buf_detach(&b) : xstrdup("");
        int rc = wdiff_text_init(&d->text, d->display, len, e);
        if (rc) {
            buf_free(&b);
            return rc;
        }
    }
    buf_free(&b);
    return 0;
}

static void free_sides(diff_side *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        wdiff_text_free(&s[i].text);
        free(s[i].display);
    }
    free(s);
}

void diff_result_free(diff_result *r)
{
    for (size_t i = 0; i < r->npairs; i++)
        wdiff_result_free(&r->pairs[i].wd);
    free(r->pairs);
    free_sides(r->old, r->nold);
    free_sides(r->new, r->nnew);
    memset(r, 0, sizeof *r);
}

typedef struct cand {
    double sim;
    size_t o, n;
    size_t dist;
} cand;

static int cand_cmp(const void *p, const void *q)
{
    const cand *a = p, *b = q;
    if (a->sim != b->sim)
        return a->sim > b->sim ? -1 : 1;
    if (a->dist != b->dist)
        return a->dist < b->dist ? -1 : 1;
    if (a->o != b->o)
        return a->o < b->o ? -1 : 1;
    return a->n < b->n ? -1 : a->n > b->n;
}

typedef struct link {
    int kind;      /* 0 none, 1 by number, 2 renumbered */
    size_t other;
    double sim;
} link;

/* qsort has no context argument: sort indexes with the result in a small
 * struct array instead. */
typedef struct pkey {
    const char *number;
    int removed;
    size_t ord;
    diff_pair p;
} pkey;

static int pkey_cmp(const void *x, const void *y)
{
    const pkey *a = x, *b = y;
    int c = outline_number_cmp(a->number, b->number);
    if (c)
        return c;
    if (a->removed != b->removed)
        return a->removed ? -1 : 1;
    return a->ord < b->ord ? -1 : a->ord > b->ord;
}

int diff_sections(const analysis *old_a, const analysis *new_a, const diff_opts *opts,
                  diff_result *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    double min_sim = opts && opts->renumber_min > 0 ? opts->renumber_min : DIFF_RENUMBER_MIN;
    wdiff_opts wo = {opts ? opts->budget : 0};
    int rc = build_sides(old_a, &out->old, &out->nold, e);
    if (!rc)
        rc = build_sides(new_a, &out->new, &out->nnew, e);
    if (rc) {
        diff_result_free(out);
        return rc;
    }
    size_t no = out->nold, nn = out->nnew;
    link *lo = xcalloc(no + 1, sizeof *lo), *ln = xcalloc(nn + 1, sizeof *ln);

    /* pair by number (outlines are sorted by number; duplicates in order) */
    for (size_t i = 0, j = 0; i < no && j < nn;) {
        int c = outline_number_cmp(out->old[i].sec->number, out->new[j].sec->number);
        if (c < 0) {
            i++;
        } else if (c > 0) {
            j++;
        } else {
            double sim = wdiff_text_equal(&out->old[i].text, &out->new[j].text)
                             ? 1.0
                             : wdiff_similarity(&out->old[i].text, &out->new[j].text);
            lo[i] = (link){1, j, sim};
            ln[j] = (link){1, i, sim};
            i++, j++;
        }
    }

    /* renumbering: sections without a pair, or with a weak one, matched to a
     * section of another number that is closer than their current pair */
    size_t *po = xmalloc((no + 1) * sizeof *po), *pn = xmalloc((nn + 1) * sizeof *pn);
    size_t npo = 0, npn = 0;
    for (size_t i = 0; i < no; i++)
        if (lo[i].kind == 0 || lo[i].sim < min_sim)
            po[npo++] = i;
    for (size_t j = 0; j < nn; j++)
        if (ln[j].kind == 0 || ln[j].sim < min_sim)
            pn[npn++] = j;
    if (npo && npn) {
        uint64_t **so = xcalloc(npo, sizeof *so), **sn = xcalloc(npn, sizeof *sn);
        size_t *cno = xcalloc(npo, sizeof *cno), *cnn = xcalloc(npn, sizeof *cnn);
        for (size_t i = 0; i < npo; i++)
            so[i] = wdiff_word_set(&out->old[po[i]].text, &cno[i]);
        for (size_t j = 0; j < npn; j++)
            sn[j] = wdiff_word_set(&out->new[pn[j]].text, &cnn[j]);
        cand *cs = NULL;
        size_t ncs = 0, ccap = 0;
        for (size_t i = 0; i < npo; i++) {
            for (size_t j = 0; j < npn; j++) {
                size_t a = cno[i], b = cnn[j];
                if (!a || !b || (double)(a < b ? a : b) < min_sim * (double)(a > b ? a : b))
                    continue; /* Jaccard <= min/max: cannot reach the threshold */
                if (!strcmp(out->old[po[i]].sec->number, out->new[pn[j]].sec->number))
                    continue;
                double sim = wdiff_set_similarity(so[i], a, sn[j], b);
                if (sim < min_sim)
                    continue;
                if (ncs == ccap) {
                    ccap = ccap ? 2 * ccap : 32;
                    cs = xrealloc(cs, ccap * sizeof *cs);
                }
                size_t d = po[i] > pn[j] ? po[i] - pn[j] : pn[j] - po[i];
                cs[ncs++] = (cand){sim, po[i], pn[j], d};
            }
        }
        if (ncs)
            qsort(cs, ncs, sizeof *cs, cand_cmp);
        for (size_t k = 0; k < ncs; k++) {
            size_t i = cs[k].o, j = cs[k].n;
            if (lo[i].kind == 2 || ln[j].kind == 2)
                continue;
            if ((lo[i].kind == 1 && lo[i].sim >= cs[k].sim) ||
                (ln[j].kind == 1 && ln[j].sim >= cs[k].sim))
                continue;
            if (lo[i].kind == 1)
                ln[lo[i].other].kind = 0;
            if (ln[j].kind == 1)
                lo[ln[j].other].kind = 0;
            lo[i] = (link){2, j, cs[k].sim};
            ln[j] = (link){2, i, cs[k].sim};
        }
        for (size_t i = 0; i < npo; i++)
            free(so[i]);
        for (size_t j = 0; j < npn; j++)
            free(sn[j]);
        free(so);
        free(sn);
        free(cno);
        free(cnn);
        free(cs);
    }
    free(po);
    free(pn);

    /* the pairs, in number order */
    pkey *keys = xcalloc(no + nn + 1, sizeof *keys);
    size_t nk = 0;
    for (size_t j = 0; j < nn; j++) {
        diff_pair p = {DIFF_ADDED, -1, (int)j, 0.0, 0, {0}};
        if (ln[j].kind) {
            size_t i = ln[j].other;
            p.old_i = (int)i;
            p.similarity = ln[j].sim;
            p.text_changed = !wdiff_text_equal(&out->old[i].text, &out->new[j].text);
            p.kind = ln[j].kind == 2 ? DIFF_RENUMBERED
                     : p.text_changed ? DIFF_CHANGED
                                      : DIFF_UNCHANGED;
            if (p.text_changed) {
                wdiff_run(&out->old[i].text, &out->new[j].text, &wo, &p.wd);
                out->gave_up |= p.wd.gave_up;
            }
        }
        keys[nk++] = (pkey){out->new[j].sec->number, 0, j, p};
    }
    for (size_t i = 0; i < no; i++) {
        if (lo[i].kind)
            continue;
        diff_pair p = {DIFF_REMOVED, (int)i, -1, 0.0, 0, {0}};
        keys[nk++] = (pkey){out->old[i].sec->number, 1, i, p};
    }
    qsort(keys, nk, sizeof *keys, pkey_cmp);
    out->pairs = xcalloc(nk + 1, sizeof *out->pairs);
    for (size_t k = 0; k < nk; k++) {
        out->pairs[out->npairs] = keys[k].p;
        const diff_pair *p = &out->pairs[out->npairs];
        if (p->old_i >= 0)
            out->old[p->old_i].paired = (int)out->npairs;
        if (p->new_i >= 0)
            out->new[p->new_i].paired = (int)out->npairs;
        out->npairs++;
        switch (p->kind) {
        case DIFF_UNCHANGED: out->unchanged++; break;
        case DIFF_CHANGED: out->changed++; break;
        case DIFF_ADDED: out->added++; break;
        case DIFF_REMOVED: out->removed++; break;
        case DIFF_RENUMBERED: out->renumbered++; break;
        }
    }
    free(keys);
    free(lo);
    free(ln);
    return 0;
}

const char *diff_new_number(const diff_result *r, const char *old_number)
{
    if (!r || !old_number)
        return NULL;
    for (size_t i = 0; i < r->nold; i++) {
        if (strcmp(r->old[i].sec->number, old_number))
            continue;
        int k = r->old[i].paired;
        if (k < 0 || r->pairs[k].new_i < 0)
            return NULL;
        return r->new[r->pairs[k].new_i].sec->number;
    }
    return NULL;
}

/* ---- 3. findings delta -------------------------------------------------- */

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
    for (; mo < nold && !rc; mo++) {
        const char *sec = old_f[mo].section;
        if (sections && sec && *sec) {
            const char *to = diff_new_number(sections, sec);
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
    if (rc)
        diff_findings_free(out);
    return rc;
}

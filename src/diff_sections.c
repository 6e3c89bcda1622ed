/* diff_sections.c — section alignment with renumbering and word diffs
 * (diff_sections.h). */
#include "diff_sections.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

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

/* The parts of a side's prose (heading, blocks) with their lines. */
static void part_add(diff_side *d, size_t *cap, size_t off, long line, int page)
{
    if (d->nparts == *cap) {
        *cap = *cap ? 2 * *cap : 8;
        d->part_off = xrealloc(d->part_off, *cap * sizeof *d->part_off);
        d->part_line = xrealloc(d->part_line, *cap * sizeof *d->part_line);
        d->part_page = xrealloc(d->part_page, *cap * sizeof *d->part_page);
    }
    d->part_off[d->nparts] = off;
    d->part_line[d->nparts] = line;
    d->part_page[d->nparts++] = page;
}

static int same_cell(const doc_block *x, const doc_block *y)
{
    return (y->table > 0 || y->kind == BLOCK_TABLE_CELL) && x->table == y->table &&
           x->row == y->row && x->col == y->col;
}

/* One section: its display (all its text), its prose with the line of each
 * part, its table rows. */
static int build_side(const analysis *a, const section *sec, diff_side *d, buf *b, buf *p,
                      cps_err *e)
{
    d->sec = sec;
    d->paired = -1;
    buf_truncate(b, 0);
    buf_truncate(p, 0);
    size_t pcap = 0, rcap = 0;
    int last_table = 0, last_row = -1, tables = 0, rc = 0;
    buf cell = BUF_INIT;
    part_add(d, &pcap, 0, sec->line, sec->page);
    if (sec->heading) {
        buf_puts(b, sec->heading);
        buf_puts(p, sec->heading);
    }
    for (size_t k = sec->body_start; k < sec->body_end && k < a->d.nblocks && !rc; k++) {
        if (a->o.roles && a->o.roles[k] == ROLE_TOC)
            continue;
        const doc_block *x = &a->d.blocks[k];
        buf_putc(b, '\n');
        buf_put(b, x->text, x->len);
        if (x->table > 0 || x->kind == BLOCK_TABLE_CELL) {
            /* the blocks of one cell together (a cell with many line breaks
             * is one cell, folded once) */
            buf_truncate(&cell, 0);
            buf_put(&cell, x->text, x->len);
            while (k + 1 < sec->body_end && k + 1 < a->d.nblocks &&
                   same_cell(x, &a->d.blocks[k + 1]) &&
                   !(a->o.roles && a->o.roles[k + 1] == ROLE_TOC)) {
                const doc_block *y = &a->d.blocks[++k];
                buf_putc(b, '\n');
                buf_put(b, y->text, y->len);
                buf_putc(&cell, ' ');
                buf_put(&cell, y->text, y->len);
            }
            rc = diff_rows_add(&d->rows, &d->nrows, &rcap, x->table, x->row, x->col,
                               buf_cstr(&cell), cell.len, x->line, x->page, &last_table,
                               &last_row, &tables, e);
            continue;
        }
        buf_putc(p, '\n');
        part_add(d, &pcap, p->len, x->line, x->page);
        buf_put(p, x->text, x->len);
    }
    buf_free(&cell);
    size_t len = b->len;
    d->display = b->ptr ? buf_detach(b) : xstrdup("");
    if (!rc)
        rc = wdiff_text_init(&d->text, d->display, len, e);
    if (!rc && d->nrows) {
        len = p->len;
        d->prose_display = p->ptr ? buf_detach(p) : xstrdup("");
        rc = wdiff_text_init(&d->prose, d->prose_display, len, e);
    }
    return rc;
}

static int build_sides(const analysis *a, diff_side **out, size_t *n, cps_err *e)
{
    size_t cnt = 0;
    for (size_t i = 0; i < a->o.n; i++)
        cnt += a->o.secs[i].status != SEC_MISSING;
    diff_side *s = xcalloc(cnt ? cnt : 1, sizeof *s);
    *out = s;
    *n = 0;
    buf b = BUF_INIT, p = BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < a->o.n && !rc; i++)
        if (a->o.secs[i].status != SEC_MISSING)
            rc = build_side(a, &a->o.secs[i], &s[(*n)++], &b, &p, e);
    buf_free(&b);
    buf_free(&p);
    return rc;
}

static void free_sides(diff_side *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        wdiff_text_free(&s[i].text);
        free(s[i].display);
        if (s[i].prose_display)
            wdiff_text_free(&s[i].prose);
        free(s[i].prose_display);
        free(s[i].part_off);
        free(s[i].part_line);
        free(s[i].part_page);
        diff_rows_free(s[i].rows, s[i].nrows);
    }
    free(s);
}

const wdiff_text *diff_side_prose(const diff_side *s)
{
    return s->prose_display ? &s->prose : &s->text;
}

long diff_side_line(const diff_side *s, size_t w, int *page)
{
    const wdiff_text *t = diff_side_prose(s);
    size_t k = 0;
    if (w >= t->n && t->n) /* past the end: where the text ends */
        w = t->n - 1;
    if (w < t->n) {
        size_t off = t->w[w].dstart, lo = 0, hi = s->nparts;
        while (lo < hi) { /* the last part starting at or before off */
            size_t m = lo + (hi - lo) / 2;
            if (s->part_off[m] <= off)
                lo = m + 1;
            else
                hi = m;
        }
        k = lo ? lo - 1 : 0;
    }
    if (page)
        *page = s->nparts ? s->part_page[k] : 0;
    return s->nparts ? s->part_line[k] : 0;
}

void diff_result_free(diff_result *r)
{
    for (size_t i = 0; i < r->npairs; i++) {
        wdiff_result_free(&r->pairs[i].wd);
        free(r->pairs[i].rows);
    }
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

/* ---- renumbering ----
 *
 * Candidates are pairs (old i, new j) of sections left unpaired or weakly
 * paired by number, of different numbers, whose word sets have a Jaccard
 * similarity >= min; they are accepted greedily in cand_cmp order (most
 * similar first, then nearest in outline position) when both are free and
 * closer than their pairs by number. Comparing every pair is quadratic in
 * time, and keeping every candidate quadratic in memory, so:
 *
 * 1. identical word sets (similarity 1, the head of the order) are found
 *    by a hash of the set, the RENUMBER_TOPK nearest new sections for each
 *    old one, and accepted first: a renumbered chapter costs n log n;
 * 2. for the sections still free, candidates come from prefix filtering
 *    (Bayardo, Ma, Srikant, "Scaling up all pairs similarity search",
 *    WWW 2007): with words ordered rarest first, two sets of Jaccard >= t
 *    share a word among the first |x| - ceil(t |x|) + 1 words of each, so
 *    only pairs sharing such a word (an inverted index on the new
 *    sections' prefixes) are compared. Exact: no pair above the threshold
 *    is missed.
 *
 * Each old section keeps its RENUMBER_TOPK best candidates (memory linear
 * in the sections). Comparisons are counted (postings visited plus set
 * sizes merged) against a budget (about half a second); when it runs out, the old sections not
 * reached are not compared and r->renumber_skipped counts them. */
#define RENUMBER_TOPK 16
#define RENUMBER_WALK_MAX (4 * RENUMBER_TOPK)

typedef struct rset {
    uint64_t *h;   /* sorted distinct word hashes */
    size_t n;
    uint64_t sig;  /* hash of the whole set */
} rset;

static uint64_t set_sig(const uint64_t *h, size_t n)
{
    uint64_t s = 1469598103934665603ULL ^ (uint64_t)n;
    for (size_t i = 0; i < n; i++) {
        s ^= h[i];
        s *= 1099511628211ULL;
        s ^= s >> 31;
    }
    return s;
}

static void greedy(cand *cs, size_t ncs, link *lo, link *ln)
{
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
}

typedef struct cands {
    cand *v;
    size_t n, cap;
} cands;

static void cands_push(cands *c, cand x)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->v = xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = x;
}

/* The best RENUMBER_TOPK of one old section's candidates, appended to all. */
static void keep_best(cands *one, cands *all)
{
    if (one->n > RENUMBER_TOPK) {
        qsort(one->v, one->n, sizeof *one->v, cand_cmp);
        one->n = RENUMBER_TOPK;
    }
    for (size_t k = 0; k < one->n; k++)
        cands_push(all, one->v[k]);
    one->n = 0;
}

typedef struct skey {
    uint64_t sig;
    size_t n;      /* set size */
    size_t side;   /* index in diff_result.new */
    size_t j;      /* index in the pass's arrays */
} skey;

static int skey_cmp(const void *x, const void *y)
{
    const skey *a = x, *b = y;
    if (a->sig != b->sig)
        return a->sig < b->sig ? -1 : 1;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    return a->side < b->side ? -1 : a->side > b->side;
}

static size_t dist_of(size_t a, size_t b)
{
    return a > b ? a - b : b - a;
}

/* Pass 1: identical word sets. */
static void renumber_identical(const diff_result *r, link *lo, link *ln, const size_t *po,
                               const rset *so, size_t npo, const size_t *pn, const rset *sn,
                               size_t npn)
{
    skey *k = xmalloc((npn + 1) * sizeof *k);
    for (size_t j = 0; j < npn; j++)
        k[j] = (skey){sn[j].sig, sn[j].n, pn[j], j};
    qsort(k, npn, sizeof *k, skey_cmp);
    cands all = {0}, one = {0};
    for (size_t i = 0; i < npo; i++) {
        if (!so[i].n)
            continue;
        /* the group of (sig, n), sorted by side; p: the first at or after po[i] */
        skey want = {so[i].sig, so[i].n, po[i], 0};
        size_t lo_ = 0, hi = npn;
        while (lo_ < hi) {
            size_t m = lo_ + (hi - lo_) / 2;
            if (skey_cmp(&k[m], &want) < 0)
                lo_ = m + 1;
            else
                hi = m;
        }
        size_t p = lo_;
        size_t L = p, R = p, found = 0;
        for (int steps = 0; found < RENUMBER_TOPK && steps < RENUMBER_WALK_MAX; steps++) {
            int lok = L > 0 && k[L - 1].sig == so[i].sig && k[L - 1].n == so[i].n;
            int rok = R < npn && k[R].sig == so[i].sig && k[R].n == so[i].n;
            if (!lok && !rok)
                break;
            size_t x;
            if (lok && (!rok || dist_of(po[i], k[L - 1].side) <= dist_of(po[i], k[R].side)))
                x = --L;
            else
                x = R++;
            size_t j = k[x].j;
            if (memcmp(so[i].h, sn[j].h, so[i].n * sizeof *so[i].h) != 0 ||
                !strcmp(r->old[po[i]].sec->number, r->new[pn[j]].sec->number))
                continue;
            cands_push(&one, (cand){1.0, po[i], pn[j], dist_of(po[i], pn[j])});
            found++;
        }
        keep_best(&one, &all);
    }
    greedy(all.v, all.n, lo, ln);
    free(all.v);
    free(one.v);
    free(k);
}

typedef struct tok {
    uint64_t h;
    size_t count;
} tok;

static int tok_hash_cmp(const void *x, const void *y)
{
    const tok *a = x, *b = y;
    return a->h < b->h ? -1 : a->h > b->h;
}

static int tok_rare_cmp(const void *x, const void *y)
{
    const tok *a = x, *b = y;
    if (a->count != b->count)
        return a->count < b->count ? -1 : 1;
    return a->h < b->h ? -1 : a->h > b->h;
}

static int cmp_sz(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Index of h in the sorted toks (present). */
static size_t tok_find(const tok *t, size_t n, uint64_t h)
{
    size_t lo_ = 0, hi = n;
    while (lo_ < hi) {
        size_t m = lo_ + (hi - lo_) / 2;
        if (t[m].h < h)
            lo_ = m + 1;
        else
            hi = m;
    }
    return lo_;
}

/* Prefix length of a set of n words for threshold t (see above); the
 * slack keeps it long enough under floating-point rounding. */
static size_t prefix_len(size_t n, double t)
{
    double a = ceil(t * (double)n - 1e-6);
    if (a < 1)
        a = 1;
    if (a > (double)n)
        return 1;
    return n - (size_t)a + 1;
}

/* Ranks (rarest first) of each set's words, sorted: rk[off[s]..off[s+1]). */
static void rank_sets(const rset *const *sets, size_t nsets, const tok *t, size_t nt,
                      const size_t *rank, size_t **rk_out, size_t **off_out)
{
    size_t *off = xmalloc((nsets + 1) * sizeof *off);
    off[0] = 0;
    for (size_t s = 0; s < nsets; s++)
        off[s + 1] = off[s] + sets[s]->n;
    size_t *rk = xmalloc((off[nsets] + 1) * sizeof *rk);
    for (size_t s = 0; s < nsets; s++) {
        for (size_t w = 0; w < sets[s]->n; w++)
            rk[off[s] + w] = rank[tok_find(t, nt, sets[s]->h[w])];
        qsort(rk + off[s], sets[s]->n, sizeof *rk, cmp_sz);
    }
    *rk_out = rk;
    *off_out = off;
}

/* Pass 2: prefix filtering over the sections still free. Returns the
 * number of old sections the budget left uncompared. */
static size_t renumber_similar(const diff_result *r, link *lo, link *ln, const size_t *po,
                               const rset *so, size_t npo, const size_t *pn, const rset *sn,
                               size_t npn, double min_sim, unsigned long long budget)
{
    /* the sections still free */
    size_t *io = xmalloc((npo + 1) * sizeof *io), *jn = xmalloc((npn + 1) * sizeof *jn);
    size_t no = 0, nn = 0;
    for (size_t i = 0; i < npo; i++)
        if (lo[po[i]].kind != 2 && so[i].n)
            io[no++] = i;
    for (size_t j = 0; j < npn; j++)
        if (ln[pn[j]].kind != 2 && sn[j].n)
            jn[nn++] = j;
    size_t skipped = 0;
    if (!no || !nn) {
        free(io);
        free(jn);
        return 0;
    }
    /* word frequencies over both sides; rank: rarest first */
    const rset **sets = xmalloc((no + nn) * sizeof *sets);
    size_t total = 0;
    for (size_t a = 0; a < no; a++)
        sets[a] = &so[io[a]], total += so[io[a]].n;
    for (size_t b = 0; b < nn; b++)
        sets[no + b] = &sn[jn[b]], total += sn[jn[b]].n;
    tok *t = xmalloc((total + 1) * sizeof *t);
    size_t nt = 0;
    for (size_t s = 0; s < no + nn; s++)
        for (size_t w = 0; w < sets[s]->n; w++)
            t[nt++] = (tok){sets[s]->h[w], 1};
    qsort(t, nt, sizeof *t, tok_hash_cmp);
    size_t u = 0;
    for (size_t x = 0; x < nt; x++) {
        if (u && t[u - 1].h == t[x].h)
            t[u - 1].count++;
        else
            t[u++] = t[x];
    }
    nt = u;
    tok *byrare = xmalloc((nt + 1) * sizeof *byrare);
    memcpy(byrare, t, nt * sizeof *t);
    qsort(byrare, nt, sizeof *byrare, tok_rare_cmp);
    size_t *rank = xmalloc((nt + 1) * sizeof *rank);
    for (size_t x = 0; x < nt; x++)
        rank[tok_find(t, nt, byrare[x].h)] = x;
    free(byrare);
    size_t *rk, *off;
    rank_sets(sets, no + nn, t, nt, rank, &rk, &off);
    free(rank);
    free(t);

    /* inverted index of the new sections' prefixes: rank -> new (b) */
    size_t *pstart = xcalloc(nt + 2, sizeof *pstart);
    for (size_t b = 0; b < nn; b++) {
        size_t s = no + b, pl = prefix_len(sets[s]->n, min_sim);
        for (size_t w = 0; w < pl; w++)
            pstart[rk[off[s] + w] + 1]++;
    }
    for (size_t x = 0; x < nt; x++)
        pstart[x + 1] += pstart[x];
    size_t *post = xmalloc((pstart[nt] + 1) * sizeof *post);
    size_t *fill = xmalloc((nt + 1) * sizeof *fill);
    memcpy(fill, pstart, nt * sizeof *fill);
    for (size_t b = 0; b < nn; b++) {
        size_t s = no + b, pl = prefix_len(sets[s]->n, min_sim);
        for (size_t w = 0; w < pl; w++)
            post[fill[rk[off[s] + w]]++] = b;
    }
    free(fill);

    size_t *stamp = xmalloc((nn + 1) * sizeof *stamp);
    for (size_t b = 0; b < nn; b++)
        stamp[b] = SIZE_MAX;
    cands all = {0}, one = {0};
    unsigned long long work = 0;
    for (size_t a = 0; a < no && !skipped; a++) {
        size_t i = io[a], pl = prefix_len(so[i].n, min_sim);
        for (size_t w = 0; w < pl && !skipped; w++) {
            size_t x = rk[off[a] + w];
            for (size_t q = pstart[x]; q < pstart[x + 1]; q++) {
                if (++work > budget) {
                    skipped = no - a;
                    break;
                }
                size_t b = post[q];
                if (stamp[b] == a)
                    continue;
                stamp[b] = a;
                size_t j = jn[b];
                size_t na = so[i].n, nb = sn[j].n;
                if ((double)(na < nb ? na : nb) < min_sim * (double)(na > nb ? na : nb))
                    continue; /* Jaccard <= min/max: cannot reach the threshold */
                if (!strcmp(r->old[po[i]].sec->number, r->new[pn[j]].sec->number))
                    continue;
                work += na + nb;
                double sim = wdiff_set_similarity(so[i].h, na, sn[j].h, nb);
                if (sim < min_sim)
                    continue;
                cands_push(&one, (cand){sim, po[i], pn[j], dist_of(po[i], pn[j])});
            }
        }
        keep_best(&one, &all);
    }
    greedy(all.v, all.n, lo, ln);
    free(all.v);
    free(one.v);
    free(stamp);
    free(post);
    free(pstart);
    free(rk);
    free(off);
    free(sets);
    free(io);
    free(jn);
    return skipped;
}

static size_t renumber(const diff_result *r, link *lo, link *ln, const size_t *po, size_t npo,
                       const size_t *pn, size_t npn, double min_sim, unsigned long long budget)
{
    rset *so = xcalloc(npo, sizeof *so), *sn = xcalloc(npn, sizeof *sn);
    for (size_t i = 0; i < npo; i++) {
        so[i].h = wdiff_word_set(&r->old[po[i]].text, &so[i].n);
        so[i].sig = set_sig(so[i].h, so[i].n);
    }
    for (size_t j = 0; j < npn; j++) {
        sn[j].h = wdiff_word_set(&r->new[pn[j]].text, &sn[j].n);
        sn[j].sig = set_sig(sn[j].h, sn[j].n);
    }
    if (min_sim <= 1.0)
        renumber_identical(r, lo, ln, po, so, npo, pn, sn, npn);
    size_t skipped = renumber_similar(r, lo, ln, po, so, npo, pn, sn, npn, min_sim, budget);
    for (size_t i = 0; i < npo; i++)
        free(so[i].h);
    for (size_t j = 0; j < npn; j++)
        free(sn[j].h);
    free(so);
    free(sn);
    return skipped;
}

/* A changed pair: the word diff of the prose, the table rows paired. */
static void compare_pair(const diff_side *o, const diff_side *n, const wdiff_opts *wo,
                         diff_pair *p)
{
    wdiff_run(diff_side_prose(o), diff_side_prose(n), wo, &p->wd);
    p->nrows = diff_rows_pair(o->rows, o->nrows, n->rows, n->nrows, &p->rows);
    for (size_t k = 0; k < p->nrows; k++)
        p->rows_changed += p->rows[k].kind != DIFF_ROW_SAME;
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
    if (npo && npn)
        out->renumber_skipped = renumber(out, lo, ln, po, npo, pn, npn, min_sim,
                 opts && opts->renumber_budget ? opts->renumber_budget : DIFF_RENUMBER_BUDGET);
    free(po);
    free(pn);

    /* the pairs, in number order */
    pkey *keys = xcalloc(no + nn + 1, sizeof *keys);
    size_t nk = 0;
    for (size_t j = 0; j < nn; j++) {
        diff_pair p = {DIFF_ADDED, -1, (int)j, 0.0, 0, {0}, NULL, 0, 0};
        if (ln[j].kind) {
            size_t i = ln[j].other;
            p.old_i = (int)i;
            p.similarity = ln[j].sim;
            p.text_changed = !wdiff_text_equal(&out->old[i].text, &out->new[j].text);
            p.kind = ln[j].kind == 2 ? DIFF_RENUMBERED
                     : p.text_changed ? DIFF_CHANGED
                                      : DIFF_UNCHANGED;
            if (p.text_changed)
                compare_pair(&out->old[i], &out->new[j], &wo, &p);
            out->gave_up |= p.wd.gave_up;
        }
        keys[nk++] = (pkey){out->new[j].sec->number, 0, j, p};
    }
    for (size_t i = 0; i < no; i++) {
        if (lo[i].kind)
            continue;
        diff_pair p = {DIFF_REMOVED, (int)i, -1, 0.0, 0, {0}, NULL, 0, 0};
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


const char *diff_new_number_at(const diff_result *r, size_t i)
{
    int k = r->old[i].paired;
    if (k < 0 || r->pairs[k].new_i < 0)
        return NULL;
    return r->new[r->pairs[k].new_i].sec->number;
}

const char *diff_new_number(const diff_result *r, const char *old_number)
{
    if (!r || !old_number)
        return NULL;
    for (size_t i = 0; i < r->nold; i++)
        if (!strcmp(r->old[i].sec->number, old_number))
            return diff_new_number_at(r, i);
    return NULL;
}


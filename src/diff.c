/* diff.c — version checks, section alignment with renumbering, findings
 * delta. */
#include "diff.h"

#include <ctype.h>
#include <math.h>
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

/* A key equal for two versions exactly when they are the same version
 * (both none; else numerically equal, diff_version_cmp, when both have a
 * number; else the same string):
 * "N" and the numeric components without trailing zeros, "S" and the
 * string when it has no number, "" for none. Malloc'd. */
static char *version_key(const char *v)
{
    if (!v)
        return xstrdup("");
    unsigned long part[16];
    size_t n = version_parts(v, part, 16);
    buf b = BUF_INIT;
    if (!n) {
        buf_putc(&b, 'S');
        buf_puts(&b, v);
    } else {
        while (n > 1 && part[n - 1] == 0)
            n--;
        buf_putc(&b, 'N');
        for (size_t i = 0; i < n; i++)
            buf_printf(&b, "%s%lu", i ? "." : "", part[i]);
    }
    return buf_detach(&b);
}

typedef struct revkey {
    cps_date date;
    char *key;
} revkey;

static int revkey_cmp(const void *x, const void *y)
{
    const revkey *a = x, *b = y;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return strcmp(a->key, b->key);
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
     * is newer than the old version (by date, else by version number). The
     * old rows are looked up sorted by (date, version key): tables of many
     * thousands of rows stay n log n. */
    revkey *ok = xmalloc((old_m->nrevs + 1) * sizeof *ok);
    for (size_t j = 0; j < old_m->nrevs; j++)
        ok[j] = (revkey){old_m->revs[j].date, version_key(old_m->revs[j].version)};
    qsort(ok, old_m->nrevs, sizeof *ok, revkey_cmp);
    for (size_t i = 0; i < new_m->nrevs; i++) {
        const revision *r = &new_m->revs[i];
        if (r->date == DATE_NONE)
            continue;
        revkey want = {r->date, version_key(r->version)};
        int known = old_m->nrevs &&
                    bsearch(&want, ok, old_m->nrevs, sizeof *ok, revkey_cmp) != NULL;
        free(want.key);
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
    for (size_t j = 0; j < old_m->nrevs; j++)
        free(ok[j].key);
    free(ok);
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

static const char *new_number_of(const diff_result *r, size_t i)
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
            return new_number_of(r, i);
    return NULL;
}

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
        return new_number_of(r, ix[lo].i);
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

/* wdiff.c — word diff: tokenising on the matching text, Myers' linear-space
 * O(ND) diff with a work budget, and display helpers. */
#include "wdiff.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* ---- tokenising ---------------------------------------------------------- */

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

int wdiff_text_init(wdiff_text *t, const char *display, size_t n, cps_err *e)
{
    memset(t, 0, sizeof *t);
    t->display = display;
    t->display_len = n;
    int rc = text_fold(display, n, &t->folded, e);
    if (rc)
        return rc;
    const char *s = t->folded.s;
    size_t len = t->folded.len, cap = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (t->n == cap) {
            cap = cap ? 2 * cap : 64;
            t->w = xrealloc(t->w, cap * sizeof *t->w);
        }
        wdiff_word *w = &t->w[t->n++];
        w->hash = fnv1a(s + i, j - i);
        w->fstart = i;
        w->flen = j - i;
        text_map_span(&t->folded, i, j, &w->dstart, &w->dend);
        i = j;
    }
    return 0;
}

void wdiff_text_free(wdiff_text *t)
{
    if (t->folded.s)
        text_map_free(&t->folded);
    free(t->w);
    memset(t, 0, sizeof *t);
}

static int word_eq(const wdiff_text *a, size_t i, const wdiff_text *b, size_t j)
{
    const wdiff_word *x = &a->w[i], *y = &b->w[j];
    return x->hash == y->hash && x->flen == y->flen &&
           memcmp(a->folded.s + x->fstart, b->folded.s + y->fstart, x->flen) == 0;
}

int wdiff_text_equal(const wdiff_text *a, const wdiff_text *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!word_eq(a, i, b, i))
            return 0;
    return 1;
}

static int cmp_u64(const void *p, const void *q)
{
    uint64_t x = *(const uint64_t *)p, y = *(const uint64_t *)q;
    return x < y ? -1 : x > y;
}

uint64_t *wdiff_word_set(const wdiff_text *t, size_t *n)
{
    uint64_t *h = xmalloc((t->n ? t->n : 1) * sizeof *h);
    for (size_t i = 0; i < t->n; i++)
        h[i] = t->w[i].hash;
    qsort(h, t->n, sizeof *h, cmp_u64);
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++)
        if (k == 0 || h[k - 1] != h[i])
            h[k++] = h[i];
    *n = k;
    return h;
}

double wdiff_set_similarity(const uint64_t *x, size_t na, const uint64_t *y, size_t nb)
{
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (x[i] == y[j])
            common++, i++, j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    size_t uni = na + nb - common;
    return uni ? (double)common / (double)uni : 1.0;
}

double wdiff_similarity(const wdiff_text *a, const wdiff_text *b)
{
    size_t na, nb;
    uint64_t *x = wdiff_word_set(a, &na), *y = wdiff_word_set(b, &nb);
    double s = wdiff_set_similarity(x, na, y, nb);
    free(x);
    free(y);
    return s;
}

/* ---- Myers O(ND), linear space ------------------------------------------- */

typedef struct wctx {
    const wdiff_text *a, *b;
    unsigned char *del, *ins;   /* per word of a / b: 1 if not in the LCS */
    long *v1, *v2;              /* furthest-reaching paths, forward and reverse */
    unsigned long long work, budget;
    int gave_up;
} wctx;

static void mark_all(wctx *c, size_t a0, size_t a1, size_t b0, size_t b1)
{
    if (a1 > a0)
        memset(c->del + a0, 1, a1 - a0);
    if (b1 > b0)
        memset(c->ins + b0, 1, b1 - b0);
}

static void compare(wctx *c, size_t a0, size_t a1, size_t b0, size_t b1);

/* Find where a shortest edit path of a[a0,a1) -> b[b0,b1) crosses the
 * middle (both ranges non-empty, first and last words differ), then diff
 * the two halves. Forward and reverse searches meet on a diagonal; the
 * split is the end of the forward snake there. */
static void bisect(wctx *c, size_t a0, size_t a1, size_t b0, size_t b1)
{
    const long n = (long)(a1 - a0), m = (long)(b1 - b0);
    const long max_d = (n + m + 1) / 2, off = max_d + 1, vlen = 2 * max_d + 3;
    long *v1 = c->v1, *v2 = c->v2;
    for (long i = 0; i < vlen; i++)
        v1[i] = v2[i] = -1;
    v1[off + 1] = 0;
    v2[off + 1] = 0;
    const long delta = n - m;
    const int front = (delta % 2) != 0;
    long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    for (long d = 0; d < max_d; d++) {
        if (c->work > c->budget) {
            c->gave_up = 1;
            mark_all(c, a0, a1, b0, b1);
            return;
        }
        for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
            long ko = off + k1, x1;
            if (k1 == -d || (k1 != d && v1[ko - 1] < v1[ko + 1]))
                x1 = v1[ko + 1];
            else
                x1 = v1[ko - 1] + 1;
            long y1 = x1 - k1, sx = x1;
            while (x1 < n && y1 < m && word_eq(c->a, a0 + (size_t)x1, c->b, b0 + (size_t)y1))
                x1++, y1++;
            c->work += 1 + (unsigned long long)(x1 - sx);
            v1[ko] = x1;
            if (x1 > n) {
                k1end += 2;
            } else if (y1 > m) {
                k1start += 2;
            } else if (front) {
                long k2o = off + delta - k1;
                if (k2o >= 0 && k2o < vlen && v2[k2o] != -1 && x1 >= n - v2[k2o]) {
                    if ((x1 == 0 && y1 == 0) || (x1 == n && y1 == m)) {
                        mark_all(c, a0, a1, b0, b1); /* cannot happen; never loop */
                        return;
                    }
                    compare(c, a0, a0 + (size_t)x1, b0, b0 + (size_t)y1);
                    compare(c, a0 + (size_t)x1, a1, b0 + (size_t)y1, b1);
                    return;
                }
            }
        }
        for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
            long ko = off + k2, x2;
            if (k2 == -d || (k2 != d && v2[ko - 1] < v2[ko + 1]))
                x2 = v2[ko + 1];
            else
                x2 = v2[ko - 1] + 1;
            long y2 = x2 - k2, sx = x2;
            while (x2 < n && y2 < m &&
                   word_eq(c->a, a1 - 1 - (size_t)x2, c->b, b1 - 1 - (size_t)y2))
                x2++, y2++;
            c->work += 1 + (unsigned long long)(x2 - sx);
            v2[ko] = x2;
            if (x2 > n) {
                k2end += 2;
            } else if (y2 > m) {
                k2start += 2;
            } else if (!front) {
                long k1o = off + delta - k2;
                if (k1o >= 0 && k1o < vlen && v1[k1o] != -1) {
                    long x1 = v1[k1o], y1 = x1 - (delta - k2);
                    if (x1 >= n - x2) {
                        if ((x1 == 0 && y1 == 0) || (x1 == n && y1 == m)) {
                            mark_all(c, a0, a1, b0, b1);
                            return;
                        }
                        compare(c, a0, a0 + (size_t)x1, b0, b0 + (size_t)y1);
                        compare(c, a0 + (size_t)x1, a1, b0 + (size_t)y1, b1);
                        return;
                    }
                }
            }
        }
    }
    mark_all(c, a0, a1, b0, b1); /* nothing in common */
}

static void compare(wctx *c, size_t a0, size_t a1, size_t b0, size_t b1)
{
    size_t s0 = a0;
    while (a0 < a1 && b0 < b1 && word_eq(c->a, a0, c->b, b0))
        a0++, b0++;
    while (a1 > a0 && b1 > b0 && word_eq(c->a, a1 - 1, c->b, b1 - 1))
        a1--, b1--;
    c->work += a0 - s0;
    if (a0 == a1 || b0 == b1 || c->gave_up) {
        if (c->gave_up)
            c->work++;
        mark_all(c, a0, a1, b0, b1);
        return;
    }
    bisect(c, a0, a1, b0, b1);
}

static void push_op(wdiff_result *r, size_t *cap, wdiff_opkind op, size_t a0, size_t a1,
                    size_t b0, size_t b1)
{
    if (r->n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        r->ops = xrealloc(r->ops, *cap * sizeof *r->ops);
    }
    r->ops[r->n++] = (wdiff_op){op, a0, a1, b0, b1};
}

void wdiff_run(const wdiff_text *a, const wdiff_text *b, const wdiff_opts *opts,
               wdiff_result *r)
{
    memset(r, 0, sizeof *r);
    wctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.b = b;
    c.budget = opts && opts->budget ? opts->budget : WDIFF_DEFAULT_BUDGET;
    c.del = xcalloc(a->n + 1, 1);
    c.ins = xcalloc(b->n + 1, 1);
    size_t vlen = a->n + b->n + 8;
    c.v1 = xmalloc(vlen * sizeof *c.v1);
    c.v2 = xmalloc(vlen * sizeof *c.v2);
    compare(&c, 0, a->n, 0, b->n);
    free(c.v1);
    free(c.v2);
    r->gave_up = c.gave_up;

    size_t cap = 0, i = 0, j = 0;
    while (i < a->n || j < b->n) {
        size_t i0 = i, j0 = j;
        while ((i < a->n && c.del[i]) || (j < b->n && c.ins[j])) {
            while (i < a->n && c.del[i])
                i++;
            while (j < b->n && c.ins[j])
                j++;
        }
        if (i > i0)
            push_op(r, &cap, WDIFF_DEL, i0, i, j0, j0);
        if (j > j0)
            push_op(r, &cap, WDIFF_INS, i, i, j0, j);
        r->deleted += i - i0;
        r->inserted += j - j0;
        i0 = i, j0 = j;
        while (i < a->n && j < b->n && !c.del[i] && !c.ins[j])
            i++, j++;
        if (i > i0)
            push_op(r, &cap, WDIFF_EQ, i0, i, j0, j);
        if (i == i0 && j == j0 && (i < a->n || j < b->n)) {
            /* flags out of step (cannot happen): finish as one replacement */
            push_op(r, &cap, WDIFF_DEL, i, a->n, j, j);
            push_op(r, &cap, WDIFF_INS, a->n, a->n, j, b->n);
            r->deleted += a->n - i;
            r->inserted += b->n - j;
            break;
        }
    }
    free(c.del);
    free(c.ins);
}

void wdiff_result_free(wdiff_result *r)
{
    free(r->ops);
    memset(r, 0, sizeof *r);
}

/* ---- display ------------------------------------------------------------- */

/* Length of the whitespace code point at s[0..n), 0 if none. */
static size_t space_len(const unsigned char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ||
                   s[0] == '\f' || s[0] == '\v'))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2; /* U+00A0 */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xAF))
        return 3; /* U+2000..U+200A, U+202F */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3; /* U+205F */
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3; /* U+3000 */
    return 0;
}

char *wdiff_words_text(const wdiff_text *t, size_t w0, size_t w1)
{
    if (w0 >= w1 || w1 > t->n)
        return xstrdup("");
    size_t s = t->w[w0].dstart, e = t->w[w1 - 1].dend;
    const unsigned char *p = (const unsigned char *)t->display;
    buf b = BUF_INIT;
    buf_grow(&b, e - s + 1);
    int in_space = 0;
    for (size_t i = s; i < e;) {
        size_t k = space_len(p + i, e - i);
        if (k) {
            in_space = 1;
            i += k;
            continue;
        }
        if (in_space && b.len)
            buf_putc(&b, ' ');
        in_space = 0;
        buf_putc(&b, (char)p[i++]);
    }
    return buf_detach(&b);
}

int wdiff_word_ends_sentence(const wdiff_text *t, size_t i)
{
    if (i + 1 >= t->n)
        return 1;
    const char *d = t->display;
    for (size_t k = t->w[i].dend; k < t->w[i + 1].dstart; k++)
        if (d[k] == '\n')
            return 1;
    size_t e = t->w[i].dend, s = t->w[i].dstart;
    while (e > s) {
        unsigned char c = (unsigned char)d[e - 1];
        if (c == ')' || c == ']' || c == '"' || c == '\'') {
            e--;
            continue;
        }
        /* closing ” ’ » (UTF-8 E2 80 9D / E2 80 99, C2 BB) */
        if (e - s >= 3 && (unsigned char)d[e - 3] == 0xE2 && (unsigned char)d[e - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            e -= 3;
            continue;
        }
        if (e - s >= 2 && (unsigned char)d[e - 2] == 0xC2 && c == 0xBB) {
            e -= 2;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
    }
    return 0;
}

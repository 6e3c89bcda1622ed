/* prefilter.c — necessary literals of a pattern, and one Aho-Corasick pass
 * per document. Contract in prefilter.h. */
#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* ---- literal extraction ------------------------------------------------- */

/* A set of literals one of which every match contains; top: no such set
 * is known (the pattern, or this part of it, may match without any). */
typedef struct lset {
    char **v;
    size_t n;
    int top;
} lset;

static void lset_free(lset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

static lset lset_top(void)
{
    lset s = {NULL, 0, 1};
    return s;
}

static void lset_add(lset *s, const char *lit, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) == n && !memcmp(s->v[i], lit, n))
            return;
    s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = xstrndup(lit, n);
}

/* a := a or b (b is consumed) */
static void lset_union(lset *a, lset *b)
{
    if (a->top || b->top) {
        lset_free(a);
        lset_free(b);
        a->top = 1;
        return;
    }
    for (size_t i = 0; i < b->n; i++)
        lset_add(a, b->v[i], strlen(b->v[i]));
    lset_free(b);
}

static size_t lset_minlen(const lset *s)
{
    size_t m = (size_t)-1;
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) < m)
            m = strlen(s->v[i]);
    return m;
}

typedef struct xparser {
    const char *s;
    size_t i;
    int fail;          /* syntax beyond the extractor: give up */
    int depth;
} xparser;

/* Keep the more selective of *best and cand (cand is consumed): the
 * longer shortest literal, then the fewer literals. */
static void consider(lset *best, lset *cand)
{
    if (cand->top || cand->n == 0) {
        lset_free(cand);
        return;
    }
    if (!best->top) {
        size_t mb = lset_minlen(best), mc = lset_minlen(cand);
        if (mc < mb || (mc == mb && cand->n >= best->n)) {
            lset_free(cand);
            return;
        }
        lset_free(best);
    }
    *best = *cand;
    best->top = 0;
    cand->v = NULL;
    cand->n = 0;
}

/* Parses a quantifier at p->i if there is one: returns 1 with *min set,
 * 0 if none. A '{' that is not a well-formed {n}, {n,} or {n,m} fails the
 * parse (PCRE2 versions differ on which are literal text). */
static int quantifier(xparser *p, unsigned long *min)
{
    const char *s = p->s;
    char c = s[p->i];
    if (c == '*' || c == '?') {
        *min = 0;
        p->i++;
    } else if (c == '+') {
        *min = 1;
        p->i++;
    } else if (c == '{') {
        size_t j = p->i + 1;
        unsigned long v = 0;
        size_t nd = 0;
        while (s[j] >= '0' && s[j] <= '9') {
            if (v < 100000)
                v = v * 10 + (unsigned long)(s[j] - '0');
            j++;
            nd++;
        }
        if (!nd) {
            p->fail = 1;
            return 0;
        }
        if (s[j] == ',') {
            j++;
            while (s[j] >= '0' && s[j] <= '9')
                j++;
        }
        if (s[j] != '}') {
            p->fail = 1;
            return 0;
        }
        *min = v;
        p->i = j + 1;
    } else {
        return 0;
    }
    if (p->s[p->i] == '+' || p->s[p->i] == '?') /* possessive, lazy */
        p->i++;
    return 1;
}

/* Skip "{...}" at p->i if present. */
static void skip_braces(xparser *p)
{
    if (p->s[p->i] != '{')
        return;
    while (p->s[p->i] && p->s[p->i] != '}')
        p->i++;
    if (!p->s[p->i]) {
        p->fail = 1;
        return;
    }
    p->i++;
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* A backslash escape at p->i ('\\'). Returns the literal byte it stands
 * for, or -1 for anything that is not one ASCII literal (the parse fails
 * for escapes the extractor does not know). */
static int escape(xparser *p)
{
    char e = p->s[p->i + 1];
    if (!e) {
        p->fail = 1;
        return -1;
    }
    p->i += 2;
    if ((unsigned char)e >= 0x80) { /* an escaped non-ASCII character */
        while (((unsigned char)p->s[p->i] & 0xC0) == 0x80)
            p->i++;
        return -1;
    }
    if (!is_alnum(e))
        return (unsigned char)e < 0x20 || e == 0x7f ? -1 : (unsigned char)e;
    if (strchr("dDsSwWbBhHvVRXAzZGKntrfea", e))
        return -1;
    switch (e) {
    case 'p': case 'P': case 'x': case 'o':
        if (p->s[p->i] == '{')
            skip_braces(p);
        else if (e == 'p' || e == 'P')
            p->i += p->s[p->i] ? 1 : 0;
        else if (e == 'x')
            for (int k = 0; k < 2 && ((p->s[p->i] >= '0' && p->s[p->i] <= '9') ||
                                      ((p->s[p->i] | 32) >= 'a' && (p->s[p->i] | 32) <= 'f'));
                 k++)
                p->i++;
        else
            p->fail = 1;
        return -1;
    case 'c':
        if (!p->s[p->i])
            p->fail = 1;
        else
            p->i++;
        return -1;
    default: /* \Q \E \g \k \N, back references, octal, anything new */
        p->fail = 1;
        return -1;
    }
}

/* Skip a character class at p->i ('['). */
static void skip_class(xparser *p)
{
    const char *s = p->s;
    size_t i = p->i + 1;
    if (s[i] == '^')
        i++;
    if (s[i] == ']')
        i++;
    while (s[i] && s[i] != ']') {
        if (s[i] == '\\') {
            if (s[i + 1] == 'Q' || s[i + 1] == 'E' || !s[i + 1]) {
                p->fail = 1;
                return;
            }
            i += 2;
            if (s[i] == '{' && strchr("pPxo", s[i - 1])) {
                while (s[i] && s[i] != '}')
                    i++;
                if (s[i])
                    i++;
            }
        } else if (s[i] == '[' && s[i + 1] == ':') {
            const char *end = strstr(s + i + 2, ":]");
            if (!end) {
                p->fail = 1;
                return;
            }
            i = (size_t)(end - s) + 2;
        } else {
            i++;
        }
    }
    if (!s[i]) {
        p->fail = 1;
        return;
    }
    p->i = i + 1;
}

static lset parse_alt(xparser *p);

/* A sequence up to '|', ')' or the end: the most selective literal run or
 * group set in it. */
/* Past the opening of the group at p->i ("(", "(?:", "(?=", "(?<name>",
 * ...): 1 for a lookaround (its text need not occur), 0 for a group that
 * matches text; p->fail for what the prefilter does not read (verbs,
 * options, comments, conditionals, recursion, callouts). */
static int group_open(xparser *p)
{
    const char *s = p->s;
    if (s[p->i + 1] == '*') {
        p->fail = 1;
        return 0;
    }
    if (s[p->i + 1] != '?') {
        p->i += 1;
        return 0;
    }
    char k = s[p->i + 2];
    if (k == ':' || k == '>' || k == '|') {
        p->i += 3;
        return 0;
    }
    if (k == '=' || k == '!') {
        p->i += 3;
        return 1;
    }
    if (k == '<' && (s[p->i + 3] == '=' || s[p->i + 3] == '!')) {
        p->i += 4;
        return 1;
    }
    if (k == '<' || k == '\'' || (k == 'P' && s[p->i + 3] == '<')) {
        char close = k == '\'' ? '\'' : '>';
        size_t j = p->i + (k == 'P' ? 4 : 3);
        size_t j0 = j;
        while (is_alnum(s[j]) || s[j] == '_')
            j++;
        if (j == j0 || s[j] != close)
            p->fail = 1;
        else
            p->i = j + 1;
        return 0;
    }
    p->fail = 1;
    return 0;
}

static lset parse_seq(xparser *p)
{
    lset best = lset_top();
    char run[256];
    size_t rn = 0;
#define FLUSH()                                                                \
    do {                                                                       \
        if (rn) {                                                              \
            lset one = {NULL, 0, 0};                                           \
            lset_add(&one, run, rn);                                           \
            consider(&best, &one);                                             \
            rn = 0;                                                            \
        }                                                                      \
    } while (0)
    while (!p->fail && p->s[p->i] && p->s[p->i] != '|' && p->s[p->i] != ')') {
        const char *s = p->s;
        unsigned char c = (unsigned char)s[p->i];
        int lit = -1;
        int group = 0;
        lset g = lset_top();
        if (c == '\\') {
            lit = escape(p);
        } else if (c == '[') {
            skip_class(p);
        } else if (c == '(') {
            int look = group_open(p);
            if (p->fail)
                break;
            if (++p->depth > 200) {
                p->fail = 1;
                break;
            }
            g = parse_alt(p);
            p->depth--;
            if (p->fail || s[p->i] != ')') {
                lset_free(&g);
                p->fail = 1;
                break;
            }
            p->i++;
            if (look)
                lset_free(&g), g = lset_top();
            else
                group = 1;
        } else if (c == '.' || c == '^' || c == '$') {
            p->i++;
        } else if (c == '*' || c == '+' || c == '?' || c == '{') {
            p->fail = 1; /* a quantifier with nothing to repeat, or '{' as text */
            break;
        } else if (c >= 0x80) {
            p->i++;
            while (((unsigned char)s[p->i] & 0xC0) == 0x80)
                p->i++;
        } else if (c < 0x20 || c == 0x7f) {
            p->i++;
        } else {
            lit = c;
            p->i++;
        }
        if (p->fail) {
            lset_free(&g);
            break;
        }
        unsigned long min = 1;
        int quant = quantifier(p, &min);
        if (p->fail) {
            lset_free(&g);
            break;
        }
        if (lit >= 0) {
            char ch = (char)(lit >= 'A' && lit <= 'Z' ? lit + 32 : lit);
            if (quant && min == 0) {
                FLUSH();
            } else {
                if (rn == sizeof run)
                    FLUSH();
                run[rn++] = ch;
                if (quant) { /* "ab+c": "ab" and "bc" both occur */
                    FLUSH();
                    run[rn++] = ch;
                }
            }
        } else {
            FLUSH();
            if (group && (!quant || min > 0))
                consider(&best, &g);
            else
                lset_free(&g);
        }
    }
    FLUSH();
#undef FLUSH
    if (p->fail)
        lset_free(&best), best = lset_top();
    return best;
}

static lset parse_alt(xparser *p)
{
    lset all = {NULL, 0, 0};
    for (;;) {
        lset b = parse_seq(p);
        if (p->fail) {
            lset_free(&b);
            lset_free(&all);
            return lset_top();
        }
        lset_union(&all, &b);
        if (p->s[p->i] != '|')
            break;
        p->i++;
    }
    return all;
}

size_t prefilter_literals(const char *src, char ***out)
{
    xparser p = {src, 0, 0, 0};
    lset s = parse_alt(&p);
    if (p.fail || p.s[p.i] != '\0' || s.top || s.n == 0) {
        lset_free(&s);
        return 0;
    }
    *out = s.v;
    return s.n;
}

void prefilter_literals_free(char **lits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lits[i]);
    free(lits);
}

/* ---- the automaton ------------------------------------------------------- */

struct prefilter {
    size_t npat;
    unsigned char *always;   /* per pattern: 1 when it has no literals */
    unsigned char cls[256];  /* byte -> class (0: in no literal) */
    size_t ncls;
    size_t nstates;
    uint32_t *delta;         /* nstates * ncls: the DFA */
    uint32_t *out_start;     /* nstates + 1: patterns whose literal ends here */
    uint32_t *out;
};

typedef struct builder {
    int32_t *go;             /* nstates * ncls, -1: no edge */
    uint32_t **own;          /* per state: pattern ids (own and inherited) */
    size_t *nown;
    size_t n, cap;
    size_t ncls;
} builder;

static size_t new_state(builder *b)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 256;
        b->go = xrealloc(b->go, b->cap * b->ncls * sizeof *b->go);
        b->own = xrealloc(b->own, b->cap * sizeof *b->own);
        b->nown = xrealloc(b->nown, b->cap * sizeof *b->nown);
    }
    for (size_t c = 0; c < b->ncls; c++)
        b->go[b->n * b->ncls + c] = -1;
    b->own[b->n] = NULL;
    b->nown[b->n] = 0;
    return b->n++;
}

static void add_out(builder *b, size_t st, uint32_t id)
{
    for (size_t k = 0; k < b->nown[st]; k++)
        if (b->own[st][k] == id)
            return;
    b->own[st] = xrealloc(b->own[st], (b->nown[st] + 1) * sizeof **b->own);
    b->own[st][b->nown[st]++] = id;
}

prefilter *prefilter_build(char *const *const *lits, const size_t *nl, size_t npat)
{
    prefilter *pf = xcalloc(1, sizeof *pf);
    pf->npat = npat;
    pf->always = xcalloc(npat ? npat : 1, 1);
    /* classes: one per byte that occurs in a literal */
    size_t ncls = 1;
    for (size_t i = 0; i < npat; i++) {
        if (!nl[i])
            pf->always[i] = 1;
        for (size_t k = 0; k < nl[i]; k++)
            for (const unsigned char *q = (const unsigned char *)lits[i][k]; *q; q++)
                if (!pf->cls[*q])
                    pf->cls[*q] = (unsigned char)ncls++;
    }
    /* literals are lower case; the text's ASCII capitals match them too */
    for (int c = 'A'; c <= 'Z'; c++)
        pf->cls[c] = pf->cls[c + 32];
    pf->ncls = ncls;

    builder b = {NULL, NULL, NULL, 0, 0, ncls};
    new_state(&b);
    for (size_t i = 0; i < npat; i++)
        for (size_t k = 0; k < nl[i]; k++) {
            size_t st = 0;
            for (const unsigned char *q = (const unsigned char *)lits[i][k]; *q; q++) {
                int32_t *e = &b.go[st * ncls + pf->cls[*q]];
                if (*e < 0) {
                    size_t ns = new_state(&b); /* may move b.go */
                    e = &b.go[st * ncls + pf->cls[*q]];
                    *e = (int32_t)ns;
                }
                st = (size_t)*e;
            }
            add_out(&b, st, (uint32_t)i);
        }

    /* breadth first: failure links, full transitions, inherited outputs */
    size_t n = b.n;
    pf->nstates = n;
    pf->delta = xmalloc(n * ncls * sizeof *pf->delta);
    uint32_t *fail = xcalloc(n, sizeof *fail);
    size_t *queue = xmalloc(n * sizeof *queue);
    size_t qh = 0, qt = 0;
    for (size_t c = 0; c < ncls; c++) {
        int32_t t = c ? b.go[c] : -1; /* class 0 never continues a literal */
        if (t > 0) {
            pf->delta[c] = (uint32_t)t;
            fail[t] = 0;
            queue[qt++] = (size_t)t;
        } else {
            pf->delta[c] = 0;
        }
    }
    while (qh < qt) {
        size_t s = queue[qh++];
        for (size_t k = 0; k < b.nown[fail[s]]; k++)
            add_out(&b, s, b.own[fail[s]][k]);
        for (size_t c = 0; c < ncls; c++) {
            int32_t t = c ? b.go[s * ncls + c] : -1;
            if (t > 0) {
                pf->delta[s * ncls + c] = (uint32_t)t;
                fail[t] = pf->delta[fail[s] * ncls + c];
                queue[qt++] = (size_t)t;
            } else {
                pf->delta[s * ncls + c] = pf->delta[fail[s] * ncls + c];
            }
        }
    }
    free(queue);
    free(fail);
    pf->out_start = xmalloc((n + 1) * sizeof *pf->out_start);
    size_t tot = 0;
    for (size_t s = 0; s < n; s++)
        tot += b.nown[s];
    pf->out = xmalloc((tot ? tot : 1) * sizeof *pf->out);
    tot = 0;
    for (size_t s = 0; s < n; s++) {
        pf->out_start[s] = (uint32_t)tot;
        for (size_t k = 0; k < b.nown[s]; k++)
            pf->out[tot++] = b.own[s][k];
        free(b.own[s]);
    }
    pf->out_start[n] = (uint32_t)tot;
    free(b.own);
    free(b.nown);
    free(b.go);
    return pf;
}

void prefilter_free(prefilter *pf)
{
    if (!pf)
        return;
    free(pf->always);
    free(pf->delta);
    free(pf->out_start);
    free(pf->out);
    free(pf);
}

size_t prefilter_npatterns(const prefilter *pf)
{
    return pf ? pf->npat : 0;
}

void prefilter_scan(const prefilter *pf, const char *const *texts, const size_t *lens,
                    size_t nblocks, pf_hits *h)
{
    memset(h, 0, sizeof *h);
    h->npat = pf->npat;
    h->nblocks = nblocks;
    h->words = (nblocks + 63) / 64;
    size_t total = h->npat * h->words;
    h->bits = xcalloc(total ? total : 1, sizeof *h->bits);
    for (size_t i = 0; i < pf->npat; i++)
        if (pf->always[i])
            memset(&h->bits[i * h->words], 0xff, h->words * sizeof *h->bits);
    const size_t ncls = pf->ncls;
    for (size_t bi = 0; bi < nblocks; bi++) {
        const unsigned char *s = (const unsigned char *)texts[bi];
        size_t n = s ? lens[bi] : 0;
        uint32_t st = 0;
        const uint64_t bit = (uint64_t)1 << (bi % 64);
        const size_t word = bi / 64;
        for (size_t k = 0; k < n; k++) {
            st = pf->delta[st * ncls + pf->cls[s[k]]];
            for (uint32_t o = pf->out_start[st]; o < pf->out_start[st + 1]; o++)
                h->bits[pf->out[o] * h->words + word] |= bit;
        }
    }
}

void pf_hits_free(pf_hits *h)
{
    if (!h)
        return;
    free(h->bits);
    memset(h, 0, sizeof *h);
}

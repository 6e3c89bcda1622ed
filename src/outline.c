#include "outline.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "meta.h"
#include "text.h"

/* ---- the expected outline ------------------------------------------------ */

static char *trim_dup(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return xstrndup(s, n);
}

static int valid_number(const char *s)
{
    if (!*s || strlen(s) >= OUTLINE_NUM_MAX)
        return 0;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return 0;
        while (isdigit((unsigned char)p[1]))
            p++;
        if (p[1] == '.' && isdigit((unsigned char)p[2]))
            p++;
        else if (p[1])
            return 0;
    }
    return 1;
}

int outline_number_level(const char *number)
{
    int n = 1;
    for (; *number; number++)
        n += *number == '.';
    return n;
}

void outline_spec_free(outline_spec *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->e[i].title);
        free(s->e[i].title_br);
        for (size_t j = 0; j < s->e[i].nfr; j++)
            free(s->e[i].titles_fr[j]);
        free(s->e[i].titles_fr);
    }
    free(s->e);
    s->e = NULL;
    s->n = 0;
}

int outline_spec_load(const char *path, outline_spec *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f)
        return cps_err_set(e, CPS_E_IO, path, 0, "%s", strerror(errno));
    char *line = NULL;
    size_t cap = 0, alloc = 0;
    long lineno = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        char *field[4] = {0};
        int nf = 0;
        char *p = line;
        while (nf < 4) {
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf != 4) {
            rc = cps_err_set(e, CPS_E_RULES, path, lineno,
                             "expected 4 tab-separated fields (number, title, BR title, French titles)");
            break;
        }
        if (!valid_number(field[0])) {
            rc = cps_err_set(e, CPS_E_RULES, path, lineno, "invalid section number '%s'", field[0]);
            break;
        }
        if (outline_spec_find(out, field[0]) >= 0) {
            rc = cps_err_set(e, CPS_E_RULES, path, lineno, "section %s listed twice", field[0]);
            break;
        }
        if (out->n == alloc) {
            alloc = alloc ? alloc * 2 : 512;
            out->e = xrealloc(out->e, alloc * sizeof *out->e);
        }
        outline_entry *en = &out->e[out->n++];
        memset(en, 0, sizeof *en);
        snprintf(en->number, sizeof en->number, "%s", field[0]);
        en->level = outline_number_level(en->number);
        en->title = trim_dup(field[1], strlen(field[1]));
        if (strcmp(field[2], "-") != 0)
            en->title_br = trim_dup(field[2], strlen(field[2]));
        if (strcmp(field[3], "-") != 0) {
            for (char *q = field[3]; q;) {
                char *bar = strchr(q, '|');
                size_t n = bar ? (size_t)(bar - q) : strlen(q);
                en->titles_fr = xrealloc(en->titles_fr, (en->nfr + 1) * sizeof *en->titles_fr);
                en->titles_fr[en->nfr++] = trim_dup(q, n);
                q = bar ? bar + 1 : NULL;
            }
        }
    }
    if (!rc && ferror(f))
        rc = cps_err_set(e, CPS_E_IO, path, 0, "read error");
    if (!rc && out->n == 0)
        rc = cps_err_set(e, CPS_E_RULES, path, 0, "no sections in the outline file");
    free(line);
    fclose(f);
    if (rc)
        outline_spec_free(out);
    return rc;
}

int outline_spec_find(const outline_spec *s, const char *number)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->e[i].number, number) == 0)
            return (int)i;
    return -1;
}

/* ---- numbers ------------------------------------------------------------- */

int outline_number_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        char *ea, *eb;
        unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a = *ea == '.' ? ea + 1 : ea;
        b = *eb == '.' ? eb + 1 : eb;
        if (ea == a && eb == b)
            break;
    }
    if (!*a && !*b)
        return 0;
    return !*a ? -1 : 1;
}

int outline_number_within(const char *number, const char *scope)
{
    size_t n = strlen(scope);
    return strncmp(number, scope, n) == 0 && (number[n] == '\0' || number[n] == '.');
}

/* Length of a separator (space, NBSP, other Unicode spaces, dashes, colon)
 * at s, 0 if none. */
static size_t sep_len(const unsigned char *s, size_t n)
{
    if (!n)
        return 0;
    if (*s == ' ' || *s == '\t' || *s == ':' || *s == '-' || *s == ')')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0x93 || s[2] == 0x94 || s[2] == 0xAF))
        return 3; /* U+2000-200B spaces, en/em dash, U+202F */
    return 0;
}

static size_t skip_seps(const unsigned char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && (k = sep_len(s + i, n - i)))
        i += k;
    return i;
}

static int roman_value(const unsigned char *s, size_t n, size_t *used)
{
    static const char *const r[] = {"VIII", "VII", "III", "IX", "VI", "IV", "II", "V", "I"};
    static const int v[] = {8, 7, 3, 9, 6, 4, 2, 5, 1};
    for (int i = 0; i < 9; i++) {
        size_t l = strlen(r[i]);
        if (l <= n && memcmp(s, r[i], l) == 0 && (l == n || !isalpha(s[l]))) {
            *used = l;
            return v[i];
        }
    }
    return 0;
}

size_t outline_parse_number(const char *str, size_t n, char out[OUTLINE_NUM_MAX])
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = skip_seps(s, n);
    out[0] = '\0';
    if (i + 2 <= n && s[i] == 0xC2 && s[i + 1] == 0xA7) /* § */
        i = i + 2 + skip_seps(s + i + 2, n - i - 2);
    static const char *const prefix[] = {"section", "chapter", "chapitre", "article", "paragraphe", NULL};
    for (int k = 0; prefix[k]; k++) {
        size_t l = strlen(prefix[k]);
        if (i + l < n && strncasecmp((const char *)s + i, prefix[k], l) == 0 && sep_len(s + i + l, n - i - l)) {
            i += l + skip_seps(s + i + l, n - i - l);
            break;
        }
    }
    char num[OUTLINE_NUM_MAX];
    size_t o = 0;
    int comps = 0;
    size_t used;
    int rv = roman_value(s + i, n - i, &used);
    if (rv && i + used < n && (s[i + used] == '.' || s[i + used] == '-' || s[i + used] == ' ')) {
        o = (size_t)snprintf(num, sizeof num, "%d", rv);
        i += used;
        comps = 1;
        /* a Roman chapter alone must be followed by "." or "-" then a title */
        if (!(i < n && s[i] == '.' && i + 1 < n && isdigit(s[i + 1])) && s[i] == ' ')
            return 0;
        if (i < n && s[i] == '.' && i + 1 < n && isdigit(s[i + 1]))
            i++;
        else
            goto done;
    }
    for (;;) {
        size_t st = i;
        unsigned long v = 0;
        while (i < n && isdigit(s[i]) && i - st < 4)
            v = v * 10 + (unsigned long)(s[i++] - '0');
        if (i == st || (i < n && isdigit(s[i])))
            return 0;
        if (v == 0 || v > 99 || (comps == 0 && v > 20))
            return 0;
        int k = snprintf(num + o, sizeof num - o, comps ? ".%lu" : "%lu", v);
        if (k < 0 || (size_t)k >= sizeof num - o)
            return 0;
        o += (size_t)k;
        comps++;
        if (i + 1 < n && s[i] == '.' && isdigit(s[i + 1]) && comps < 8) {
            i++;
            continue;
        }
        break;
    }
done:
    if (i < n && s[i] == '.')
        i++;
    if (i < n) {
        if (isalnum(s[i]) || s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == '%')
            return 0;
        size_t k = skip_seps(s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    memcpy(out, num, o + 1);
    return i;
}

const char *outline_status_name(section_status st)
{
    switch (st) {
    case SEC_FOUND: return "found";
    case SEC_MISSING: return "missing";
    case SEC_EXTRA: return "extra";
    case SEC_DUPLICATE: return "duplicate";
    case SEC_OUT_OF_ORDER: return "out-of-order";
    }
    return "?";
}

/* ---- titles -------------------------------------------------------------- */

#define MAX_WORDS 24

typedef struct wordset {
    char w[MAX_WORDS][24];
    int n;
} wordset;

static int stopword(const char *w)
{
    static const char *const sw[] = {"of", "the", "and", "or", "for", "a", "an", "to", "by", "on",
                                     "in", "re", "as", "per", "if", "de", "la", "le", "les", "des",
                                     "du", "d", "l", "et", "en", "au", "aux", "par", "pour", "un",
                                     "une", "sur", "dans", "ou", "a", NULL};
    for (int i = 0; sw[i]; i++)
        if (strcmp(w, sw[i]) == 0)
            return 1;
    return 0;
}

/* Words of folded text, stop words dropped, plural 's' stripped. */
static void words_of(const char *folded, wordset *ws)
{
    ws->n = 0;
    const unsigned char *p = (const unsigned char *)folded;
    while (*p && ws->n < MAX_WORDS) {
        while (*p && !(isalnum(*p) || *p >= 0x80))
            p++;
        const unsigned char *st = p;
        while (*p && (isalnum(*p) || *p >= 0x80))
            p++;
        size_t l = (size_t)(p - st);
        if (!l)
            break;
        if (l >= sizeof ws->w[0])
            l = sizeof ws->w[0] - 1;
        char w[24];
        memcpy(w, st, l);
        w[l] = '\0';
        if (l > 3 && w[l - 1] == 's')
            w[--l] = '\0';
        if (stopword(w))
            continue;
        int dup = 0;
        for (int i = 0; i < ws->n; i++)
            dup |= strcmp(ws->w[i], w) == 0;
        if (!dup)
            memcpy(ws->w[ws->n++], w, l + 1);
    }
}

/* strict: every word of a is in title, and they are at least half of its
 * words (a heading without a number has nothing else to vouch for it). */
static int titles_similar(const wordset *a, const char *title, int strict)
{
    text_map m;
    if (text_fold(title, strlen(title), &m, NULL) != 0)
        return 0;
    wordset b;
    words_of(m.s, &b);
    text_map_free(&m);
    if (!a->n || !b.n)
        return 0;
    int common = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b.n; j++)
            if (strcmp(a->w[i], b.w[j]) == 0 ||
                (strlen(a->w[i]) >= 5 && strncmp(a->w[i], b.w[j], 5) == 0)) {
                common++;
                break;
            }
    if (strict)
        return common == a->n && 2 * common >= b.n;
    return 2 * common >= (a->n + b.n) / 2 + ((a->n + b.n) % 2) && common > 0
               ? 1
               : 0;
}

/* 1 matches, 0 does not. */
static int title_matches_how(const outline_entry *en, const char *heading, int strict)
{
    text_map m;
    if (text_fold(heading, strlen(heading), &m, NULL) != 0)
        return 0;
    wordset a;
    words_of(m.s, &a);
    text_map_free(&m);
    if (titles_similar(&a, en->title, strict))
        return 1;
    if (en->title_br && titles_similar(&a, en->title_br, strict))
        return 1;
    for (size_t i = 0; i < en->nfr; i++)
        if (titles_similar(&a, en->titles_fr[i], strict))
            return 1;
    return 0;
}

static int title_matches(const outline_entry *en, const char *heading)
{
    return title_matches_how(en, heading, 0);
}

/* ---- recognising headings ---------------------------------------------------- */

/* STRENGTH_TITLE: a heading without a number, matched by its title to a
 * section expected next in RFC order; any numbered candidate wins over it. */
enum { STRENGTH_TITLE = 0, STRENGTH_PLAIN = 1, STRENGTH_BOLD = 2, STRENGTH_HEADING = 3 };

/* How many RFC sections after the last one recognised an unnumbered
 * heading may stand for (sections a document leaves out are skipped). */
#define UNNUMBERED_WINDOW 8

typedef struct cand {
    size_t block;
    char number[OUTLINE_NUM_MAX];
    size_t title_off;  /* byte offset of the title in the block text */
    int strength;
    int spec;
    int keep;
    int dup;
    int unnumbered;
} cand;

/* by number, strongest first, then document order */
static int cand_sort_cmp(const void *pa, const void *pb)
{
    const cand *a = *(cand *const *)pa, *b = *(cand *const *)pb;
    int c = outline_number_cmp(a->number, b->number);
    if (c)
        return c;
    if (a->strength != b->strength)
        return b->strength - a->strength;
    return a->block < b->block ? -1 : a->block > b->block;
}

static int cand_block_cmp(const void *pa, const void *pb)
{
    const cand *a = *(cand *const *)pa, *b = *(cand *const *)pb;
    return a->block < b->block ? -1 : a->block > b->block;
}

/* 1 if a kept candidate numbered number is in k (sorted by number). */
static int find_cand(cand **k, size_t n, const char *number)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = outline_number_cmp(k[mid]->number, number);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && outline_number_cmp(k[lo]->number, number) == 0; lo++)
        if (k[lo]->keep)
            return 1;
    return 0;
}

static int is_toc_title(const char *text, size_t len)
{
    static const char *const t[] = {"table of contents", "contents", "sommaire",
                                    "table des matieres", "table des matières",
                                    "index", "toc", NULL};
    while (len && (text[len - 1] == ':' || text[len - 1] == ' '))
        len--;
    for (int i = 0; t[i]; i++)
        if (strlen(t[i]) == len && strncasecmp(text, t[i], len) == 0)
            return 1;
    return 0;
}

/* Dot leaders or an ellipsis then an optional page number at the end. */
static int has_leaders(const char *s, size_t n)
{
    while (n && (isdigit((unsigned char)s[n - 1]) || s[n - 1] == ' '))
        n--;
    int dots = 0;
    while (n) {
        if (s[n - 1] == '.' || s[n - 1] == ' ' || s[n - 1] == '_')
            dots += s[n - 1] != ' ', n--;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                 (unsigned char)s[n - 1] == 0xA6)
            dots += 3, n -= 3;
        else
            break;
    }
    return dots >= 4;
}

static int words_in(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int sp = *s == ' ';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* A plain line that reads like a heading: short, no sentence end, starts
 * with a letter. */
static int heading_like(const char *title, int max_words)
{
    size_t len = strlen(title);
    if (!len || len > 160 || words_in(title) > max_words)
        return 0;
    unsigned char c = (unsigned char)title[0];
    if (!(isalpha(c) || c >= 0xC0 || c == '(' || c == '"'))
        return 0;
    char last = title[len - 1];
    if (last == ',' || last == ';')
        return 0;
    if (last == '.' && words_in(title) > 6)
        return 0;
    return 1;
}

static int cand_cmp_number(const cand *a, const cand *b)
{
    return outline_number_cmp(a->number, b->number);
}

/* Longest increasing subsequence of candidate numbers (first occurrences);
 * marks in_order[i] = 1 for those in it. */
static void mark_in_order(cand **c, size_t n, int *in_order)
{
    if (!n)
        return;
    size_t *tail = xmalloc(n * sizeof *tail), *prev = xmalloc(n * sizeof *prev);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cand_cmp_number(c[tail[mid]], c[i]) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[i] = lo ? tail[lo - 1] : (size_t)-1;
        tail[lo] = i;
        if (lo == len)
            len++;
    }
    for (size_t k = tail[len - 1], m = 0; m < len; m++, k = prev[k]) {
        in_order[k] = 1;
        if (prev[k] == (size_t)-1)
            break;
    }
    free(tail);
    free(prev);
}

static int blank_text(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (isalnum(*p))
            return 0;
        if (*p >= 0xC0 && !(p[0] == 0xE2 && p[1] == 0x80)) /* letters beyond ASCII, not punctuation */
            return 0;
    }
    return 1;
}

static int sec_sort_cmp(const void *pa, const void *pb)
{
    const section *a = pa, *b = pb;
    int c = outline_number_cmp(a->number, b->number);
    if (c)
        return c;
    /* among equals: document order, missing last */
    size_t x = a->heading_block, y = b->heading_block;
    return x < y ? -1 : x > y;
}

/* First index of number in the sorted sections, or -1. */
static int find_sorted(const outline *o, const char *number)
{
    size_t lo = 0, hi = o->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (outline_number_cmp(o->secs[mid].number, number) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < o->n && outline_number_cmp(o->secs[lo].number, number) == 0 ? (int)lo : -1;
}

void outline_free(outline *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->secs[i].heading);
    free(o->secs);
    free(o->roles);
    free(o->block_sec);
    memset(o, 0, sizeof *o);
}

typedef struct numbered {
    char number[OUTLINE_NUM_MAX];
    size_t block;
} numbered;

static int numbered_cmp(const void *pa, const void *pb)
{
    const numbered *a = pa, *b = pb;
    int c = outline_number_cmp(a->number, b->number);
    return c ? c : (a->block < b->block ? -1 : a->block > b->block);
}

/* For every block, how many blocks of d start with the same section number
 * (0 for a block without one). O(n log n). Caller frees. */
static size_t *number_counts(const doc *d)
{
    size_t nb = d->nblocks;
    size_t *times = xcalloc(nb ? nb : 1, sizeof *times);
    numbered *v = xmalloc((nb ? nb : 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < nb; i++)
        if (outline_parse_number(d->blocks[i].text, d->blocks[i].len, v[n].number))
            v[n++].block = i;
    qsort(v, n, sizeof *v, numbered_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !outline_number_cmp(v[j].number, v[i].number))
            j++;
        for (size_t k = i; k < j; k++)
            times[v[k].block] = j - i;
        i = j;
    }
    free(v);
    return times;
}

int outline_build(const doc *d, const outline_spec *spec, outline *out, cps_err *e)
{
    (void)e;
    memset(out, 0, sizeof *out);
    size_t nb = d->nblocks;
    out->nblocks = nb;
    out->roles = xcalloc(nb ? nb : 1, sizeof *out->roles);
    out->block_sec = xmalloc((nb ? nb : 1) * sizeof *out->block_sec);
    for (size_t i = 0; i < nb; i++)
        out->block_sec[i] = -1;

    /* 1. candidates, tables of contents. A TOC entry repeats a number the
     * body has again: count how often each number starts a block. */
    size_t *times = number_counts(d);
    cand *c = xmalloc((nb ? nb : 1) * sizeof *c);
    size_t nc = 0;
    int in_toc = 0;
    int last_spec = -1; /* highest spec index among candidates so far */
    char toc_first[OUTLINE_NUM_MAX] = "";
    for (size_t i = 0; i < nb; i++) {
        const doc_block *b = &d->blocks[i];
        if (is_toc_title(b->text, b->len)) {
            in_toc = 1;
            toc_first[0] = '\0';
            out->roles[i] = ROLE_TOC;
            continue;
        }
        if (in_toc && b->kind == BLOCK_HEADING)
            in_toc = 0;
        char num[OUTLINE_NUM_MAX];
        size_t used = outline_parse_number(b->text, b->len, num);
        if (b->flags & (BLOCK_TOC | BLOCK_LINK_ONLY) || (used && has_leaders(b->text, b->len))) {
            out->roles[i] = ROLE_TOC;
            continue;
        }
        if (in_toc) {
            /* the region ends at a number seen once in the whole document
             * (a real heading: a TOC entry has its twin in the body) or
             * when its first number comes round again */
            int ends = used && (times[i] < 2 || (toc_first[0] && !strcmp(toc_first, num)));
            if (!ends) {
                out->roles[i] = ROLE_TOC;
                if (used && !toc_first[0])
                    memcpy(toc_first, num, OUTLINE_NUM_MAX);
                continue;
            }
            in_toc = 0;
        }
        if (b->table && b->kind != BLOCK_HEADING)
            continue;
        if (!used) {
            /* a heading without a number: the RFC section expected next
             * whose title it carries */
            if (b->kind != BLOCK_HEADING || !heading_like(b->text, 12))
                continue;
            int sp = -1;
            for (int j = last_spec + 1; j < (int)spec->n && j <= last_spec + UNNUMBERED_WINDOW; j++)
                if (title_matches_how(&spec->e[j], b->text, 1)) {
                    sp = j;
                    break;
                }
            if (sp < 0)
                continue;
            cand *k = &c[nc++];
            memset(k, 0, sizeof *k);
            k->block = i;
            memcpy(k->number, spec->e[sp].number, OUTLINE_NUM_MAX);
            k->strength = STRENGTH_TITLE;
            k->spec = sp;
            k->keep = 1;
            k->unnumbered = 1;
            last_spec = sp;
            continue;
        }
        const char *title = b->text + used;
        int strength = b->kind == BLOCK_HEADING ? STRENGTH_HEADING
                       : (b->flags & BLOCK_BOLD) ? STRENGTH_BOLD
                                                 : STRENGTH_PLAIN;
        int sp = outline_spec_find(spec, num);
        if (strength == STRENGTH_BOLD && !heading_like(title, 25))
            continue;
        if (strength == STRENGTH_PLAIN) {
            if (!heading_like(title, 16))
                continue;
            int ok = 0;
            if (sp >= 0)
                ok = title_matches(&spec->e[sp], title);
            else if (strchr(num, '.'))
                ok = isupper((unsigned char)title[0]) || (unsigned char)title[0] >= 0xC0;
            if (!ok)
                continue;
        }
        if (strength == STRENGTH_HEADING && !*title && b->len > 0 && used < b->len)
            continue;
        cand *k = &c[nc++];
        k->block = i;
        memcpy(k->number, num, sizeof num);
        k->title_off = used;
        k->strength = strength;
        k->spec = sp;
        k->keep = 1;
        k->dup = 0;
        k->unnumbered = 0;
        if (sp > last_spec)
            last_spec = sp;
    }

    /* 2. a number seen in several strengths keeps its strongest ones (a
     * bold or plain line repeating a real heading is a TOC or a cross-
     * reference); a plain-line extra must have its parent number somewhere */
    cand **k = xmalloc((nc ? nc : 1) * sizeof *k);
    for (size_t i = 0; i < nc; i++)
        k[i] = &c[i];
    qsort(k, nc, sizeof *k, cand_sort_cmp);
    for (size_t i = 0; i < nc;) {
        size_t j = i;
        while (j < nc && strcmp(k[j]->number, k[i]->number) == 0) {
            if (k[j]->strength < k[i]->strength)
                k[j]->keep = 0;
            j++;
        }
        i = j;
    }
    size_t nk = 0;
    for (size_t i = 0; i < nc; i++)
        if (k[i]->keep)
            k[nk++] = k[i];
    for (size_t i = 0; i < nk; i++) {
        if (k[i]->spec >= 0 || k[i]->strength != STRENGTH_PLAIN)
            continue;
        char parent[OUTLINE_NUM_MAX];
        memcpy(parent, k[i]->number, OUTLINE_NUM_MAX);
        *strrchr(parent, '.') = '\0';
        if (!find_cand(k, nk, parent) && outline_spec_find(spec, parent) < 0)
            k[i]->keep = 0;
    }
    /* 3. duplicates: all but the first of a number (k is sorted by number,
     * then document order) */
    for (size_t i = 0; i < nk; i++)
        if (i && k[i]->keep && k[i - 1]->keep && strcmp(k[i]->number, k[i - 1]->number) == 0)
            k[i]->dup = 1;
    {
        size_t w = 0;
        for (size_t i = 0; i < nk; i++)
            if (k[i]->keep)
                k[w++] = k[i];
        nk = w;
    }
    qsort(k, nk, sizeof *k, cand_block_cmp); /* back to document order */
    cand **firsts = xmalloc((nk ? nk : 1) * sizeof *firsts);
    size_t *first_idx = xmalloc((nk ? nk : 1) * sizeof *first_idx);
    size_t nf = 0;
    for (size_t i = 0; i < nk; i++)
        if (!k[i]->dup) {
            first_idx[nf] = i;
            firsts[nf++] = k[i];
        }
    int *in_order = xcalloc(nf ? nf : 1, sizeof *in_order);
    mark_in_order(firsts, nf, in_order);
    int *ooo = xcalloc(nk ? nk : 1, sizeof *ooo);
    for (size_t i = 0; i < nf; i++)
        ooo[first_idx[i]] = !in_order[i];

    /* 4. sections for found headings, with their ranges */
    size_t cap = nk + spec->n;
    out->secs = xcalloc(cap ? cap : 1, sizeof *out->secs);
    size_t *stack = xmalloc((nk ? nk : 1) * sizeof *stack);
    size_t depth = 0;
    for (size_t i = 0; i < nk; i++) {
        section *s = &out->secs[out->n++];
        const doc_block *b = &d->blocks[k[i]->block];
        memcpy(s->number, k[i]->number, OUTLINE_NUM_MAX);
        s->heading = xstrdup(b->text + k[i]->title_off);
        s->line = b->line;
        s->page = b->page;
        s->spec = k[i]->spec;
        s->level = outline_number_level(s->number);
        s->heading_block = k[i]->block;
        s->unnumbered = k[i]->unnumbered;
        s->body_start = k[i]->block + 1;
        s->body_end = i + 1 < nk ? k[i + 1]->block : nb;
        s->parent = -1;
        s->status = k[i]->dup ? SEC_DUPLICATE : ooo[i] ? SEC_OUT_OF_ORDER
                    : s->spec < 0 ? SEC_EXTRA : SEC_FOUND;
        s->title_match = s->spec >= 0 ? title_matches(&spec->e[s->spec], s->heading) : -1;
        while (depth && out->secs[stack[depth - 1]].level >= s->level)
            out->secs[stack[--depth]].scope_end = s->heading_block;
        stack[depth++] = out->n - 1;
    }
    while (depth)
        out->secs[stack[--depth]].scope_end = nb;
    free(stack);
    for (size_t i = 0; i < out->n; i++) {
        section *s = &out->secs[i];
        int text = 0;
        for (size_t b = s->body_start; b < s->body_end && !text; b++)
            text = out->roles[b] != ROLE_TOC && !blank_text(d->blocks[b].text);
        s->empty = !text && s->scope_end == s->body_end;
    }

    /* 5. missing sections */
    char *seen = xcalloc(spec->n ? spec->n : 1, 1);
    for (size_t j = 0; j < nk; j++)
        if (k[j]->spec >= 0)
            seen[k[j]->spec] = 1;
    for (size_t i = 0; i < spec->n; i++) {
        if (seen[i])
            continue;
        section *s = &out->secs[out->n++];
        memcpy(s->number, spec->e[i].number, OUTLINE_NUM_MAX);
        s->status = SEC_MISSING;
        s->spec = (int)i;
        s->level = spec->e[i].level;
        s->heading_block = (size_t)-1;
        s->body_start = s->body_end = s->scope_end = nb;
        s->parent = -1;
        s->title_match = -1;
        s->empty = 1;
    }

    free(seen);

    /* 6. sort by number, then map blocks to sections and parents */
    qsort(out->secs, out->n, sizeof *out->secs, sec_sort_cmp);
    out->first_section_block = nb;
    for (size_t i = 0; i < out->n; i++) {
        section *s = &out->secs[i];
        if (s->status == SEC_MISSING)
            continue;
        if (s->heading_block < out->first_section_block)
            out->first_section_block = s->heading_block;
        out->roles[s->heading_block] = ROLE_HEADING;
        out->block_sec[s->heading_block] = (int)i;
        for (size_t b = s->body_start; b < s->body_end; b++)
            out->block_sec[b] = (int)i;
    }
    for (size_t i = 0; i < out->n; i++) {
        section *s = &out->secs[i];
        char parent[OUTLINE_NUM_MAX];
        memcpy(parent, s->number, OUTLINE_NUM_MAX);
        char *dot;
        while (s->parent < 0 && (dot = strrchr(parent, '.'))) {
            *dot = '\0';
            int j = find_sorted(out, parent);
            if (j >= 0 && out->secs[j].status != SEC_MISSING)
                s->parent = j;
        }
        switch (s->status) {
        case SEC_FOUND: out->found++; break;
        case SEC_MISSING: out->missing++; break;
        case SEC_EXTRA: out->extra++; break;
        case SEC_DUPLICATE: out->duplicate++; break;
        case SEC_OUT_OF_ORDER: out->out_of_order++; break;
        }
    }
    out->expected = spec->n;
    int ntables = 0;
    unsigned char *revtab = meta_revision_tables(d, &ntables);
    for (size_t b = 0; b < nb; b++) {
        if (out->roles[b] == ROLE_TOC || out->roles[b] == ROLE_HEADING)
            continue;
        if (d->blocks[b].table && revtab[d->blocks[b].table])
            out->roles[b] = ROLE_REVISION;
        else
            out->roles[b] = b < out->first_section_block ? ROLE_FRONT : ROLE_BODY;
    }
    free(revtab);
    free(times);
    free(c);
    free(k);
    free(firsts);
    free(first_idx);
    free(in_order);
    free(ooo);
    return 0;
}

size_t outline_present(const outline *o)
{
    return o->found + o->out_of_order;
}

int outline_find(const outline *o, const char *number)
{
    return find_sorted(o, number); /* missing entries sort after found ones */
}

/* outline_title.c — comparing a heading's title with the RFC 3647, BR
 * and French titles of a section (outline_internal.h). */
#include "outline_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* ---- titles -------------------------------------------------------------- */

#define MAX_WORDS 24

typedef struct wordset {
    char w[MAX_WORDS][24];
    int n;
} wordset;

static int stopword(const char *w, size_t l)
{
    if (l > 4)
        return 0; /* the longest below has 4 letters */
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
        /* "on-line", "e-mail", "re-key": a short prefix joins its word, so
         * "On-line" and "Online" are the same word */
        if (l <= 3 && *p == '-' && isalpha(p[1])) {
            const unsigned char *q = p + 1;
            while (*q && (isalnum(*q) || *q >= 0x80) && l + 1 < sizeof w)
                w[l++] = (char)*q++;
            w[l] = '\0';
            p = q;
            while (*p && (isalnum(*p) || *p >= 0x80))
                p++;
        }
        /* "CP/CPS" names the CPS */
        if (!strcmp(w, "cp") && p[0] == '/' && !strncmp((const char *)p + 1, "cps", 3))
            continue;
        if (l > 3 && w[l - 1] == 's')
            w[--l] = '\0';
        if (stopword(w, l))
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
int outline_title_matches(const outline_entry *en, const char *heading, int strict)
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




/* Dice coefficient of a against title (0 when either is empty). */
static double dice(const wordset *a, const char *title)
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
    return 2.0 * common / (a->n + b.n);
}

double outline_title_score(const outline_entry *en, const char *heading)
{
    text_map m;
    if (text_fold(heading, strlen(heading), &m, NULL) != 0)
        return 0;
    wordset a;
    words_of(m.s, &a);
    text_map_free(&m);
    double best = dice(&a, en->title);
    if (en->title_br) {
        double x = dice(&a, en->title_br);
        best = x > best ? x : best;
    }
    for (size_t i = 0; i < en->nfr; i++) {
        double x = dice(&a, en->titles_fr[i]);
        best = x > best ? x : best;
    }
    return best;
}

/* ---- aligning unnumbered headings -------------------------------------- */

/* The word sets of every title of a spec entry. */
typedef struct entry_words {
    wordset w[6];
    int n;
} entry_words;

static void fold_words(const char *s, wordset *ws)
{
    text_map m;
    ws->n = 0;
    if (text_fold(s, strlen(s), &m, NULL) != 0)
        return;
    words_of(m.s, ws);
    text_map_free(&m);
}

static double dice_ws(const wordset *a, const wordset *b)
{
    if (!a->n || !b->n)
        return 0;
    int common = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            if (strcmp(a->w[i], b->w[j]) == 0 ||
                (strlen(a->w[i]) >= 5 && strncmp(a->w[i], b->w[j], 5) == 0)) {
                common++;
                break;
            }
    return 2.0 * common / (a->n + b->n);
}

static double best_dice(const wordset *h, const entry_words *e)
{
    double best = 0;
    for (int k = 0; k < e->n; k++) {
        double x = dice_ws(h, &e->w[k]);
        best = x > best ? x : best;
    }
    return best;
}

enum { MV_NONE = 0, MV_SKIP_H, MV_SKIP_S, MV_PAIR };

void outline_align(const doc *d, const outline_spec *spec, outline_uh *h, size_t n)
{
    size_t m = spec->n;
    entry_words *ew = xcalloc(m ? m : 1, sizeof *ew);
    for (size_t j = 0; j < m; j++) {
        const outline_entry *en = &spec->e[j];
        fold_words(en->title, &ew[j].w[ew[j].n++]);
        if (en->title_br)
            fold_words(en->title_br, &ew[j].w[ew[j].n++]);
        for (size_t f = 0; f < en->nfr && ew[j].n < 6; f++)
            fold_words(en->titles_fr[f], &ew[j].w[ew[j].n++]);
    }
    wordset *hw = xmalloc((n ? n : 1) * sizeof *hw);
    for (size_t i = 0; i < n; i++) {
        fold_words(d->blocks[h[i].block].text, &hw[i]);
        h[i].spec = -1;
    }
    size_t w = m + 1;
    float *sc = xmalloc((n + 1) * w * sizeof *sc);
    unsigned char *mv = xmalloc((n + 1) * w);
    for (size_t i = 0; i <= n; i++)
        for (size_t j = 0; j <= m; j++) {
            float best = 0;
            unsigned char how = MV_NONE;
            if (i > 0) {
                best = sc[(i - 1) * w + j] - 0.05f; /* a heading left out costs a little */
                how = MV_SKIP_H;
            }
            if (j > 0 && (how == MV_NONE || sc[i * w + j - 1] > best)) {
                best = sc[i * w + j - 1];
                how = MV_SKIP_S;
            }
            if (i > 0 && j > 0 && h[i - 1].level == spec->e[j - 1].level) {
                float g = sc[(i - 1) * w + j - 1] + 1.0f +
                          2.0f * (float)best_dice(&hw[i - 1], &ew[j - 1]);
                if (how == MV_NONE || g > best) {
                    best = g;
                    how = MV_PAIR;
                }
            }
            sc[i * w + j] = how == MV_NONE ? 0 : best;
            mv[i * w + j] = how;
        }
    /* trace back, then keep the pairs that share a word with their entry
     * or directly follow a kept pair */
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
        unsigned char how = mv[i * w + j];
        if (how == MV_PAIR) {
            h[i - 1].spec = (int)(j - 1);
            i--, j--;
        } else if (how == MV_SKIP_H) {
            i--;
        } else {
            j--;
        }
    }
    int prev_i = -2, prev_j = -2;
    for (size_t a = 0; a < n; a++) {
        if (h[a].spec < 0)
            continue;
        int sj = h[a].spec;
        int ok = best_dice(&hw[a], &ew[sj]) > 0 || (prev_i == (int)a - 1 && prev_j == sj - 1);
        if (!ok) {
            h[a].spec = -1;
            continue;
        }
        prev_i = (int)a;
        prev_j = sj;
    }
    free(sc);
    free(mv);
    free(hw);
    free(ew);
}

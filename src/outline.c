/* outline.c — recognising the headings of a document and building its
 * outline (outline.h). The expected outline and section numbers are in
 * outline_spec.c, title comparison and the alignment of unnumbered
 * headings in outline_title.c. */
#include "outline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "meta.h"
#include "outline_internal.h"

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
    int match;         /* its title matches the RFC's (phase 2) */
    size_t cont;       /* the block its title continues on, (size_t)-1 none */
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

size_t outline_lower_bound(const outline *o, const char *number)
{
    size_t lo = 0, hi = o->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (outline_number_cmp(o->secs[mid].number, number) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First index of number in the sorted sections, or -1. */
static int find_sorted(const outline *o, const char *number)
{
    size_t lo = outline_lower_bound(o, number);
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

/* The state of one outline_build: the candidates and what is decided
 * about them, phase by phase. */
typedef struct build {
    const doc *d;
    const outline_spec *spec;
    outline *out;
    size_t nb;
    size_t *times;     /* per block: how many blocks start with its number */
    cand *c;           /* candidates, in document order */
    size_t nc;
    cand **k;          /* kept candidates */
    size_t nk;
    int *ooo;          /* per kept candidate: out of RFC order */
} build;

/* TOC state of phase 1 */
typedef struct toc_state {
    int in_toc;
    char first[OUTLINE_NUM_MAX];
} toc_state;

/* A numbered line whose title ends with a page number ("1.5.2 Contact
 * person 12") and whose number comes again in the document: a table of
 * contents entry without leaders. */
static int toc_page_number(const doc_block *b, size_t used, size_t times)
{
    if (times < 2 || b->kind == BLOCK_HEADING || used >= b->len)
        return 0;
    size_t n = b->len;
    const char *s = b->text;
    size_t digits = 0;
    while (n && isdigit((unsigned char)s[n - 1]))
        n--, digits++;
    return digits >= 1 && digits <= 3 && n > used && s[n - 1] == ' ' &&
           !isdigit((unsigned char)s[n - 2]) && s[n - 2] != '.';
}

/* Phase 1a: is block i part of a table of contents? Sets its role. */
static int toc_step(build *bd, size_t i, toc_state *t, size_t used, const char *num)
{
    const doc_block *b = &bd->d->blocks[i];
    if (is_toc_title(b->text, b->len)) {
        t->in_toc = 1;
        t->first[0] = '\0';
        bd->out->roles[i] = ROLE_TOC;
        return 1;
    }
    if (t->in_toc && b->kind == BLOCK_HEADING)
        t->in_toc = 0;
    if (b->flags & (BLOCK_TOC | BLOCK_LINK_ONLY) || (used && has_leaders(b->text, b->len)) ||
        (used && toc_page_number(b, used, bd->times[i]))) {
        bd->out->roles[i] = ROLE_TOC;
        return 1;
    }
    if (!t->in_toc)
        return 0;
    /* the region ends at a number seen once in the whole document (a real
     * heading: a TOC entry has its twin in the body) or when its first
     * number comes round again */
    int ends = used && (bd->times[i] < 2 || (t->first[0] && !strcmp(t->first, num)));
    if (!ends) {
        bd->out->roles[i] = ROLE_TOC;
        if (used && !t->first[0])
            memcpy(t->first, num, OUTLINE_NUM_MAX);
        return 1;
    }
    t->in_toc = 0;
    return 0;
}

static cand *new_cand(build *bd, size_t block, const char *number, int strength, int sp)
{
    cand *k = &bd->c[bd->nc++];
    memset(k, 0, sizeof *k);
    k->block = block;
    memcpy(k->number, number, OUTLINE_NUM_MAX);
    k->strength = strength;
    k->spec = sp;
    k->keep = 1;
    k->cont = (size_t)-1;
    return k;
}

/* Phase 1b: a heading without a number stands for the RFC section
 * expected next whose title it carries. */
static void unnumbered_cand(build *bd, size_t i, int *last_spec)
{
    const doc_block *b = &bd->d->blocks[i];
    /* a heading element, or a bold line in capitals (a chapter title set
     * apart between numbered sections) */
    int caps_bold = 0;
    if (b->kind != BLOCK_HEADING && (b->flags & BLOCK_BOLD) && !b->table) {
        caps_bold = 1;
        for (size_t k = 0; k < b->len; k++)
            caps_bold &= !islower((unsigned char)b->text[k]);
    }
    if ((b->kind != BLOCK_HEADING && !caps_bold) || !heading_like(b->text, 12))
        return;
    const outline_spec *spec = bd->spec;
    for (int j = *last_spec + 1; j < (int)spec->n && j <= *last_spec + UNNUMBERED_WINDOW; j++)
        if (outline_title_matches(&spec->e[j], b->text, 1)) {
            cand *k = new_cand(bd, i, spec->e[j].number, STRENGTH_TITLE, j);
            k->unnumbered = 1;
            *last_spec = j;
            return;
        }
}

/* The block after i when it can continue the heading at i: a short,
 * heading-like, unnumbered block outside tables, bold or a heading when
 * the heading at i is. (size_t)-1 if none. */
static size_t continuation(const build *bd, size_t i)
{
    if (i + 1 >= bd->nb)
        return (size_t)-1;
    const doc_block *b = &bd->d->blocks[i], *nx = &bd->d->blocks[i + 1];
    char num[OUTLINE_NUM_MAX];
    if (nx->table || (nx->flags & BLOCK_TOC) || !heading_like(nx->text, 12) ||
        outline_parse_number(nx->text, nx->len, num))
        return (size_t)-1;
    if (b->kind == BLOCK_HEADING && nx->kind != BLOCK_HEADING && !(nx->flags & BLOCK_BOLD))
        return (size_t)-1;
    if ((b->flags & BLOCK_BOLD) && !(nx->flags & BLOCK_BOLD) && nx->kind != BLOCK_HEADING)
        return (size_t)-1;
    return i + 1;
}

/* A title that cannot end there: it ends with a connector ("... issuance
 * to", "... et") or a hyphen or comma. */
static int dangling(const char *t)
{
    static const char *const w[] = {"to", "of", "and", "or", "the", "for", "by", "on", "in",
                                    "with", "de", "du", "des", "et", "ou", "la", "le", "les",
                                    "aux", "par", "pour", "en", NULL};
    size_t n = strlen(t);
    if (n && (t[n - 1] == '-' || t[n - 1] == ','))
        return 1;
    size_t st = n;
    while (st && isalpha((unsigned char)t[st - 1]))
        st--;
    if (st == n || (st && t[st - 1] != ' '))
        return 0;
    for (int k = 0; w[k]; k++)
        if (strlen(w[k]) == n - st && strncasecmp(t + st, w[k], n - st) == 0)
            return 1;
    return 0;
}

/* title, or title and the continuation block (malloc'd). */
static char *joined_title(const build *bd, const cand *k)
{
    const doc_block *b = &bd->d->blocks[k->block];
    const char *title = b->text + k->title_off;
    if (k->cont == (size_t)-1)
        return xstrdup(title);
    const doc_block *nx = &bd->d->blocks[k->cont];
    buf t = BUF_INIT;
    buf_printf(&t, "%s%s%s", title, *title ? " " : "", nx->text);
    return buf_detach(&t);
}

/* A heading (or bold line) whose title goes on, in a PDF, on the next
 * line: "9 OTHER BUSINESS AND LEGAL" then "MATTERS". The next block
 * continues it when it is short, not numbered, in capitals, bold or a
 * heading (or the title dangles: "... issuance to"), and the joined title
 * matches the RFC's better than the first line alone. Returns that block,
 * or (size_t)-1. */
static size_t wrapped_heading(const build *bd, size_t i, size_t used, int sp)
{
    const doc_block *b = &bd->d->blocks[i];
    const char *title = b->text + used;
    const outline_entry *en = &bd->spec->e[sp];
    if (i + 1 >= bd->nb)
        return (size_t)-1;
    const doc_block *nx = &bd->d->blocks[i + 1];
    char num[OUTLINE_NUM_MAX];
    if (nx->table || nx->len > 60 || !heading_like(nx->text, 6) ||
        outline_parse_number(nx->text, nx->len, num))
        return (size_t)-1;
    int caps = 1;
    for (size_t k = 0; k < nx->len; k++)
        caps &= !islower((unsigned char)nx->text[k]);
    if (!caps && !(nx->flags & BLOCK_BOLD) && nx->kind != BLOCK_HEADING && !dangling(title))
        return (size_t)-1;
    cand probe = {.block = i, .title_off = used, .cont = i + 1};
    char *t = joined_title(bd, &probe);
    /* the joined title must match, and better than the first line alone */
    int ok = outline_title_matches(en, t, 0) &&
             outline_title_score(en, t) > outline_title_score(en, title);
    free(t);
    return ok ? i + 1 : (size_t)-1;
}

/* Phase 1c: a numbered block. Returns the blocks it used beyond its own
 * (1 when its title continues on the next block). */
static size_t numbered_cand(build *bd, size_t i, size_t used, const char *num, int *last_spec)
{
    const doc_block *b = &bd->d->blocks[i];
    const char *title = b->text + used;
    int strength = b->kind == BLOCK_HEADING ? STRENGTH_HEADING
                   : (b->flags & BLOCK_BOLD) ? STRENGTH_BOLD
                                             : STRENGTH_PLAIN;
    int sp = outline_spec_find(bd->spec, num);
    size_t cont = (size_t)-1;
    if (!*title) {
        /* "4.2.1." alone, its title on the next (bold) line */
        cont = continuation(bd, i);
        if (cont == (size_t)-1 && (strength != STRENGTH_HEADING || used < b->len))
            return 0;
    } else if (strength == STRENGTH_BOLD && !heading_like(title, 25)) {
        return 0;
    } else if (strength == STRENGTH_PLAIN && !heading_like(title, 16)) {
        return 0;
    }
    if (strength == STRENGTH_PLAIN) {
        cand probe = {.block = i, .title_off = used, .cont = cont};
        char *t = joined_title(bd, &probe);
        int ok = 0;
        if (sp >= 0) {
            ok = outline_title_matches(&bd->spec->e[sp], t, 0);
            if ((!ok || dangling(t)) && cont == (size_t)-1 &&
                (cont = continuation(bd, i)) != (size_t)-1) {
                /* a title wrapped onto the next line */
                probe.cont = cont;
                free(t);
                t = joined_title(bd, &probe);
                int joined = outline_title_matches(&bd->spec->e[sp], t, 0);
                if (!joined)
                    cont = (size_t)-1;
                ok |= joined;
            }
        } else if (strchr(num, '.')) {
            ok = isupper((unsigned char)t[0]) || (unsigned char)t[0] >= 0xC0;
        }
        free(t);
        if (!ok)
            return 0;
    }
    if (strength != STRENGTH_PLAIN && *title && cont == (size_t)-1 && sp >= 0)
        cont = wrapped_heading(bd, i, used, sp);
    cand *k = new_cand(bd, i, num, strength, sp);
    k->title_off = used;
    k->cont = cont;
    if (sp > *last_spec)
        *last_spec = sp;
    return cont == (size_t)-1 ? 0 : 1;
}

/* Phase 1: candidates and tables of contents. */
static void find_candidates(build *bd)
{
    toc_state t;
    memset(&t, 0, sizeof t);
    int last_spec = -1; /* highest spec index among candidates so far */
    for (size_t i = 0; i < bd->nb; i++) {
        const doc_block *b = &bd->d->blocks[i];
        char num[OUTLINE_NUM_MAX];
        size_t used = outline_parse_number(b->text, b->len, num);
        if (toc_step(bd, i, &t, used, num))
            continue;
        if (b->table && b->kind != BLOCK_HEADING)
            continue;
        if (!used)
            unnumbered_cand(bd, i, &last_spec);
        else
            i += numbered_cand(bd, i, used, num, &last_spec);
    }
}

/* Phase 2: a number seen in several strengths keeps its strongest ones (a
 * bold or plain line repeating a real heading is a TOC or a cross-
 * reference); among equals, one whose title matches the RFC beats one
 * whose title does not (a footnote "6 Legacy applications"); a plain-line
 * extra must have its parent number somewhere. Then duplicates: all but
 * the first of a number. Leaves bd->k in document order. */
static void keep_strongest(build *bd)
{
    size_t nc = bd->nc;
    cand **k = bd->k = xmalloc((nc ? nc : 1) * sizeof *k);
    for (size_t i = 0; i < nc; i++) {
        k[i] = &bd->c[i];
        if (k[i]->spec >= 0 && k[i]->strength > STRENGTH_TITLE) {
            char *t = joined_title(bd, k[i]);
            k[i]->match = outline_title_matches(&bd->spec->e[k[i]->spec], t, 0);
            free(t);
        }
    }
    qsort(k, nc, sizeof *k, cand_sort_cmp);
    for (size_t i = 0; i < nc;) {
        size_t j = i;
        int any_match = 0;
        while (j < nc && strcmp(k[j]->number, k[i]->number) == 0) {
            if (k[j]->strength < k[i]->strength)
                k[j]->keep = 0;
            else
                any_match |= k[j]->match;
            j++;
        }
        for (size_t m = i; m < j && any_match; m++)
            if (k[m]->strength == k[i]->strength && !k[m]->match)
                k[m]->keep = 0;
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
        if (!find_cand(k, nk, parent) && outline_spec_find(bd->spec, parent) < 0)
            k[i]->keep = 0;
    }
    for (size_t i = 0; i < nk; i++)
        if (i && k[i]->keep && k[i - 1]->keep && strcmp(k[i]->number, k[i - 1]->number) == 0)
            k[i]->dup = 1;
    size_t w = 0;
    for (size_t i = 0; i < nk; i++)
        if (k[i]->keep)
            k[w++] = k[i];
    bd->nk = w;
    qsort(k, w, sizeof *k, cand_block_cmp); /* back to document order */
}

/* Phase 3: out of order = outside the longest increasing run of first
 * occurrences. */
static void mark_out_of_order(build *bd)
{
    size_t nk = bd->nk;
    cand **firsts = xmalloc((nk ? nk : 1) * sizeof *firsts);
    size_t *first_idx = xmalloc((nk ? nk : 1) * sizeof *first_idx);
    size_t nf = 0;
    for (size_t i = 0; i < nk; i++)
        if (!bd->k[i]->dup) {
            first_idx[nf] = i;
            firsts[nf++] = bd->k[i];
        }
    int *in_order = xcalloc(nf ? nf : 1, sizeof *in_order);
    mark_in_order(firsts, nf, in_order);
    bd->ooo = xcalloc(nk ? nk : 1, sizeof *bd->ooo);
    for (size_t i = 0; i < nf; i++)
        bd->ooo[first_idx[i]] = !in_order[i];
    free(firsts);
    free(first_idx);
    free(in_order);
}

/* Phase 4: a section per kept candidate, with its ranges. */
static void found_sections(build *bd)
{
    outline *out = bd->out;
    size_t nk = bd->nk, nb = bd->nb;
    cand **k = bd->k;
    size_t cap = nk + bd->spec->n;
    out->secs = xcalloc(cap ? cap : 1, sizeof *out->secs);
    size_t *stack = xmalloc((nk ? nk : 1) * sizeof *stack);
    size_t depth = 0;
    for (size_t i = 0; i < nk; i++) {
        section *s = &out->secs[out->n++];
        const doc_block *b = &bd->d->blocks[k[i]->block];
        memcpy(s->number, k[i]->number, OUTLINE_NUM_MAX);
        s->heading = joined_title(bd, k[i]);
        s->line = b->line;
        s->page = b->page;
        s->spec = k[i]->spec;
        s->level = outline_number_level(s->number);
        s->heading_block = k[i]->block;
        s->unnumbered = k[i]->unnumbered;
        s->body_start = (k[i]->cont != (size_t)-1 ? k[i]->cont : k[i]->block) + 1;
        s->body_end = i + 1 < nk ? k[i + 1]->block : nb;
        if (s->body_end < s->body_start)
            s->body_end = s->body_start;
        s->parent = -1;
        s->status = k[i]->dup ? SEC_DUPLICATE : bd->ooo[i] ? SEC_OUT_OF_ORDER
                    : s->spec < 0 ? SEC_EXTRA : SEC_FOUND;
        s->title_match = s->spec >= 0
                             ? outline_title_matches(&bd->spec->e[s->spec], s->heading, 0)
                             : -1;
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
            text = out->roles[b] != ROLE_TOC && !blank_text(bd->d->blocks[b].text);
        s->empty = !text && s->scope_end == s->body_end;
    }
}

/* Phase 5: a missing entry for every RFC section not found. */
static void missing_sections(build *bd)
{
    const outline_spec *spec = bd->spec;
    outline *out = bd->out;
    char *seen = xcalloc(spec->n ? spec->n : 1, 1);
    for (size_t j = 0; j < bd->nk; j++)
        if (bd->k[j]->spec >= 0)
            seen[bd->k[j]->spec] = 1;
    for (size_t i = 0; i < spec->n; i++) {
        if (seen[i])
            continue;
        section *s = &out->secs[out->n++];
        memcpy(s->number, spec->e[i].number, OUTLINE_NUM_MAX);
        s->status = SEC_MISSING;
        s->spec = (int)i;
        s->level = spec->e[i].level;
        s->heading_block = (size_t)-1;
        s->body_start = s->body_end = s->scope_end = bd->nb;
        s->parent = -1;
        s->title_match = -1;
        s->empty = 1;
    }
    free(seen);
}

/* Phase 6: sort by number, map blocks to sections and parents, count,
 * and give every other block its role. */
static void finish(build *bd)
{
    outline *out = bd->out;
    size_t nb = bd->nb;
    qsort(out->secs, out->n, sizeof *out->secs, sec_sort_cmp);
    out->first_section_block = nb;
    for (size_t i = 0; i < out->n; i++) {
        section *s = &out->secs[i];
        if (s->status == SEC_MISSING)
            continue;
        if (s->heading_block < out->first_section_block)
            out->first_section_block = s->heading_block;
        for (size_t b = s->heading_block; b < s->body_start; b++) {
            out->roles[b] = ROLE_HEADING;
            out->block_sec[b] = (int)i;
        }
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
    out->expected = bd->spec->n;
    int ntables = 0;
    unsigned char *revtab = meta_revision_tables(bd->d, &ntables);
    for (size_t b = 0; b < nb; b++) {
        if (out->roles[b] == ROLE_TOC || out->roles[b] == ROLE_HEADING)
            continue;
        if (bd->d->blocks[b].table && revtab[bd->d->blocks[b].table])
            out->roles[b] = ROLE_REVISION;
        else
            out->roles[b] = b < out->first_section_block ? ROLE_FRONT : ROLE_BODY;
    }
    free(revtab);
}

/* Phase 1d: a document whose headings are mostly unnumbered (numbers lost
 * in a Word export): align its headings to RFC 3647 by level and order
 * (outline_align), in place of the title-only matches of phase 1b. Only
 * when fewer than a tenth of the RFC sections have a numbered heading and
 * there are at least a fifth as many unnumbered headings. */
static void align_if_unnumbered(build *bd)
{
    const doc *d = bd->d;
    size_t nnum = 0, m = bd->spec->n;
    for (size_t i = 0; i < bd->nc; i++)
        nnum += bd->c[i].spec >= 0 && bd->c[i].strength > STRENGTH_TITLE;
    if (nnum >= m / 10)
        return;
    outline_uh *h = xmalloc((bd->nb ? bd->nb : 1) * sizeof *h);
    size_t nh = 0;
    int count[7] = {0};
    char num[OUTLINE_NUM_MAX];
    for (size_t i = 0; i < bd->nb && nh < 4 * m; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind != BLOCK_HEADING || b->table || bd->out->roles[i] == ROLE_TOC ||
            (b->flags & BLOCK_TOC) || !heading_like(b->text, 12) ||
            outline_parse_number(b->text, b->len, num))
            continue;
        h[nh].block = i;
        h[nh++].level = b->level;
        count[b->level >= 1 && b->level <= 6 ? b->level : 0]++;
    }
    int chapter = 0; /* the highest level with at least 3 headings */
    for (int l = 1; l <= 6 && !chapter; l++)
        if (count[l] >= 3)
            chapter = l;
    if (nh < m / 5 || !chapter) {
        free(h);
        return;
    }
    for (size_t i = 0; i < nh; i++)
        h[i].level = h[i].level >= chapter ? h[i].level - chapter + 1 : 0;
    outline_align(d, bd->spec, h, nh);
    size_t w = 0;
    for (size_t i = 0; i < bd->nc; i++)
        if (!bd->c[i].unnumbered)
            bd->c[w++] = bd->c[i];
    bd->nc = w;
    for (size_t i = 0; i < nh; i++)
        if (h[i].spec >= 0) {
            cand *k = new_cand(bd, h[i].block, bd->spec->e[h[i].spec].number, STRENGTH_TITLE,
                               h[i].spec);
            k->unnumbered = 1;
        }
    free(h);
}

int outline_build(const doc *d, const outline_spec *spec, outline *out, cps_err *e)
{
    (void)e;
    memset(out, 0, sizeof *out);
    build bd;
    memset(&bd, 0, sizeof bd);
    bd.d = d;
    bd.spec = spec;
    bd.out = out;
    bd.nb = d->nblocks;
    out->nblocks = bd.nb;
    out->roles = xcalloc(bd.nb ? bd.nb : 1, sizeof *out->roles);
    out->block_sec = xmalloc((bd.nb ? bd.nb : 1) * sizeof *out->block_sec);
    for (size_t i = 0; i < bd.nb; i++)
        out->block_sec[i] = -1;
    bd.times = number_counts(d);
    bd.c = xmalloc((bd.nb ? bd.nb : 1) * sizeof *bd.c);
    find_candidates(&bd);
    align_if_unnumbered(&bd);
    keep_strongest(&bd);
    mark_out_of_order(&bd);
    found_sections(&bd);
    missing_sections(&bd);
    finish(&bd);
    free(bd.times);
    free(bd.c);
    free(bd.k);
    free(bd.ooo);
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


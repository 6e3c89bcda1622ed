/* check_scope.c — where statement rules read (check_internal.h): the
 * sections of a rule's scope and those its text refers to ("see Section
 * 4.9.1"), one hop; the parts of a document that only name things
 * (definitions, references, bibliography, glossary); the language whose
 * patterns read a block; and the evidence a pass rests on. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

/* ---- references to other sections --------------------------------------- */

/* Words that, shortly before "section N", make it a pointer to where the
 * answer is (matching text: folded, accents stripped). */
static const char *const ref_cues[] = {
    "see ", "refer to", "referred to", "described in", "specified in", "set forth in",
    "set out in", "defined in", "detailed in", "stated in", "covered in", "provided in",
    "according to", "in accordance with", "pursuant to", "as per", "addressed in",
    "voir ", "cf.", "cf ", "se reporter", "se referer", "reportez-vous", "conformement",
    "decrit", "decrite", "precise", "defini", "mentionne", "selon ", "indique", "prevu",
    "traite", "figurant", "detaille", NULL};

static const char *const ref_nouns[] = {"sections ", "section ", "chapters ", "chapter ",
                                        "chapitres ", "chapitre ", "paragraphs ",
                                        "paragraph ", "paragraphes ", "paragraphe ",
                                        "clauses ", "clause ", "articles ", "article ",
                                        "\xC2\xA7", NULL};

/* 1 if s[from..to) holds a reference cue and no sentence end. */
static int cue_before(const char *s, size_t from, size_t to)
{
    for (size_t k = from; k + 1 < to; k++)
        if ((s[k] == '.' || s[k] == ';') && s[k + 1] == ' ' && (k < 2 || strncmp(s + k - 2, "cf.", 3)))
            from = k + 2;
    for (size_t i = 0; ref_cues[i]; i++) {
        size_t n = strlen(ref_cues[i]);
        for (size_t k = from; k + n <= to; k++)
            if (!memcmp(s + k, ref_cues[i], n) && (k == 0 || !isalpha((unsigned char)s[k - 1])))
                return 1;
    }
    return 0;
}

/* 1 if the text after a section number names another document ("of the
 * Baseline Requirements", "des exigences"), not this one ("of this CPS"). */
static int other_document(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] == ' ')
        k++;
    static const char *const of[] = {"of ", "in ", "des ", "du ", "de ", NULL};
    for (size_t i = 0; of[i]; i++) {
        size_t m = strlen(of[i]);
        if (k + m > n || memcmp(s + k, of[i], m))
            continue;
        const char *t = s + k + m;
        size_t left = n - k - m;
        static const char *const self[] = {"this ", "the present ", "la presente ", "le present ",
                                           "present ", "ce ", "cette ", "this", NULL};
        for (size_t j = 0; self[j]; j++)
            if (left >= strlen(self[j]) && !memcmp(t, self[j], strlen(self[j])))
                return 0;
        return 1;
    }
    return 0;
}

/* Reads a dotted number at s[*k..n) into num; 1 if one was read. */
static int read_number(const char *s, size_t n, size_t *k, char num[OUTLINE_NUM_MAX])
{
    size_t i = *k, o = 0;
    if (i >= n || !isdigit((unsigned char)s[i]))
        return 0;
    while (i < n && o + 1 < OUTLINE_NUM_MAX &&
           (isdigit((unsigned char)s[i]) ||
            (s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1]))))
        num[o++] = s[i++];
    num[o] = '\0';
    *k = i;
    return o > 0;
}

/* Mark the present sections numbered num, and their subsections (a run of
 * the sorted sections: outline_lower_bound). */
static void mark_subtree(const analysis *a, const rule *r, const char *num, unsigned char *in)
{
    for (size_t i = outline_lower_bound(&a->o, num);
         i < a->o.n && outline_number_within(a->o.secs[i].number, num); i++) {
        const section *sec = &a->o.secs[i];
        if (sec->status == SEC_MISSING)
            continue;
        int excluded = 0;
        for (size_t x = 0; x < r->nexclude; x++)
            excluded |= outline_number_within(sec->number, r->exclude[x]);
        if (!excluded)
            in[i] = 1;
    }
}

/* The references in one block's matching text. */
static void block_refs(const analysis *a, const rule *r, const char *s, size_t n,
                       unsigned char *in)
{
    for (size_t i = 0; ref_nouns[i]; i++) {
        size_t m = strlen(ref_nouns[i]);
        for (const char *p = s; (p = strstr(p, ref_nouns[i])) != NULL; p += m) {
            size_t at = (size_t)(p - s);
            if (at + m > n || (at > 0 && isalpha((unsigned char)s[at - 1])))
                continue;
            size_t k = at + m;
            while (k < n && s[k] == ' ')
                k++;
            size_t from = at > 48 ? at - 48 : 0;
            if (!cue_before(s, from, at))
                continue;
            char num[OUTLINE_NUM_MAX];
            char nums[4][OUTLINE_NUM_MAX];
            size_t nn = 0;
            while (nn < 4 && read_number(s, n, &k, num)) {
                memcpy(nums[nn++], num, sizeof num);
                /* "Sections 4.9.1 and 4.9.3", "4.9.1, 4.9.2 ou 4.9.3" */
                size_t j = k;
                static const char *const seps[] = {", ", " and ", " et ", " or ", " ou ",
                                                   ",", NULL};
                int more = 0;
                for (size_t q = 0; seps[q] && !more; q++) {
                    size_t sl = strlen(seps[q]);
                    if (j + sl < n && !memcmp(s + j, seps[q], sl) &&
                        isdigit((unsigned char)s[j + sl])) {
                        k = j + sl;
                        more = 1;
                    }
                }
                if (!more)
                    break;
            }
            if (!nn || other_document(s + k, n - k))
                continue;
            for (size_t q = 0; q < nn; q++)
                mark_subtree(a, r, nums[q], in);
        }
    }
}

unsigned char *chk_scope_sections(const rule *r, analysis *a)
{
    size_t ns = a->o.n ? a->o.n : 1;
    unsigned char *in = xcalloc(ns, 1);
    for (size_t i = 0; i < a->o.n; i++)
        in[i] = chk_section_in_scope(r, a->o.secs[i].number);
    if (r->scope_strict || r->kind != KIND_REQUIRE || chk_first_scope_section(r, a) == -2)
        return in; /* nothing to follow, or everything read already */
    unsigned char *base = xmalloc(ns);
    memcpy(base, in, ns);
    for (size_t bi = 0; bi < a->d.nblocks && bi < a->o.nblocks; bi++) {
        int si = a->o.block_sec[bi];
        if (si < 0 || !base[si] || a->o.roles[bi] != ROLE_BODY ||
            (a->d.blocks[bi].flags & BLOCK_TOC))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (tm && tm->len)
            block_refs(a, r, tm->s, tm->len, in);
    }
    free(base);
    return in;
}

/* ---- definitions, references, bibliography, history ---------------------- */

static int reference_title(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && (isdigit((unsigned char)s[k]) || s[k] == '.' || s[k] == ' ' ||
                     s[k] == ')' || s[k] == '-'))
        k++;
    static const char *const titles[] = {
        "references", "reference documents", "referenced documents", "normative references",
        "informative references", "related documents", "bibliograph", "glossar", "definition",
        "acronym", "abbreviation", "abreviation", "sigles", "terminolog", "terms and",
        "documents de reference", "documents references", "textes de reference",
        "termes et", "liste des references",
        /* history: old versions and old rules, named, not stated */
        "revision", "document history", "version history", "change log", "changelog",
        "record of changes", "historique", "suivi des modifications", "suivi des versions",
        NULL};
    for (size_t i = 0; titles[i]; i++) {
        size_t m = strlen(titles[i]);
        if (k + m <= n && !memcmp(s + k, titles[i], m))
            return 1;
    }
    return 0;
}

static int reference_number(const char *num)
{
    return !strcmp(num, "1.6.1") || !strcmp(num, "1.6.2") || !strcmp(num, "1.6.3");
}

unsigned char *chk_reference_zones(analysis *a)
{
    unsigned char *z = xcalloc(a->d.nblocks ? a->d.nblocks : 1, 1);
    int sec_ref = 0, cur = 0;
    for (size_t bi = 0; bi < a->d.nblocks && bi < a->o.nblocks; bi++) {
        int numbered = a->o.roles[bi] == ROLE_HEADING;
        if (numbered || a->d.blocks[bi].kind == BLOCK_HEADING) {
            const text_map *tm = analysis_folded(a, bi);
            int t = tm && reference_title(tm->s, tm->len);
            if (numbered) {
                int si = a->o.block_sec[bi];
                sec_ref = t || (si >= 0 && reference_number(a->o.secs[si].number));
                cur = sec_ref;
            } else {
                cur = sec_ref || t;
            }
        }
        z[bi] = (unsigned char)cur;
    }
    return z;
}

/* ---- languages ---------------------------------------------------------- */

/* The profile share above which a document is read as one language
 * (translation.c's threshold for a monolingual English document). */
#define LANGS_MONO 0.85
#define LANGS_BLOCK_WORDS 8
#define LANGS_BLOCK_CONFIDENCE 0.6

void chk_langs_init(chk_langs *l, const analysis *a)
{
    memset(l, 0, sizeof *l);
    snprintf(l->doc, sizeof l->doc, "%s", a->lang);
    l->mono = a->lang_confidence >= LANGS_MONO && strcmp(a->lang, "und");
    const char *decl = a->lang_declared[0] ? a->lang_declared : a->lang;
    for (size_t i = 0; i < a->d.nblocks && l->mono; i++) {
        char b[12];
        lang_primary(a->d.blocks[i].lang, b);
        if (b[0] && strcmp(b, decl))
            l->mono = 0;
    }
}

int chk_pattern_reads(const chk_langs *l, analysis *a, size_t bi, const rule_pattern *p)
{
    if (!p->lang[0])
        return 1;
    char bl[12];
    if (l->mono) {
        memcpy(bl, l->doc, sizeof bl);
    } else {
        lang_guess g = analysis_block_guess(a, bi);
        if (strcmp(g.code, "und") && g.words >= LANGS_BLOCK_WORDS &&
            g.confidence >= LANGS_BLOCK_CONFIDENCE) {
            snprintf(bl, sizeof bl, "%s", g.code);
        } else {
            lang_primary(a->d.blocks[bi].lang, bl);
            if (!bl[0])
                memcpy(bl, l->doc, sizeof bl);
        }
    }
    return !bl[0] || !strcmp(bl, "und") || !strcmp(bl, p->lang);
}

/* ---- evidence ----------------------------------------------------------- */

void chk_add_evidence(evalctx *c, analysis *a, size_t bi, size_t cs, size_t ce, size_t ms,
                      size_t me, int also)
{
    const text_map *tm = analysis_folded(a, bi);
    const doc_block *b = &a->d.blocks[bi];
    if (!tm || ce > tm->len || cs >= ce)
        return;
    size_t ss, se, mss, mse;
    text_map_span(tm, cs, ce, &ss, &se);
    text_map_span(tm, ms, me, &mss, &mse);
    if (se > b->len)
        se = b->len;
    if (ss > se)
        ss = se;
    if (mss < ss || mss > se)
        mss = ss;
    if (mse < mss || mse > se)
        mse = mss;
    for (size_t k = 0; k < c->nev; k++)
        if (c->ev[k].block == bi && c->ev[k].cs == cs)
            return; /* the same sentence answers both groups: quoted once */
    c->ev = xrealloc(c->ev, (c->nev + 1) * sizeof *c->ev);
    check_evidence *v = &c->ev[c->nev++];
    memset(v, 0, sizeof *v);
    v->block = bi;
    v->cs = cs;
    int si = bi < a->o.nblocks ? a->o.block_sec[bi] : -1;
    if (si >= 0)
        snprintf(v->section, sizeof v->section, "%s", a->o.secs[si].number);
    v->line = b->line > 0 ? b->line : 0;
    size_t m1, m2;
    v->quote = text_snippet(b->text + ss, se - ss, mss - ss, mse - ss, 300, &m1, &m2);
    size_t q = strlen(v->quote);
    while (q > 0 && v->quote[q - 1] == ' ')
        v->quote[--q] = '\0';
    v->also = also;
}

void chk_evidence_free(check_evidence *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].quote);
    free(v);
}

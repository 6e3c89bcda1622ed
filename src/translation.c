#include "translation.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

/* ---- issues ------------------------------------------------------------ */

void translation_issues_free(translation_issues *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i].message);
    free(t->v);
    memset(t, 0, sizeof *t);
}

static translation_issue *add_issue(translation_issues *t, int english, int sec, const char *fmt,
                                    ...) __attribute__((format(printf, 4, 5)));

static translation_issue *add_issue(translation_issues *t, int english, int sec, const char *fmt,
                                    ...)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    translation_issue *x = &t->v[t->n++];
    memset(x, 0, sizeof *x);
    x->english = english;
    x->sec = sec;
    x->block = TRANSLATION_NO_BLOCK;
    buf m = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&m, fmt, ap);
    va_end(ap);
    x->message = buf_detach(&m);
    return x;
}

/* ---- versions ---------------------------------------------------------- */

/* Next numeric component of a version at *p (after a '.'), or -1 at the end. */
static long next_component(const char **p)
{
    const char *s = *p;
    if (!*s)
        return -1;
    long v = 0;
    while (isdigit((unsigned char)*s)) {
        if (v < 100000000L)
            v = v * 10 + (*s - '0');
        s++;
    }
    if (*s == '.')
        s++;
    *p = s;
    return v;
}

static int numeric_version(const char *s)
{
    if (!isdigit((unsigned char)*s))
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s) && !(*s == '.' && isdigit((unsigned char)s[1])))
            return 0;
    return 1;
}

int translation_same_version(const char *a, const char *b)
{
    if (!a || !b)
        return !a && !b;
    while (isspace((unsigned char)*a))
        a++;
    while (isspace((unsigned char)*b))
        b++;
    if (*a == 'v' || *a == 'V')
        a++;
    if (*b == 'v' || *b == 'V')
        b++;
    if (numeric_version(a) && numeric_version(b)) {
        for (;;) {
            long x = next_component(&a), y = next_component(&b);
            if (x < 0 && y < 0)
                return 1;
            if (x < 0)
                x = 0; /* "5.1" vs "5.1.0" */
            if (y < 0)
                y = 0;
            if (x != y)
                return 0;
        }
    }
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* ---- block language ---------------------------------------------------- */

enum { BL_SKIP = 0, BL_UND, BL_EN, BL_OTHER };

static int own_text_block(const analysis *a, size_t bi)
{
    if (bi >= a->o.nblocks || a->o.roles[bi] != ROLE_BODY)
        return 0;
    const doc_block *b = &a->d.blocks[bi];
    return !(b->flags & BLOCK_TOC) && b->len > 0;
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* The lang attribute blocks inherit rather than declare: the root
 * element's, else the one carried by at least 80% of the body text (Word
 * puts it on <body>), else "" (every declared lang then counts). */
static void ambient_lang(const analysis *a, char out[12])
{
    lang_primary(a->d.lang_attr, out);
    if (out[0])
        return;
    char tags[8][12];
    size_t weight[8], ntags = 0;
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!own_text_block(a, bi))
            continue;
        char p[12];
        lang_primary(a->d.blocks[bi].lang, p);
        size_t k = 0;
        while (k < ntags && strcmp(tags[k], p))
            k++;
        if (k == ntags) {
            if (ntags == 8)
                continue;
            memcpy(tags[ntags], p, sizeof p);
            weight[ntags++] = 0;
        }
        weight[k] += a->d.blocks[bi].len;
    }
    size_t best = 0, total = 0;
    for (size_t k = 0; k < ntags; k++) {
        total += weight[k];
        if (weight[k] > best) {
            best = weight[k];
            memcpy(out, tags[k], 12);
        }
    }
    if ((double)best < 0.8 * (double)total)
        out[0] = '\0';
}

static void block_lang(analysis *a, size_t bi, const char *ambient, char out[12])
{
    const doc_block *b = &a->d.blocks[bi];
    lang_guess g = analysis_block_guess(a, bi);
    if (strcmp(g.code, "und") && g.words >= TRANSLATION_BLOCK_WORDS &&
        g.confidence >= TRANSLATION_BLOCK_CONFIDENCE) {
        snprintf(out, 12, "%s", g.code);
        return;
    }
    char declared[12];
    lang_primary(b->lang, declared);
    if (declared[0] && strcmp(declared, ambient)) {
        memcpy(out, declared, 12);
        return;
    }
    out[0] = '\0';
}

void translation_block_lang(analysis *a, size_t bi, char out[12])
{
    out[0] = '\0';
    if (bi >= a->d.nblocks)
        return;
    char amb[12];
    ambient_lang(a, amb);
    block_lang(a, bi, amb, out);
}

/* Per block: BL_SKIP (not own text), BL_UND, BL_EN or BL_OTHER. Caller frees. */
static unsigned char *block_classes(analysis *a)
{
    unsigned char *c = xcalloc(a->d.nblocks ? a->d.nblocks : 1, 1);
    char amb[12];
    ambient_lang(a, amb);
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!own_text_block(a, bi))
            continue;
        char l[12];
        block_lang(a, bi, amb, l);
        c[bi] = !l[0] ? BL_UND : !strcmp(l, "en") ? BL_EN : BL_OTHER;
    }
    return c;
}

/* Characters of section si's own text; cls/want select blocks (cls NULL: all). */
static size_t section_chars(const analysis *a, int si, const unsigned char *cls, int want)
{
    const section *s = &a->o.secs[si];
    if (s->status == SEC_MISSING)
        return 0;
    size_t n = 0;
    for (size_t bi = s->body_start; bi < s->body_end && bi < a->d.nblocks; bi++) {
        if (!own_text_block(a, bi) || a->o.block_sec[bi] != si)
            continue;
        if (cls && cls[bi] != want)
            continue;
        n += utf8_chars(a->d.blocks[bi].text, a->d.blocks[bi].len);
    }
    return n;
}

size_t translation_section_chars(analysis *a, int si, int english)
{
    if (si < 0 || (size_t)si >= a->o.n)
        return 0;
    if (english < 0)
        return section_chars(a, si, NULL, 0);
    unsigned char *cls = block_classes(a);
    size_t n = section_chars(a, si, cls, english ? BL_EN : BL_OTHER);
    free(cls);
    return n;
}

static void coverage(const analysis *a, const unsigned char *cls, translation_coverage *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < a->o.n; i++) {
        size_t en = section_chars(a, (int)i, cls, BL_EN);
        size_t other = section_chars(a, (int)i, cls, BL_OTHER);
        size_t und = section_chars(a, (int)i, cls, BL_UND);
        c->english_chars += en;
        c->other_chars += other;
        if (!en && !other)
            continue; /* no text, or only undecided short text */
        c->sections++;
        c->english += en > 0;
        c->other += other > 0 || und > 0;
    }
}

void translation_coverage_of(analysis *a, translation_coverage *c)
{
    unsigned char *cls = block_classes(a);
    coverage(a, cls, c);
    free(cls);
}

/* Profile share above which an English document counts as monolingual
 * (the corpus and samples: 0.93-0.97 for English documents, 0.47 for the
 * bilingual sample). */
#define TRANSLATION_MONOLINGUAL 0.85

/* 1 if some block declares a language other than the document's. */
static int declares_other_language(const analysis *a)
{
    for (size_t i = 0; i < a->d.nblocks; i++) {
        char l[12];
        lang_primary(a->d.blocks[i].lang, l);
        if (l[0] && strcmp(l, a->lang_declared[0] ? a->lang_declared : a->lang))
            return 1;
    }
    return 0;
}

/* An English document is bilingual only if some of its text was decided
 * to be in another language; short undecided text is not enough. */
static int is_bilingual(const analysis *a, const translation_coverage *c)
{
    return c->sections > 0 && c->other > 0 &&
           (c->other_chars > 0 || strcmp(a->lang, "en")) &&
           (double)c->english >= TRANSLATION_BILINGUAL_SHARE * (double)c->sections;
}

/* A document whose profile, sampled across it, is clearly English and
 * that declares no other language has no other-language part: no need to
 * decide every block's language. */
static int clearly_monolingual(const analysis *a)
{
    return !strcmp(a->lang, "en") && a->lang_confidence >= TRANSLATION_MONOLINGUAL &&
           !declares_other_language(a);
}

int translation_bilingual(analysis *a)
{
    if (clearly_monolingual(a))
        return 0;
    translation_coverage c;
    translation_coverage_of(a, &c);
    return is_bilingual(a, &c);
}

/* ---- pair checks -------------------------------------------------------- */

static void check_version(const analysis *orig, const analysis *en, translation_issues *out)
{
    const char *v1 = orig->meta.version, *v2 = en->meta.version;
    if (v1 && translation_same_version(v1, v2)) {
        /* Same cover page: the revision histories must end at the same row. */
        const revision *r1 = meta_newest_revision(&orig->meta), *r2 = meta_newest_revision(&en->meta);
        if (r1 && r2 && r1->version && r2->version &&
            !translation_same_version(r1->version, r2->version)) {
            translation_issue *x = add_issue(out, 1, -1, "the revision history of the original "
                                             "ends at version %s; the English version's at %s",
                                             r1->version, r2->version);
            x->line = r2->line;
        }
        return;
    }
    if (!v1)
        return;
    translation_issue *x;
    if (!v2)
        x = add_issue(out, 1, -1, "the original is version %s; the English version states no "
                                  "version number", v1);
    else
        x = add_issue(out, 1, -1, "the original is version %s; the English version is version "
                                  "%s", v1, v2);
    x->line = en->meta.version_line;
}

static void check_date(const analysis *orig, const analysis *en, translation_issues *out)
{
    cps_date d1 = orig->meta.date, d2 = en->meta.date;
    if (d1 == DATE_NONE || d1 == d2)
        return;
    char x[11], y[11];
    date_format(d1, x);
    date_format(d2, y);
    translation_issue *t;
    if (d2 == DATE_NONE)
        t = add_issue(out, 1, -1, "the original is dated %s; the English version states no date",
                      x);
    else
        t = add_issue(out, 1, -1, "the original is dated %s; the English version is dated %s", x,
                      y);
    t->line = en->meta.date_line;
}

static int present(const section *s)
{
    return s->status != SEC_MISSING;
}

/* Index of the first present section numbered num in a, or -1. */
static int find_present(const analysis *a, const char *num)
{
    int i = outline_find(&a->o, num);
    return i >= 0 && present(&a->o.secs[i]) ? i : -1;
}

static void check_sections(const analysis *orig, const analysis *en, translation_issues *out)
{
    for (size_t i = 0; i < orig->o.n; i++) {
        const section *s = &orig->o.secs[i];
        if (!present(s) || (i > 0 && !strcmp(orig->o.secs[i - 1].number, s->number)))
            continue;
        if (find_present(en, s->number) < 0)
            add_issue(out, 0, (int)i, "section %s is in the original but not in the English "
                                      "version", s->number);
    }
    for (size_t i = 0; i < en->o.n; i++) {
        const section *s = &en->o.secs[i];
        if (!present(s) || (i > 0 && !strcmp(en->o.secs[i - 1].number, s->number)))
            continue;
        if (find_present(orig, s->number) < 0)
            add_issue(out, 1, (int)i, "section %s is in the English version but not in the "
                                      "original", s->number);
    }
}

/* The first own-text block of section si (to quote), or TRANSLATION_NO_BLOCK. */
static size_t first_text_block(const analysis *a, int si, const unsigned char *cls, int want)
{
    const section *s = &a->o.secs[si];
    for (size_t bi = s->body_start; bi < s->body_end && bi < a->d.nblocks; bi++)
        if (own_text_block(a, bi) && a->o.block_sec[bi] == si && (!cls || cls[bi] == want))
            return bi;
    return TRANSLATION_NO_BLOCK;
}

/* 1 if the English text (en chars) is too short for the original (o chars). */
static int too_short(size_t o, size_t en)
{
    if (o == 0)
        return 0;
    if (en == 0)
        return 1;
    if (o < TRANSLATION_SHORT_CHARS && en < TRANSLATION_SHORT_CHARS)
        return 0;
    return (double)en < TRANSLATION_LENGTH_RATIO * (double)o;
}

static void check_length(const analysis *orig, const analysis *en, translation_issues *out)
{
    for (size_t i = 0; i < orig->o.n; i++) {
        const section *s = &orig->o.secs[i];
        if (!present(s) || (i > 0 && !strcmp(orig->o.secs[i - 1].number, s->number)))
            continue;
        int k = find_present(en, s->number);
        if (k < 0)
            continue; /* the sections check reports it */
        size_t o = section_chars(orig, (int)i, NULL, 0), e = section_chars(en, k, NULL, 0);
        if (!too_short(o, e))
            continue;
        translation_issue *x;
        if (e == 0)
            x = add_issue(out, 1, k, "section %s has no text in the English version (%zu "
                                     "characters in the original)", s->number, o);
        else
            x = add_issue(out, 1, k, "section %s has %zu characters of text in the English "
                                     "version, under a third of the original's %zu",
                          s->number, e, o);
        x->block = first_text_block(en, k, NULL, 0);
    }
}

/* Bilingual: sections with text in another language and none in English. */
static void bilingual_sections(const analysis *a, const unsigned char *cls,
                               translation_issues *out)
{
    for (size_t i = 0; i < a->o.n; i++) {
        if (!present(&a->o.secs[i]))
            continue;
        size_t other = section_chars(a, (int)i, cls, BL_OTHER);
        /* Undecided text (too short for the profile, unmarked) may be the
         * English: only a section all of whose text is decided counts. */
        if (other && !section_chars(a, (int)i, cls, BL_EN) &&
            !section_chars(a, (int)i, cls, BL_UND)) {
            translation_issue *x = add_issue(out, 0, (int)i, "section %s has no English text",
                                             a->o.secs[i].number);
            x->block = first_text_block(a, (int)i, cls, BL_OTHER);
        }
    }
}

static void bilingual_length(const analysis *a, const unsigned char *cls,
                             translation_issues *out)
{
    for (size_t i = 0; i < a->o.n; i++) {
        if (!present(&a->o.secs[i]))
            continue;
        size_t other = section_chars(a, (int)i, cls, BL_OTHER);
        size_t en = section_chars(a, (int)i, cls, BL_EN);
        if (!en || !too_short(other, en))
            continue; /* no English at all: the sections check reports it */
        translation_issue *x = add_issue(out, 0, (int)i, "section %s has %zu characters of "
                                         "English text, under a third of the other language's %zu",
                                         a->o.secs[i].number, en, other);
        x->block = first_text_block(a, (int)i, cls, BL_EN);
    }
}

/* Disclaimers of authority in a; english says which document it is. */
static int find_disclaimers(analysis *a, int english, const rule_patterns *ps, matcher *m,
                            translation_issues *out, cps_err *e)
{
    if (!ps)
        return 0;
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        block_role role = bi < a->o.nblocks ? a->o.roles[bi] : ROLE_BODY;
        if (role == ROLE_TOC || role == ROLE_REVISION || (a->d.blocks[bi].flags & BLOCK_TOC))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        for (size_t k = 0; k < ps->n; k++) {
            size_t ms, me;
            int rc = match_find(m, &ps->v[k], tm->s, tm->len, 0, &ms, &me);
            if (rc < 0) {
                char msg[200];
                match_error_message(m, msg, sizeof msg);
                return cps_err_set(e, CPS_E_LIMIT, NULL, 0, "pattern at line %ld: %s",
                                   ps->v[k].line, msg);
            }
            if (rc == MATCH_NONE)
                continue;
            int si = bi < a->o.nblocks ? a->o.block_sec[bi] : -1;
            translation_issue *x = add_issue(
                out, english, si,
                english ? "the English version says another language prevails: it is not "
                          "authoritative"
                        : "the original says it alone is binding: the English version is not "
                          "authoritative");
            x->block = bi;
            x->ms = ms;
            x->me = me;
            break; /* one issue per block */
        }
    }
    return 0;
}

int translation_compare(rule_check what, analysis *orig, analysis *en,
                        const rule_patterns *disclaimers, matcher *m, translation_issues *out,
                        cps_err *e)
{
    if (en) {
        switch (what) {
        case CHECK_TRANSLATION_VERSION: check_version(orig, en, out); return 0;
        case CHECK_TRANSLATION_DATE: check_date(orig, en, out); return 0;
        case CHECK_TRANSLATION_SECTIONS: check_sections(orig, en, out); return 0;
        case CHECK_TRANSLATION_LENGTH: check_length(orig, en, out); return 0;
        case CHECK_TRANSLATION_AUTHORITATIVE: {
            int rc = find_disclaimers(orig, 0, disclaimers, m, out, e);
            return rc ? rc : find_disclaimers(en, 1, disclaimers, m, out, e);
        }
        default: return 1;
        }
    }
    if (what != CHECK_TRANSLATION_SECTIONS && what != CHECK_TRANSLATION_LENGTH &&
        what != CHECK_TRANSLATION_AUTHORITATIVE)
        return 1;
    if (clearly_monolingual(orig))
        return 1;
    unsigned char *cls = block_classes(orig);
    translation_coverage c;
    coverage(orig, cls, &c);
    int rc = 0;
    if (!is_bilingual(orig, &c))
        rc = 1;
    else if (what == CHECK_TRANSLATION_SECTIONS)
        bilingual_sections(orig, cls, out);
    else if (what == CHECK_TRANSLATION_LENGTH)
        bilingual_length(orig, cls, out);
    else
        rc = find_disclaimers(orig, 0, disclaimers, m, out, e);
    free(cls);
    return rc;
}

const char *translation_na_note(rule_check what, analysis *orig, const analysis *en)
{
    if (en)
        return "does not apply to a pair";
    if ((what == CHECK_TRANSLATION_VERSION || what == CHECK_TRANSLATION_DATE) &&
        translation_bilingual(orig))
        return "a bilingual document: its two languages share one version and date";
    if (!strcmp(orig->lang, "en"))
        return "the document is in English: no translation to compare";
    return "no English version to compare: give one with --translation or --pair";
}

/* ---- examples ----------------------------------------------------------- */

/* The fixed pair: front matter and four sections in French and English. */
static const char *const ex_titles[][3] = {
    {"1", "INTRODUCTION", "INTRODUCTION"},
    {"1.1", "Pr\xC3\xA9sentation g\xC3\xA9n\xC3\xA9rale", "Overview"},
    {"1.2", "Identification du document", "Document name and identification"},
    {"1.3", "Entit\xC3\xA9s intervenant dans l'IGC", "PKI participants"},
};

static const char *const ex_text_fr[] = {
    "Ce chapitre pr\xC3\xA9sente le document et l'IGC.",
    "La pr\xC3\xA9sente D\xC3\xA9" "claration des Pratiques de Certification d\xC3\xA9" "crit les "
    "pratiques de l'AC Exemple pour la d\xC3\xA9livrance, la gestion, la r\xC3\xA9vocation et le "
    "renouvellement des certificats d'authentification de serveur, ainsi que les obligations des "
    "abonn\xC3\xA9s, de l'autorit\xC3\xA9 d'enregistrement et des utilisateurs de certificats.",
    "Le pr\xC3\xA9sent document porte l'OID 1.3.6.1.4.1.99999.1.2.",
    "Les entit\xC3\xA9s sont l'AC, l'AE, les abonn\xC3\xA9s et les utilisateurs.",
};

static const char *const ex_text_en[] = {
    "This chapter introduces the document and the PKI.",
    "This Certification Practice Statement describes the practices of Example CA for the "
    "issuance, management, revocation and renewal of server authentication certificates, and "
    "the obligations of subscribers, of the registration authority and of relying parties.",
    "This document has the OID 1.3.6.1.4.1.99999.1.2.",
    "The participants are the CA, the RA, subscribers and relying parties.",
};

static const char *const ex_month_en[] = {"January", "February", "March", "April", "May",
                                          "June", "July", "August", "September", "October",
                                          "November", "December"};

static void html_text(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        default: buf_putc(b, s[i]);
        }
    }
}

typedef struct ex_side {
    char version[32];
    cps_date date;
    char without[8][OUTLINE_NUM_MAX];
    size_t nwithout;
    const char *text;   /* replaces the 1.1 text; NULL keeps it */
} ex_side;

/* "[version 3.0] [date 2024-03-01] [without 1.2] text" */
static void parse_directives(const char *s, ex_side *side)
{
    while (*s == ' ')
        s++;
    while (*s == '[') {
        const char *end = strchr(s, ']');
        if (!end)
            break;
        char d[64];
        size_t k = (size_t)(end - s - 1);
        if (k >= sizeof d)
            k = sizeof d - 1;
        memcpy(d, s + 1, k);
        d[k] = '\0';
        if (!strncmp(d, "version ", 8)) {
            snprintf(side->version, sizeof side->version, "%.31s", d + 8);
        } else if (!strncmp(d, "date ", 5)) {
            cps_date t = date_parse_iso(d + 5);
            if (t != DATE_NONE)
                side->date = t;
        } else if (!strncmp(d, "without ", 8) && side->nwithout < 8) {
            snprintf(side->without[side->nwithout++], OUTLINE_NUM_MAX, "%.31s", d + 8);
        }
        s = end + 1;
        while (*s == ' ')
            s++;
    }
    side->text = *s ? s : NULL;
}

static void build_side(const ex_side *side, int english, buf *b)
{
    int y, mo, d;
    date_to_ymd(side->date, &y, &mo, &d);
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                  "<title>Example</title></head><body>\n", english ? "en" : "fr");
    if (english)
        buf_printf(b, "<p>Certification Practice Statement</p>\n<p>Version %s</p>\n"
                      "<p>Effective date: %s %d, %d</p>\n", side->version,
                   ex_month_en[mo - 1], d, y);
    else
        buf_printf(b, "<p>D\xC3\xA9" "claration des Pratiques de Certification</p>\n"
                      "<p>Version %s</p>\n<p>Date d'application : %02d/%02d/%04d</p>\n",
                   side->version, d, mo, y);
    for (size_t i = 0; i < sizeof ex_titles / sizeof ex_titles[0]; i++) {
        int skip = 0;
        for (size_t k = 0; k < side->nwithout; k++)
            skip |= !strcmp(side->without[k], ex_titles[i][0]);
        if (skip)
            continue;
        int lv = i == 0 ? 1 : 2;
        buf_printf(b, "<h%d>%s %s</h%d>\n", lv, ex_titles[i][0], ex_titles[i][english ? 2 : 1],
                   lv);
        if (i == 1 && side->text) {
            if (side->text[0] == '<') {
                buf_puts(b, side->text);
                buf_putc(b, '\n');
            } else {
                buf_puts(b, "<p>");
                html_text(b, side->text, strlen(side->text));
                buf_puts(b, "</p>\n");
            }
        } else {
            const char *t = english ? ex_text_en[i] : ex_text_fr[i];
            buf_puts(b, "<p>");
            html_text(b, t, strlen(t));
            buf_puts(b, "</p>\n");
        }
    }
    buf_puts(b, "</body></html>\n");
}

void translation_example_pair(const rule_example *x, buf *orig, buf *en)
{
    ex_side sides[2];
    memset(sides, 0, sizeof sides);
    for (int k = 0; k < 2; k++) {
        snprintf(sides[k].version, sizeof sides[k].version, "3.1");
        sides[k].date = date_from_ymd(2024, 3, 15);
    }
    int english = !strcmp(x->lang, "en") || !x->lang[0];
    parse_directives(x->text, &sides[english]);
    build_side(&sides[0], 0, orig);
    build_side(&sides[1], 1, en);
}

/* meta.c — version, date and revision history: one reader for all. */
#include "meta.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"

/* ---- words of folded text (lower case, accents stripped) ---- */

/* 1 if folded text s has word w (w may hold spaces: a phrase), on word
 * boundaries (letters and digits are word characters). */
static int word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* w occurs in s as a whole word. */
static int has_word(const char *s, const char *w)
{
    size_t l = strlen(w);
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w))
        if ((p == s || !word_byte((unsigned char)p[-1])) && !word_byte((unsigned char)p[l]))
            return 1;
    return 0;
}

static int has_any(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (has_word(s, *words))
            return 1;
    return 0;
}

/* The folded text of s[0..n) (caller frees), or NULL. */
static char *fold(const char *s, size_t n)
{
    text_map m;
    if (text_fold(s, n, &m, NULL) != 0)
        return NULL;
    char *r = m.s;
    m.s = NULL;
    text_map_free(&m);
    return r;
}

/* Version column headers, EN FR ES IT, folded: "Ver.", "Rev.", "Release",
 * "Versión", "Versione", "Révision", "Édition", "Edición". */
static const char *const version_words[] = {
    "version", "versions", "ver", "vers", "rev", "revision", "revisions", "release",
    "edition", "edicion", "versione", "versioni", "revisione", "revisiones",
    "version no", "version number", NULL};

/* Date column headers, with how strongly each says "the date the version
 * took effect": 3 effective, 2 published/adopted, 1 a date. */
static const char *const date_words_3[] = {
    "effective", "effet", "application", "en vigueur", "entrada en vigor", "vigencia",
    "entrata in vigore", "efficacia", "decorrenza", NULL};
static const char *const date_words_2[] = {
    "published", "publication", "publicacion", "pubblicazione", "adopted", "adoption",
    "adopcion", "issued", "issue date", "release date", "date of issue", "emision",
    "emissione", NULL};
static const char *const date_words_1[] = {
    "date", "dates", "fecha", "fechas", "data", "approval", "approved", "aprobacion",
    "approbation", "approvazione", "approvato", NULL};

/* 0 not a date header, else its strength 1..3. */
static int date_header(const char *f)
{
    int plain = has_any(f, date_words_1);
    if (has_any(f, date_words_3))
        return plain || has_word(f, "effective") ? 3 : 0;
    if (has_any(f, date_words_2))
        return 2;
    return plain;
}

/* ---- the revision table ---- */

#define META_MAX_COLS 64

typedef struct table_cols {
    int header_row;      /* -1 if the table is not a revision table */
    int vcol, dcol;
} table_cols;

/* Decide the header row (0 or 1: a caption row may come first) and the
 * version and date columns of table t. */
static table_cols table_columns(const doc *d, int t, size_t from)
{
    table_cols tc = {-1, -1, -1};
    for (int row = 0; row <= 1 && tc.header_row < 0; row++) {
        int vcol = -1, dcol = -1, dstrength = 0, vboth = -1;
        for (size_t i = from; i < d->nblocks; i++) {
            const doc_block *b = &d->blocks[i];
            if (b->table != t)
                continue;
            if (b->row > row)
                break;
            if (b->row != row || b->col >= META_MAX_COLS)
                continue;
            char *f = fold(b->text, b->len);
            if (!f)
                continue;
            int ds = date_header(f), vs = has_any(f, version_words);
            if (ds && ds > dstrength) {
                dstrength = ds;
                dcol = b->col;
                if (vs && vboth < 0)
                    vboth = b->col; /* "Version date": a date, unless no other version */
            } else if (vs && vcol < 0 && !ds) {
                vcol = b->col;
            }
            free(f);
        }
        if (vcol < 0 && vboth >= 0 && vboth != dcol)
            vcol = vboth;
        if (vcol >= 0 && dcol >= 0) {
            tc.header_row = row;
            tc.vcol = vcol;
            tc.dcol = dcol;
        }
    }
    return tc;
}

unsigned char *meta_revision_tables(const doc *d, int *ntables)
{
    int n = 0;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].table > n)
            n = d->blocks[i].table;
    unsigned char *is = xcalloc((size_t)n + 1, 1);
    int last = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        int t = d->blocks[i].table;
        if (!t || t == last)
            continue;
        last = t;
        is[t] = table_columns(d, t, i).header_row >= 0;
    }
    *ntables = n;
    return is;
}

/* A version token at s: "v2.0", "4.2", "5.18", "1.0.0". Returns its length. */
static size_t version_token(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == 'v' || s[i] == 'V'))
        i++;
    size_t st = i;
    while (i < n && (isdigit((unsigned char)s[i]) || (s[i] == '.' && i > st && i + 1 < n &&
                                                      isdigit((unsigned char)s[i + 1]))))
        i++;
    if (i == st)
        return 0;
    return i;
}

static void add_rev(doc_meta *m, char *version, cps_date date, long line)
{
    m->revs = xrealloc(m->revs, (m->nrevs + 1) * sizeof *m->revs);
    m->revs[m->nrevs].version = version;
    m->revs[m->nrevs].date = date;
    m->revs[m->nrevs].line = line;
    m->nrevs++;
}

/* The order numeric dates of a document in language lang take when
 * nothing else decides: day first except in English, where "05/09/2019"
 * is undecided (en-US: month first). */
static date_order lang_order(const char *lang)
{
    if (!lang || !*lang || !strncasecmp(lang, "und", 3))
        return DATE_ORDER_STRICT; /* the language is unknown: nothing decides */
    if (date_order_for_lang(lang) == DATE_DMY)
        return DATE_DMY;
    return strcasecmp(lang, "en-us") == 0 ? DATE_MDY : DATE_ORDER_STRICT;
}

/* Evidence for the numeric order from the cells of a date column (and the
 * front matter): a date whose first number is > 12 says day first. */
static void order_evidence(const char *s, size_t n, int *dmy, int *mdy)
{
    size_t at = 0, end;
    while (at < n) {
        date_order ev;
        if (date_find_ordered(s + at, n - at, DATE_ORDER_STRICT, &ev, NULL, &end) == DATE_NONE)
            break;
        *dmy += ev == DATE_DMY;
        *mdy += ev == DATE_MDY;
        at += end;
    }
}

static void read_revision_table(const doc *d, int table, size_t from, date_order order,
                                doc_meta *m)
{
    table_cols tc = table_columns(d, table, from);
    int row = -1;
    char *version = NULL;
    cps_date date = DATE_NONE;
    long line = 0;
    for (size_t i = from; i <= d->nblocks; i++) {
        const doc_block *b = i < d->nblocks ? &d->blocks[i] : NULL;
        if (b && b->table != table)
            b = NULL; /* the end of the table */
        if (b && b->row <= tc.header_row)
            continue;
        if (!b || b->row != row) {
            if (row > tc.header_row && (version || date != DATE_NONE))
                add_rev(m, version, date, line);
            else
                free(version);
            version = NULL;
            date = DATE_NONE;
            line = 0;
            if (!b)
                break;
            row = b->row;
        }
        if (!line)
            line = b->line;
        if (b->col == tc.vcol && !version) {
            size_t at = 0;
            while (at < b->len && !isdigit((unsigned char)b->text[at]))
                at++;
            size_t l = version_token(b->text + at, b->len - at);
            if (l)
                version = xstrndup(b->text + at, l);
        }
        if (b->col == tc.dcol && date == DATE_NONE)
            date = date_find_ordered(b->text, b->len, order, NULL, NULL, NULL);
    }
}

/* The order that numeric dates in the revision table starting at block
 * from and the front matter take: their own unambiguous dates decide, then
 * the language. */
static date_order decide_order(const doc *d, size_t front, int table, size_t from,
                               const char *lang)
{
    int dmy = 0, mdy = 0;
    for (size_t i = 0; i < front && i < d->nblocks; i++)
        if (!d->blocks[i].table)
            order_evidence(d->blocks[i].text, d->blocks[i].len, &dmy, &mdy);
    for (size_t i = from; table && i < d->nblocks && d->blocks[i].table == table; i++)
        order_evidence(d->blocks[i].text, d->blocks[i].len, &dmy, &mdy);
    if (dmy && !mdy)
        return DATE_DMY;
    if (mdy && !dmy)
        return DATE_MDY;
    if (dmy && mdy)
        return DATE_ORDER_STRICT; /* the document contradicts itself */
    return lang_order(lang);
}

/* ---- the front matter ---- */

/* "Version 4.2", "Version: 5.18", "Révision 3", "Versión 2.1", "Versione
 * 3.0", "Édition 2", "Ver. 1.2", "Rev. 3", "Release 4.0", "v2.0" in folded
 * text. */
static char *find_version(const char *s, size_t n)
{
    static const char *const labels[] = {"version", "revision", "versione", "revisione",
                                         "edition", "edicion", "release", "ver", "rev", NULL};
    for (int k = 0; labels[k]; k++) {
        size_t l0 = strlen(labels[k]);
        for (size_t from = 0; from + l0 <= n; from++) {
            if (memcmp(s + from, labels[k], l0) != 0 ||
                (from > 0 && isalnum((unsigned char)s[from - 1])) ||
                (from + l0 < n && isalpha((unsigned char)s[from + l0])))
                continue;
            size_t i = from + l0;
            while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '#' || s[i] == '.'))
                i++;
            if (i + 1 < n && (!strncmp(s + i, "no", 2) || !strncmp(s + i, "n ", 2)) &&
                !isalpha((unsigned char)s[i + 2])) {
                i += 2;
                while (i < n && (s[i] == ' ' || s[i] == '.' || s[i] == ':'))
                    i++;
            }
            size_t l = version_token(s + i, n - i);
            if (l && isdigit((unsigned char)s[i + l - 1]) &&
                (i + l == n || !isalnum((unsigned char)s[i + l]))) {
                int v = s[i] == 'v';
                return xstrndup(s + i + v, l - (size_t)v);
            }
        }
    }
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == 'v' && (i == 0 || s[i - 1] == ' ') && isdigit((unsigned char)s[i + 1])) {
            size_t l = version_token(s + i, n - i);
            if (l > 2 && memchr(s + i, '.', l) && (i + l == n || !isalnum((unsigned char)s[i + l])))
                return xstrndup(s + i + 1, l - 1);
        }
    return NULL;
}

/* Version from display text s (folded first, so "VERSIÓN" reads). */
static char *version_in(const char *s, size_t n)
{
    char *f = fold(s, n);
    if (!f)
        return NULL;
    char *v = find_version(f, strlen(f));
    free(f);
    return v;
}

/* Labels of an effective date on a title page, folded. */
static const char *const effective_labels[] = {
    "effective", "date d'effet", "date d'application", "en vigueur", "applicable",
    "entrada en vigor", "vigencia", "vigente", "entrata in vigore", "in vigore",
    "decorrenza", NULL};

/* 2: an effective-date label; 1 another date label; 0 none. */
static int labelled_date(const char *s, size_t n)
{
    char *f = fold(s, n);
    if (!f)
        return 0;
    int r = has_any(f, effective_labels) ? 2
            : has_any(f, date_words_2) || has_any(f, date_words_1) ? 1 : 0;
    free(f);
    return r;
}

/* A date written as a compact label: "POLICY p20140731", "CPS_v20190509":
 * a word of one or two letters then YYYYMMDD, in a title or a title block. */
static cps_date compact_date(const char *s, size_t n)
{
    for (size_t i = 0; i + 9 <= n; i++) {
        if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.'))
            continue;
        size_t j = i;
        while (j < n && j - i < 2 && isalpha((unsigned char)s[j]))
            j++;
        if (j == i)
            continue;
        size_t k = j;
        while (k < n && isdigit((unsigned char)s[k]))
            k++;
        if (k - j != 8 || (k < n && (isalnum((unsigned char)s[k]) || s[k] == '.')))
            continue;
        int y = 0, mo = 0, dd = 0;
        for (size_t q = j; q < j + 4; q++)
            y = y * 10 + (s[q] - '0');
        mo = (s[j + 4] - '0') * 10 + (s[j + 5] - '0');
        dd = (s[j + 6] - '0') * 10 + (s[j + 7] - '0');
        cps_date t = y >= 1990 && y <= 2199 ? date_from_ymd(y, mo, dd) : DATE_NONE;
        if (t != DATE_NONE)
            return t;
    }
    return DATE_NONE;
}

static void set_date(doc_meta *m, cps_date t, long line, meta_date_source src)
{
    m->date = t;
    m->date_line = line;
    m->date_source = src;
    m->date_from_label = src == META_DATE_LABEL || src == META_DATE_FRONT_MATTER;
}

/* Markdown front matter says it outright: it wins. */
static void from_yaml(const doc *d, date_order order, doc_meta *m)
{
    if (d->fm_version) {
        size_t n = strlen(d->fm_version), l = version_token(d->fm_version, n);
        if (l == n && l && isdigit((unsigned char)d->fm_version[l - 1]))
            m->version = xstrdup(d->fm_version + (d->fm_version[0] == 'v' || d->fm_version[0] == 'V'));
        else
            m->version = version_in(d->fm_version, n);
    }
    if (d->fm_date) {
        cps_date t = date_find_ordered(d->fm_date, strlen(d->fm_date), order, NULL, NULL, NULL);
        if (t != DATE_NONE)
            set_date(m, t, 0, META_DATE_FRONT_MATTER);
    }
}

/* The blocks before the first section: a labelled date wins over an
 * unlabelled one, an effective-date label over another label. */
static void from_front(const doc *d, size_t front, date_order order, doc_meta *m)
{
    int best_label = m->date != DATE_NONE ? 3 : -1;
    for (size_t i = 0; i < front; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->table || (b->flags & BLOCK_TOC))
            continue;
        if (!m->version && (m->version = version_in(b->text, b->len)))
            m->version_line = b->line;
        int label = labelled_date(b->text, b->len);
        if (label <= best_label)
            continue;
        cps_date t = date_find_ordered(b->text, b->len, order, NULL, NULL, NULL);
        if (t != DATE_NONE) {
            set_date(m, t, b->line, label == 2 ? META_DATE_LABEL : META_DATE_FRONT);
            best_label = label;
        }
    }
}

void meta_extract(const doc *d, size_t front, const char *lang, doc_meta *m)
{
    memset(m, 0, sizeof *m);
    m->date = DATE_NONE;
    if (front > d->nblocks)
        front = d->nblocks;
    /* the first revision table, wherever it is */
    size_t tfrom = d->nblocks;
    int last = 0;
    for (size_t i = 0; i < d->nblocks && !m->revision_table; i++) {
        int t = d->blocks[i].table;
        if (!t || t == last)
            continue;
        last = t;
        if (table_columns(d, t, i).header_row >= 0) {
            m->revision_table = t;
            tfrom = i;
        }
    }
    date_order order = decide_order(d, front, m->revision_table, tfrom, lang);
    m->date_order = order;
    from_yaml(d, order, m);
    from_front(d, front, order, m);
    if (m->revision_table)
        read_revision_table(d, m->revision_table, tfrom, order, m);
    const revision *newest = meta_newest_revision(m);
    char *title_version = !m->version && d->title ? version_in(d->title, strlen(d->title)) : NULL;
    if (newest && newest->date == DATE_NONE && title_version)
        newest = NULL; /* an undated row ("<TBD>") is a planned version: the title's wins */
    if (newest) {
        if (!m->version && newest->version) {
            m->version = xstrdup(newest->version);
            m->version_line = newest->line;
        }
        if (m->date == DATE_NONE && newest->date != DATE_NONE)
            set_date(m, newest->date, newest->line, META_DATE_REVISION);
    }
    if (!m->version)
        m->version = title_version;
    else
        free(title_version);
    if (m->date == DATE_NONE && d->title) {
        cps_date t = date_find_ordered(d->title, strlen(d->title), order, NULL, NULL, NULL);
        if (t == DATE_NONE)
            t = compact_date(d->title, strlen(d->title));
        if (t != DATE_NONE)
            set_date(m, t, 0, META_DATE_TITLE);
    }
    for (size_t i = 0; i < front && m->date == DATE_NONE; i++) {
        cps_date t = d->blocks[i].table ? DATE_NONE
                                        : compact_date(d->blocks[i].text, d->blocks[i].len);
        if (t != DATE_NONE)
            set_date(m, t, d->blocks[i].line, META_DATE_TITLE);
    }
}

const revision *meta_newest_revision(const doc_meta *m)
{
    const revision *newest = NULL;
    for (size_t i = 0; i < m->nrevs; i++)
        if (m->revs[i].date != DATE_NONE && (!newest || m->revs[i].date >= newest->date))
            newest = &m->revs[i];
    if (!newest && m->nrevs)
        newest = &m->revs[m->nrevs - 1];
    return newest;
}

const char *meta_date_source_name(meta_date_source s)
{
    switch (s) {
    case META_DATE_NONE: return "none";
    case META_DATE_FRONT_MATTER: return "front-matter";
    case META_DATE_LABEL: return "label";
    case META_DATE_FRONT: return "title-page";
    case META_DATE_REVISION: return "revision-table";
    case META_DATE_TITLE: return "title";
    }
    return "?";
}

void meta_free(doc_meta *m)
{
    free(m->version);
    for (size_t i = 0; i < m->nrevs; i++)
        free(m->revs[i].version);
    free(m->revs);
    memset(m, 0, sizeof *m);
    m->date = DATE_NONE;
}

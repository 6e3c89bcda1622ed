#include "meta.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

static int ci_find(const char *hay, size_t n, const char *needle, size_t *at)
{
    size_t l = strlen(needle);
    for (size_t i = 0; i + l <= n; i++)
        if (strncasecmp(hay + i, needle, l) == 0) {
            if (at)
                *at = i;
            return 1;
        }
    return 0;
}

/* 1 if text s[0..n) has word w (ASCII case-insensitive; words are runs of
 * letters, digits and bytes of multi-byte characters). */
static int has_word(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++) {
        if (i > 0 && (isalnum((unsigned char)s[i - 1]) || (unsigned char)s[i - 1] >= 0x80))
            continue;
        if (strncasecmp(s + i, w, l) != 0)
            continue;
        if (i + l == n || !(isalnum((unsigned char)s[i + l]) || (unsigned char)s[i + l] >= 0x80))
            return 1;
    }
    return 0;
}

/* A header cell naming the version column: whole words only, so "Date of
 * previous review" or "Revocation date" do not make a revision table. */
static int header_names_version(const char *s, size_t n)
{
    static const char *const words[] = {"version", "versions", "vers", "rev", "revision",
                                        "revisions", "r\xc3\xa9vision", "edition",
                                        "\xc3\xa9" "dition", "release", NULL};
    for (int k = 0; words[k]; k++)
        if (has_word(s, n, words[k]))
            return 1;
    return 0;
}

static int header_names_date(const char *s, size_t n)
{
    return has_word(s, n, "date") || has_word(s, n, "dates");
}

unsigned char *meta_revision_tables(const doc *d, int *ntables)
{
    int n = 0;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].table > n)
            n = d->blocks[i].table;
    unsigned char *has_v = xcalloc((size_t)n + 1, 1), *has_d = xcalloc((size_t)n + 1, 1);
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (!b->table || b->row != 0)
            continue;
        if (header_names_version(b->text, b->len))
            has_v[b->table] = 1;
        if (header_names_date(b->text, b->len))
            has_d[b->table] = 1;
    }
    for (int t = 1; t <= n; t++)
        has_v[t] = has_v[t] && has_d[t];
    free(has_d);
    *ntables = n;
    return has_v;
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

/* "Version 4.2", "Version: 5.18", "Révision 3", "v2.0" in text. */
static char *find_version(const char *s, size_t n)
{
    static const char *const labels[] = {"version", "r\xc3\xa9vision", "revision", NULL};
    for (int k = 0; labels[k]; k++) {
        size_t at, from = 0;
        while (from < n && ci_find(s + from, n - from, labels[k], &at)) {
            size_t i = from + at + strlen(labels[k]);
            while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '\xc2' || s[i] == '\xa0' ||
                             s[i] == '#' || s[i] == '.'))
                i++;
            if (i < n && strncasecmp(s + i, "no", 2) == 0) {
                i += 2;
                while (i < n && (s[i] == ' ' || s[i] == '.' || s[i] == ':'))
                    i++;
            }
            size_t l = version_token(s + i, n - i);
            if (l && isdigit((unsigned char)s[i + l - 1]))
                return xstrndup(s + i + (s[i] == 'v' || s[i] == 'V'), l - (s[i] == 'v' || s[i] == 'V'));
            from = from + at + 1;
        }
    }
    for (size_t i = 0; i + 1 < n; i++)
        if ((s[i] == 'v' || s[i] == 'V') && (i == 0 || s[i - 1] == ' ') &&
            isdigit((unsigned char)s[i + 1])) {
            size_t l = version_token(s + i, n - i);
            if (l > 2 && memchr(s + i, '.', l) && (i + l == n || !isalnum((unsigned char)s[i + l])))
                return xstrndup(s + i + 1, l - 1);
        }
    return NULL;
}

static int labelled_date(const char *s, size_t n)
{
    static const char *const labels[] = {"effective", "en vigueur", "date d'effet", "date d\xe2\x80\x99" "effet",
                                         "date d'application", "date d\xe2\x80\x99" "application",
                                         "applicable", "publication", "date", NULL};
    for (int k = 0; labels[k]; k++)
        if (ci_find(s, n, labels[k], NULL))
            return k < 7 ? 2 : 1;
    return 0;
}

static void add_rev(doc_meta *m, char *version, cps_date date, long line)
{
    m->revs = xrealloc(m->revs, (m->nrevs + 1) * sizeof *m->revs);
    m->revs[m->nrevs].version = version;
    m->revs[m->nrevs].date = date;
    m->revs[m->nrevs].line = line;
    m->nrevs++;
}

static void read_revision_table(const doc *d, int table, const char *lang, doc_meta *m)
{
    int vcol = -1, dcol = -1;
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->table != table || b->row != 0)
            continue;
        if (vcol < 0 && header_names_version(b->text, b->len))
            vcol = b->col;
        else if (dcol < 0 && header_names_date(b->text, b->len))
            dcol = b->col;
    }
    int row = -1;
    char *version = NULL;
    cps_date date = DATE_NONE;
    long line = 0;
    for (size_t i = 0; i <= d->nblocks; i++) {
        const doc_block *b = i < d->nblocks ? &d->blocks[i] : NULL;
        if (b && (b->table != table || b->row == 0))
            continue;
        if (!b || b->row != row) {
            if (row > 0 && (version || date != DATE_NONE))
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
        if (b->col == vcol && !version) {
            size_t at = 0;
            while (at < b->len && !isdigit((unsigned char)b->text[at]))
                at++;
            size_t l = version_token(b->text + at, b->len - at);
            if (l)
                version = xstrndup(b->text + at, l);
        }
        if (b->col == dcol && date == DATE_NONE)
            date = date_find(b->text, b->len, lang, NULL, NULL);
    }
}

void meta_extract(const doc *d, size_t front, const char *lang, doc_meta *m)
{
    memset(m, 0, sizeof *m);
    m->date = DATE_NONE;
    if (front > d->nblocks)
        front = d->nblocks;
    int best_label = -1;
    /* Markdown front matter says it outright: it wins */
    if (d->fm_version) {
        size_t n = strlen(d->fm_version), l = version_token(d->fm_version, n);
        if (l == n && l && isdigit((unsigned char)d->fm_version[l - 1]))
            m->version = xstrdup(d->fm_version + (d->fm_version[0] == 'v' || d->fm_version[0] == 'V'));
        else
            m->version = find_version(d->fm_version, n);
    }
    if (d->fm_date) {
        cps_date t = date_find(d->fm_date, strlen(d->fm_date), lang, NULL, NULL);
        if (t != DATE_NONE) {
            m->date = t;
            m->date_from_label = 1;
            best_label = 3;
        }
    }
    for (size_t i = 0; i < front; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->table)
            continue;
        if (!m->version && (m->version = find_version(b->text, b->len)))
            m->version_line = b->line;
        int label = labelled_date(b->text, b->len);
        if (label > best_label) {
            cps_date t = date_find(b->text, b->len, lang, NULL, NULL);
            if (t != DATE_NONE) {
                m->date = t;
                m->date_line = b->line;
                m->date_from_label = label == 2;
                best_label = label;
            }
        }
    }
    int nt = 0;
    unsigned char *rev = meta_revision_tables(d, &nt);
    for (int t = 1; t <= nt; t++)
        if (rev[t]) {
            m->revision_table = t;
            read_revision_table(d, t, lang, m);
            break;
        }
    free(rev);
    const revision *newest = meta_newest_revision(m);
    if (newest) {
        if (!m->version && newest->version) {
            m->version = xstrdup(newest->version);
            m->version_line = newest->line;
        }
        if (m->date == DATE_NONE && newest->date != DATE_NONE) {
            m->date = newest->date;
            m->date_line = newest->line;
        }
    }
    if (!m->version && d->title)
        m->version = find_version(d->title, strlen(d->title));
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

void meta_free(doc_meta *m)
{
    free(m->version);
    for (size_t i = 0; i < m->nrevs; i++)
        free(m->revs[i].version);
    free(m->revs);
    memset(m, 0, sizeof *m);
}

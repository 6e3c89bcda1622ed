/* layout.c — lines of laid-out text into blocks (layout.h): pages,
 * running headers and footers, the table of contents, headings from
 * numbered lines, list items, paragraphs. */
#include "layout.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"

typedef struct pline {
    const char *s;   /* trimmed of leading and trailing blanks */
    size_t n;
    size_t indent;   /* leading blanks */
    int page;        /* 1-based */
    size_t pg;       /* 0-based among the pages that have lines */
    long line;       /* 1-based within the page */
    int drop;        /* DROP_* */
} pline;

enum { DROP_CHROME = 1, /* running header or footer, page number */
       DROP_TOC = 2 };  /* table of contents */

#define ZONE 3           /* lines looked at for headers and footers */
#define KEY_MAX 160

static int blank_char(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The lines of the text, with their page and line numbers; *npg: the
 * pages that have lines (pline.pg), never more than the lines. */
static pline *split_lines(const char *t, size_t n, size_t *count, size_t *npg)
{
    size_t cap = 256, k = 0;
    pline *v = xmalloc(cap * sizeof *v);
    int page = 1;
    long line = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && t[i] == '\f') {
            page++;
            line = 0;
            i++;
        }
        if (i >= n)
            break;
        const char *nl = memchr(t + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - t) : n;
        const char *s = t + i;
        size_t len = end - i, ind = 0;
        while (ind < len && blank_char((unsigned char)s[ind]))
            ind++;
        while (len > ind && blank_char((unsigned char)s[len - 1]))
            len--;
        if (k == cap) {
            cap *= 2;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[k].s = s + ind;
        v[k].n = len - ind;
        v[k].indent = ind;
        v[k].page = page;
        v[k].pg = k && v[k - 1].page == page ? v[k - 1].pg : k ? v[k - 1].pg + 1 : 0;
        v[k].line = ++line;
        v[k].drop = 0;
        k++;
        i = nl ? end + 1 : n;
    }
    *count = k;
    *npg = k ? v[k - 1].pg + 1 : 0;
    return v;
}

/* A header/footer key: blanks collapsed, digit runs as '#', ASCII lower
 * case, at most KEY_MAX bytes. */
static void make_key(const pline *l, char *key)
{
    size_t o = 0;
    int sp = 0;
    for (size_t i = 0; i < l->n && o < KEY_MAX - 1; i++) {
        unsigned char c = (unsigned char)l->s[i];
        if (blank_char(c)) {
            sp = 1;
            continue;
        }
        if (sp && o)
            key[o++] = ' ';
        sp = 0;
        if (o >= KEY_MAX - 1)
            break;
        if (isdigit(c)) {
            key[o++] = '#';
            while (i + 1 < l->n && isdigit((unsigned char)l->s[i + 1]))
                i++;
        } else {
            key[o++] = (char)tolower(c);
        }
    }
    key[o] = '\0';
}

typedef struct zkey {
    const char *key; /* in an arena: set once every key is in it */
    size_t off;      /* the key's offset in the arena */
    size_t pg;
    size_t idx;
} zkey;

static int zkey_cmp(const void *a, const void *b)
{
    const zkey *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->pg < y->pg ? -1 : x->pg > y->pg;
}

static int roman_word(const char *s, size_t n)
{
    if (!n || n > 7)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr("ivxlcIVXLC", s[i]))
            return 0;
    return 1;
}

/* "12", "- 12 -", "Page 12", "page 12 of 40", "12 / 40", "12/40", "iv",
 * "Page 3 sur 12". */
static int page_number_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '-' || s[i] == ' ' || (unsigned char)s[i] == 0xE2))
        i += (unsigned char)s[i] == 0xE2 && i + 2 < n ? 3 : 1; /* dashes */
    if (n - i >= 4 && strncasecmp(s + i, "page", 4) == 0)
        i += 4;
    else if (n - i >= 2 && strncasecmp(s + i, "p.", 2) == 0)
        i += 2;
    while (i < n && s[i] == ' ')
        i++;
    size_t st = i;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (i == st) {
        while (i < n && isalpha((unsigned char)s[i]))
            i++;
        if (!roman_word(s + st, i - st))
            return 0;
    } else if (i - st > 5) {
        return 0;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && (s[i] == '/' || (n - i >= 2 && (strncasecmp(s + i, "of", 2) == 0 ||
                                                  strncasecmp(s + i, "de", 2) == 0)) ||
                  (n - i >= 3 && strncasecmp(s + i, "sur", 3) == 0))) {
        i += s[i] == '/' ? 1 : (s[i] == 's' || s[i] == 'S') ? 3 : 2;
        while (i < n && s[i] == ' ')
            i++;
        size_t st2 = i;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        if (i == st2)
            return 0;
    }
    while (i < n && (s[i] == '-' || s[i] == ' ' || (unsigned char)s[i] == 0xE2))
        i += (unsigned char)s[i] == 0xE2 && i + 2 < n ? 3 : 1;
    return i == n;
}

/* Memory: a few words per page that has lines, and the keys (at most
 * KEY_MAX bytes each, 2 * ZONE per page) in one arena. */
static void drop_headers_footers(pline *v, size_t nl, size_t npg)
{
    /* page ranges */
    size_t *first = xcalloc(npg + 1, sizeof *first);
    size_t *end = xcalloc(npg + 1, sizeof *end);
    for (size_t i = nl; i-- > 0;)
        first[v[i].pg] = i;
    for (size_t i = 0; i < nl; i++)
        end[v[i].pg] = i + 1;
    zkey *z = xmalloc((npg * 2 * ZONE + 1) * sizeof *z);
    buf arena = BUF_INIT;
    char key[KEY_MAX];
    size_t nz = 0;
    int pages_with_text = 0;
    for (size_t p = 0; p < npg; p++) {
        if (end[p] == 0)
            continue;
        size_t zone[2 * ZONE], nzone = 0;
        int seen = 0;
        for (size_t i = first[p]; i < end[p] && seen < ZONE; i++)
            if (v[i].n)
                zone[nzone++] = i, seen++;
        seen = 0;
        for (size_t i = end[p]; i-- > first[p] && seen < ZONE;)
            if (v[i].n) {
                int dup = 0;
                for (size_t j = 0; j < nzone; j++)
                    dup |= zone[j] == i;
                if (!dup)
                    zone[nzone++] = i;
                seen++;
            }
        if (nzone)
            pages_with_text++;
        for (size_t j = 0; j < nzone; j++) {
            pline *l = &v[zone[j]];
            if (page_number_line(l->s, l->n)) {
                l->drop = DROP_CHROME;
                continue;
            }
            make_key(l, key);
            if (!key[0])
                continue;
            z[nz].off = arena.len;
            buf_put(&arena, key, strlen(key) + 1);
            z[nz].pg = p;
            z[nz].idx = zone[j];
            nz++;
        }
    }
    for (size_t i = 0; i < nz; i++)
        z[i].key = arena.ptr + z[i].off;
    qsort(z, nz, sizeof *z, zkey_cmp);
    for (size_t i = 0; i < nz;) {
        size_t j = i;
        int pages = 0;
        size_t last = SIZE_MAX;
        while (j < nz && strcmp(z[j].key, z[i].key) == 0) {
            if (z[j].pg != last)
                pages++, last = z[j].pg;
            j++;
        }
        if (pages >= 2 && pages * 2 > pages_with_text)
            for (size_t k = i; k < j; k++)
                v[z[k].idx].drop = DROP_CHROME;
        i = j;
    }
    free(z);
    buf_free(&arena);
    free(first);
    free(end);
}

/* Dot leaders (". . . .", "....", "…", "___") then a page number at the
 * end of the line. */
static int leader_entry(const char *s, size_t n)
{
    size_t e = n;
    while (e && isdigit((unsigned char)s[e - 1]))
        e--;
    if (e == n) {
        size_t r = e;
        while (r && strchr("ivxlcIVXLC", s[r - 1]))
            r--;
        if (r == e || (r && s[r - 1] != ' ' && s[r - 1] != '.'))
            return 0;
        e = r;
    }
    int dots = 0;
    while (e) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == '.' || c == '_' || c == 0xB7)
            dots++, e--;
        else if (c == ' ' || c == 0xC2)
            e--;
        else if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
                 c == 0xA6)
            dots += 3, e -= 3;
        else
            break;
    }
    return dots >= 4;
}

/* Text, then a gap of 3 or more blanks or a short leader (2 or 3 dots),
 * then a page number: an entry on a page of entries. */
static int gap_entry(const char *s, size_t n)
{
    size_t e = n;
    while (e && isdigit((unsigned char)s[e - 1]))
        e--;
    if (e == n || n - e > 4 || e < 4 || s[e - 1] != ' ')
        return 0;
    if (s[e - 2] == ' ' && s[e - 3] == ' ')
        return 1;
    size_t d = e - 1, dots = 0;
    while (d && s[d - 1] == '.')
        d--, dots++;
    return dots >= 2 && d && s[d - 1] == ' ';
}

static int toc_title(const char *s, size_t n)
{
    static const char *const t[] = {"table of contents", "contents", "sommaire",
                                    "table des mati\xc3\xa8res", "table des matieres", NULL};
    while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    for (int i = 0; t[i]; i++)
        if (strlen(t[i]) == n && strncasecmp(s, t[i], n) == 0)
            return 1;
    return 0;
}

/* Length of a section number at s ("4.9.1", "4.9.1.", "IV.2", "IV."),
 * with the blank after it; 0 if none. *comps gets its component count. */
static size_t section_number(const char *s, size_t n, int *comps)
{
    size_t i = 0;
    int c = 0;
    size_t r = 0;
    while (r < n && r < 5 && strchr("IVX", s[r]))
        r++;
    if (r && r < n && s[r] == '.') {
        i = r;
        c = 1;
        if (i + 1 < n && isdigit((unsigned char)s[i + 1]))
            i++;
        else {
            i++;
            goto done;
        }
    }
    for (;;) {
        size_t st = i;
        unsigned v = 0;
        while (i < n && isdigit((unsigned char)s[i]) && i - st < 3)
            v = v * 10 + (unsigned)(s[i++] - '0');
        if (i == st || (i < n && isdigit((unsigned char)s[i])))
            return 0;
        if (v == 0 || v > 99 || (c == 0 && v > 20))
            return 0;
        c++;
        if (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1]) && c < 8) {
            i++;
            continue;
        }
        break;
    }
    if (i < n && s[i] == '.')
        i++;
done:
    if (i >= n || !(s[i] == ' ' || s[i] == '\t'))
        return 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    *comps = c;
    return i;
}

static int entry_like(const pline *l)
{
    return l->n && (leader_entry(l->s, l->n) || gap_entry(l->s, l->n));
}

static void drop_toc(pline *v, size_t nl, size_t npg)
{
    size_t *entries = xcalloc(npg + 1, sizeof *entries);
    size_t *lines = xcalloc(npg + 1, sizeof *lines);
    int *titled = xcalloc(npg + 1, sizeof *titled);
    for (size_t i = 0; i < nl; i++) {
        pline *l = &v[i];
        if (l->drop || !l->n)
            continue;
        if (toc_title(l->s, l->n)) {
            l->drop = DROP_TOC;
            titled[l->pg] = 1;
            continue;
        }
        lines[l->pg]++;
        if (entry_like(l))
            entries[l->pg]++;
    }
    /* live: the lines before i on its page that are not blank and not
     * dropped (so far), kept up to date as lines are dropped */
    size_t live = 0;
    for (size_t i = 0; i < nl; i++) {
        pline *l = &v[i];
        if (i == 0 || v[i - 1].pg != l->pg)
            live = 0;
        else if (v[i - 1].n && !v[i - 1].drop)
            live++;
        if (l->drop || !l->n)
            continue;
        int toc_page = entries[l->pg] >= 3 &&
                       (2 * entries[l->pg] >= lines[l->pg] || titled[l->pg]);
        int entry = leader_entry(l->s, l->n) || (toc_page && gap_entry(l->s, l->n));
        if (!entry)
            continue;
        l->drop = DROP_TOC;
        /* the lines a wrapped entry started on, maybe on the page before */
        int comps;
        if (section_number(l->s, l->n, &comps))
            continue;
        /* first on its page: the entry may have begun on the page before */
        int first_on_page = live == 0;
        for (size_t j = i, up = 0; j-- > 0 && up < 2;) {
            if (v[j].drop == DROP_CHROME || (first_on_page && !up && !v[j].n))
                continue;
            if (v[j].drop || !v[j].n || entry_like(&v[j]))
                break;
            v[j].drop = DROP_TOC;
            if (v[j].pg == l->pg)
                live--;
            up++;
            if (section_number(v[j].s, v[j].n, &comps))
                break;
        }
    }
    free(entries);
    free(lines);
    free(titled);
}

static int words_in(const char *s, size_t n)
{
    int w = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* A heading-like title: short, starts with a capital (or a non-ASCII
 * letter), no clause punctuation at the end. */
static int title_like(const char *s, size_t n)
{
    if (!n || n > 140 || words_in(s, n) > 14)
        return 0;
    unsigned char c = (unsigned char)s[0];
    if (!(isupper(c) || c >= 0xC3 || c == '[' || c == '('))
        return 0;
    char last = s[n - 1];
    if (last == ',' || last == ';')
        return 0;
    if (last == '.' && words_in(s, n) > 6)
        return 0;
    return 1;
}

/* The title ends with a word that cannot end one ("of the", "and"): the
 * line was cut by the page width, it is not a heading. */
static int dangling_end(const char *s, size_t n)
{
    static const char *const w[] = {"the", "of", "and", "or", "a", "an", "to", "for", "by", "in",
                                    "with", "on", "as", "at", "from", "that", "which", "de", "la",
                                    "le", "les", "des", "du", "et", "ou", "en", "par", "pour",
                                    "aux", "au", "un", "une", "sur", "dans", NULL};
    size_t st = n;
    while (st && isalpha((unsigned char)s[st - 1]))
        st--;
    if (st == n || (st && s[st - 1] != ' '))
        return 0;
    for (int i = 0; w[i]; i++)
        if (strlen(w[i]) == n - st && strncasecmp(s + st, w[i], n - st) == 0)
            return 1;
    return 0;
}

/* Starts with a lower-case letter (ASCII, or Latin-1 à-ÿ in UTF-8). */
static int lower_start(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return n && (islower(u[0]) || (n > 1 && u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBF));
}

/* A title too long for the page goes on at line i + 1: in lower case,
 * standing alone before a blank line (or the page's end). */
static int title_goes_on(const pline *v, size_t nl, size_t i)
{
    if (i + 1 >= nl)
        return 0;
    const pline *a = &v[i + 1];
    if (a->drop || !a->n || a->page != v[i].page || !lower_start(a->s, a->n))
        return 0;
    return i + 2 >= nl || !v[i + 2].n || v[i + 2].drop || v[i + 2].page != a->page;
}

static int all_caps(const char *s, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (islower(c))
            return 0;
        letters += isupper(c) != 0;
    }
    return letters >= 3;
}

static const char *bullet_at(const char *s, size_t n, size_t *len)
{
    static const char *const b[] = {"\xe2\x80\xa2", "\xe2\x96\xaa", "\xe2\x80\x93", "\xef\x82\xb7",
                                    "\xe2\x97\x8f", "\xe2\x97\xa6", "-", "*", "o", NULL};
    for (int i = 0; b[i]; i++) {
        size_t l = strlen(b[i]);
        if (l < n && memcmp(s, b[i], l) == 0 && (s[l] == ' ' || s[l] == '\t')) {
            *len = l;
            return b[i];
        }
    }
    return NULL;
}

typedef struct para {
    buf text;
    int open;
    block_kind kind;
    int level;
    int page;
    long line;
    size_t indent;   /* of its first line (a list item's bullet) */
    cps_err *e;      /* filled on the first failure (ICU) */
    int rc;          /* 0, or that failure's code: later blocks are dropped */
} para;

static void para_flush(para *p, doc *d)
{
    if (!p->open)
        return;
    p->open = 0;
    size_t dl = 0;
    char *disp = NULL;
    if (!p->rc)
        p->rc = text_display(p->text.ptr ? p->text.ptr : "", p->text.len, &disp, &dl, p->e);
    if (dl) {
        doc_block *b = doc_add_block(d, p->kind, p->level, disp, dl, p->line);
        b->page = p->page;
    }
    free(disp);
    buf_truncate(&p->text, 0);
}

static void para_start(para *p, doc *d, block_kind kind, int level, const pline *l)
{
    para_flush(p, d);
    p->open = 1;
    p->kind = kind;
    p->level = level;
    p->page = l->page;
    p->line = l->line;
    p->indent = l->indent;
}

static void para_add(para *p, const char *s, size_t n)
{
    if (p->text.len) {
        char last = p->text.ptr[p->text.len - 1];
        if (!(last == '-' && p->text.len >= 2 && isalpha((unsigned char)p->text.ptr[p->text.len - 2])))
            buf_putc(&p->text, ' ');
    }
    buf_put(&p->text, s, n);
}

static int ends_sentence(const buf *b)
{
    if (!b->len)
        return 1;
    char c = b->ptr[b->len - 1];
    return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

int layout_to_blocks(const char *text, size_t n, doc *d, cps_err *e)
{
    size_t nl, npg;
    pline *v = split_lines(text, n, &nl, &npg);
    drop_headers_footers(v, nl, npg);
    drop_toc(v, nl, npg);
    /* the nearest line not dropped before and after each (nl: none) */
    size_t *prev = xmalloc((nl + 1) * sizeof *prev), *next = xmalloc((nl + 1) * sizeof *next);
    for (size_t i = 0, last = nl; i < nl; i++) {
        prev[i] = last;
        if (!v[i].drop)
            last = i;
    }
    for (size_t i = nl, last = nl; i-- > 0;) {
        next[i] = last;
        if (!v[i].drop)
            last = i;
    }

    para p;
    memset(&p, 0, sizeof p);
    p.e = e;
    int last_page = 0, gap = 0;
    for (size_t i = 0; i < nl; i++) {
        const pline *l = &v[i];
        if (l->drop)
            continue;
        if (!l->n) {
            gap = 1; /* a blank line ends a paragraph, unless a page break follows */
            continue;
        }
        if (p.open) {
            if (l->page != last_page) {
                int cont = p.kind != BLOCK_HEADING && !ends_sentence(&p.text) &&
                           lower_start(l->s, l->n);
                if (!cont)
                    para_flush(&p, d);
            } else if (gap) {
                para_flush(&p, d);
            }
        }
        gap = 0;
        last_page = l->page;
        /* a list item goes on with lines indented past its bullet */
        if (p.open && p.kind == BLOCK_LIST_ITEM && l->indent <= p.indent)
            para_flush(&p, d);
        int comps = 0;
        size_t num = section_number(l->s, l->n, &comps);
        /* a number at the start of a line inside a sentence ("... see
         * section\n4.9.1 for ...") is where the page width cut it */
        int continues = p.open && p.kind != BLOCK_HEADING && i > 0 && !v[i - 1].drop &&
                        v[i - 1].n && v[i - 1].page == l->page && !ends_sentence(&p.text);
        if (continues)
            num = 0;
        if (num && num < l->n && title_like(l->s + num, l->n - num) &&
            (!dangling_end(l->s + num, l->n - num) || title_goes_on(v, nl, i))) {
            /* a chapter number alone ("1. Validate the request") is often a
             * list item: it must stand apart, or be in capitals */
            int prev_blank = 1, next_blank = 1;
            if (prev[i] < nl)
                prev_blank = !v[prev[i]].n || v[prev[i]].page != l->page;
            if (next[i] < nl)
                next_blank = !v[next[i]].n || v[next[i]].page != l->page;
            if (comps > 1 || all_caps(l->s + num, l->n - num) || (prev_blank && next_blank)) {
                para_start(&p, d, BLOCK_HEADING, comps > 6 ? 6 : comps, l);
                para_add(&p, l->s, l->n);
                while (title_goes_on(v, nl, i) && p.text.len + v[i + 1].n < 200) {
                    i++;
                    para_add(&p, v[i].s, v[i].n);
                }
                para_flush(&p, d);
                continue;
            }
        }
        size_t bl;
        if (bullet_at(l->s, l->n, &bl)) {
            para_start(&p, d, BLOCK_LIST_ITEM, 0, l);
            para_add(&p, l->s + bl, l->n - bl);
            continue;
        }
        if (!p.open || num)
            para_start(&p, d, BLOCK_PARAGRAPH, 0, l);
        para_add(&p, l->s, l->n);
    }
    para_flush(&p, d);
    buf_free(&p.text);
    free(prev);
    free(next);
    free(v);
    return p.rc;
}

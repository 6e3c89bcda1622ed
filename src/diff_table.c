/* diff_table.c — tables compared row by row and cell by cell
 * (diff_table.h). */
#include "diff_table.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* Empty cells filled in before a cell whose column is further on. */
#define DIFF_ROW_GAP_MAX 64

/* The matching text of s[0..n), trimmed. */
static int fold_cell(const char *s, size_t n, char **out, cps_err *e)
{
    text_map m;
    int rc = text_fold(s, n, &m, e);
    if (rc)
        return rc;
    size_t a = 0, z = m.len;
    while (a < z && m.s[a] == ' ')
        a++;
    while (z > a && m.s[z - 1] == ' ')
        z--;
    *out = xstrndup(m.s + a, z - a);
    text_map_free(&m);
    return 0;
}

int diff_rows_add(diff_row **rows, size_t *n, size_t *cap, int table_doc, int row, int col,
                  const char *text, size_t len, long line, int page, int *last_doc_table,
                  int *last_row, int *tables, cps_err *e)
{
    if (table_doc != *last_doc_table)
        (*tables)++;
    if (!*n || table_doc != *last_doc_table || row != *last_row) {
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *rows = xrealloc(*rows, *cap * sizeof **rows);
        }
        (*rows)[(*n)++] = (diff_row){*tables - 1, line, page, NULL, NULL, 0};
    }
    *last_doc_table = table_doc;
    *last_row = row;
    diff_row *r = &(*rows)[*n - 1];
    size_t c = col < 0 ? 0 : (size_t)col;
    if (c > r->ncells + DIFF_ROW_GAP_MAX) /* a hostile column number: the next one */
        c = r->ncells;
    if (c >= r->ncells) {
        r->cells = xrealloc(r->cells, (c + 1) * sizeof *r->cells);
        r->folded = xrealloc(r->folded, (c + 1) * sizeof *r->folded);
        for (size_t k = r->ncells; k <= c; k++) {
            r->cells[k] = xstrdup("");
            r->folded[k] = xstrdup("");
        }
        r->ncells = c + 1;
    }
    buf b = BUF_INIT;
    buf_puts(&b, r->cells[c]);
    if (b.len && len)
        buf_putc(&b, ' ');
    buf_put(&b, text, len);
    char *joined = b.ptr ? buf_detach(&b) : xstrdup("");
    char *f = NULL;
    int rc = fold_cell(joined, strlen(joined), &f, e);
    if (rc) {
        free(joined);
        return rc;
    }
    free(r->cells[c]);
    free(r->folded[c]);
    r->cells[c] = joined;
    r->folded[c] = f;
    return 0;
}

void diff_rows_free(diff_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < rows[i].ncells; k++) {
            free(rows[i].cells[k]);
            free(rows[i].folded[k]);
        }
        free(rows[i].cells);
        free(rows[i].folded);
    }
    free(rows);
}

int diff_rows_equal(const diff_row *a, const diff_row *b)
{
    size_t n = a->ncells > b->ncells ? a->ncells : b->ncells;
    for (size_t k = 0; k < n; k++) {
        const char *x = k < a->ncells ? a->folded[k] : "";
        const char *y = k < b->ncells ? b->folded[k] : "";
        if (strcmp(x, y))
            return 0;
    }
    return 1;
}

/* ---- pairing -------------------------------------------------------------- */

static const char *label(const diff_row *r) { return r->ncells ? r->folded[0] : ""; }

typedef struct lab {
    const char *s;
    size_t i;    /* index in the table's own list */
} lab;

static int lab_cmp(const void *x, const void *y)
{
    const lab *a = x, *b = y;
    int c = strcmp(a->s, b->s);
    return c ? c : (a->i < b->i ? -1 : a->i > b->i);
}

/* Sorted labels of rows[idx[0..n)]. */
static lab *labels(const diff_row *rows, const size_t *idx, size_t n)
{
    lab *l = xmalloc((n + 1) * sizeof *l);
    for (size_t i = 0; i < n; i++)
        l[i] = (lab){label(&rows[idx[i]]), i};
    qsort(l, n, sizeof *l, lab_cmp);
    return l;
}

/* Position in the table's list of the row labelled s if it is the only
 * one, else -1. */
static long unique(const lab *l, size_t n, const char *s)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (strcmp(l[m].s, s) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    if (lo >= n || strcmp(l[lo].s, s) || (lo + 1 < n && !strcmp(l[lo + 1].s, s)))
        return -1;
    return (long)l[lo].i;
}

typedef struct pairs {
    diff_row_pair *p;
    size_t n, cap;
} pairs;

static void push(pairs *ps, const diff_row *a, const diff_row *b, long o, long n)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? 2 * ps->cap : 16;
        ps->p = xrealloc(ps->p, ps->cap * sizeof *ps->p);
    }
    diff_row_kind k = o < 0 ? DIFF_ROW_ADDED
                      : n < 0 ? DIFF_ROW_REMOVED
                      : diff_rows_equal(&a[o], &b[n]) ? DIFF_ROW_SAME
                                                       : DIFF_ROW_CHANGED;
    ps->p[ps->n++] = (diff_row_pair){k, o, n};
}

/* The rows between two anchors, paired by position. */
static void gap(pairs *ps, const diff_row *a, const size_t *ia, const long *ma, size_t a0,
                size_t a1, const diff_row *b, const size_t *ib, const long *mb, size_t b0,
                size_t b1)
{
    while (a0 < a1 || b0 < b1) {
        while (a0 < a1 && ma[a0] >= 0)
            a0++;
        while (b0 < b1 && mb[b0] >= 0)
            b0++;
        if (a0 >= a1 && b0 >= b1)
            break;
        long o = a0 < a1 ? (long)ia[a0++] : -1, n = b0 < b1 ? (long)ib[b0++] : -1;
        push(ps, a, b, o, n);
    }
}

/* One table: rows a[ia[0..na)] against b[ib[0..nb)]. */
static void pair_table(pairs *ps, const diff_row *a, const size_t *ia, size_t na,
                       const diff_row *b, const size_t *ib, size_t nb)
{
    lab *la = labels(a, ia, na), *lb = labels(b, ib, nb);
    long *ma = xmalloc((na + 1) * sizeof *ma), *mb = xmalloc((nb + 1) * sizeof *mb);
    for (size_t i = 0; i < na; i++)
        ma[i] = -1;
    long last = -1;
    for (size_t j = 0; j < nb; j++) {
        mb[j] = -1;
        const char *s = label(&b[ib[j]]);
        if (!*s || unique(lb, nb, s) < 0)
            continue;
        long i = unique(la, na, s);
        if (i > last) { /* anchors in order on both sides */
            mb[j] = i;
            ma[i] = (long)j;
            last = i;
        }
    }
    size_t pa = 0, pb = 0;
    for (size_t j = 0; j < nb; j++) {
        if (mb[j] < 0)
            continue;
        gap(ps, a, ia, ma, pa, (size_t)mb[j], b, ib, mb, pb, j);
        push(ps, a, b, (long)ia[mb[j]], (long)ib[j]);
        pa = (size_t)mb[j] + 1;
        pb = j + 1;
    }
    gap(ps, a, ia, ma, pa, na, b, ib, mb, pb, nb);
    free(la);
    free(lb);
    free(ma);
    free(mb);
}

size_t diff_rows_pair(const diff_row *a, size_t na, const diff_row *b, size_t nb,
                      diff_row_pair **out)
{
    pairs ps = {NULL, 0, 0};
    int tables = 0;
    for (size_t i = 0; i < na; i++)
        tables = a[i].table + 1 > tables ? a[i].table + 1 : tables;
    for (size_t j = 0; j < nb; j++)
        tables = b[j].table + 1 > tables ? b[j].table + 1 : tables;
    size_t *ia = xmalloc((na + 1) * sizeof *ia), *ib = xmalloc((nb + 1) * sizeof *ib);
    /* rows are grouped by table in order: one pass per table */
    size_t i = 0, j = 0;
    for (int t = 0; t < tables; t++) {
        size_t ka = 0, kb = 0;
        while (i < na && a[i].table == t)
            ia[ka++] = i++;
        while (j < nb && b[j].table == t)
            ib[kb++] = j++;
        pair_table(&ps, a, ia, ka, b, ib, kb);
    }
    free(ia);
    free(ib);
    *out = ps.p ? ps.p : xmalloc(sizeof **out);
    return ps.n;
}

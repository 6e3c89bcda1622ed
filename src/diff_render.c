/* diff_render.c — hunks and table rows of a changed section
 * (diff_render.h). */
#include "diff_render.h"

#include <stdlib.h>
#include <string.h>

#include "wdiff.h"

typedef struct seg_ctx {
    const diff_side *os, *ns;
    diff_segs *g;
    int pending_hunk;        /* the next segment starts a hunk */
} seg_ctx;

/* Append a segment starting at word aw of the old prose and bw of the new. */
static void seg_push(seg_ctx *c, char op, char *text, size_t aw, size_t bw)
{
    diff_segs *g = c->g;
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 8;
        g->s = xrealloc(g->s, g->cap * sizeof *g->s);
    }
    diff_seg *s = &g->s[g->n++];
    memset(s, 0, sizeof *s);
    s->op = op;
    s->text = text;
    s->hunk = c->pending_hunk;
    c->pending_hunk = 0;
    if (c->os)
        s->old_line = diff_side_line(c->os, aw, &s->old_page);
    if (c->ns)
        s->new_line = diff_side_line(c->ns, bw, &s->new_page);
}

void diff_segs_free(diff_segs *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->s[i].text);
    free(g->s);
    memset(g, 0, sizeof *g);
}

#define GAVE_UP_WORDS 120

/* Text of a DEL/INS run; shortened when the diff gave up (whole sections). */
static char *change_text(const wdiff_text *t, size_t w0, size_t w1, int gave_up)
{
    if (gave_up && w1 - w0 > GAVE_UP_WORDS) {
        char *head = wdiff_words_text(t, w0, w0 + GAVE_UP_WORDS);
        buf b = BUF_INIT;
        buf_printf(&b, "%s … (%zu more words)", head, w1 - w0 - GAVE_UP_WORDS);
        free(head);
        return buf_detach(&b);
    }
    return wdiff_words_text(t, w0, w1);
}

/* End of the context after the change before op k: the rest of its
 * sentence, then ctx sentences. */
static size_t head_end_of(const wdiff_text *a, const wdiff_text *b, const wdiff_op *q,
                          size_t b0, size_t b1, size_t ctx)
{
    size_t count = 0, head_end = b0;
    if (q->op == WDIFF_INS ? wdiff_word_ends_sentence(b, q->b1 - 1)
                           : wdiff_word_ends_sentence(a, q->a1 - 1))
        count = 1;
    if (count > ctx)
        return b0;
    for (size_t i = b0; i < b1; i++) {
        head_end = i + 1;
        if (wdiff_word_ends_sentence(b, i) && ++count > ctx)
            break;
    }
    return head_end;
}

/* Start of the context before the next change: ctx sentences before the
 * sentence it is in. */
static size_t tail_start_of(const wdiff_text *b, size_t b0, size_t b1, size_t ctx)
{
    size_t count = 0, tail_start = b1;
    for (size_t i = b1; i-- > b0;) {
        if (wdiff_word_ends_sentence(b, i) && count++ == ctx)
            break;
        tail_start = i;
    }
    return tail_start;
}

/* An unchanged run [b0, b1) of the new prose (o): the context it gives the
 * changes around it, the rest left out between two hunks. */
static void push_equal(seg_ctx *c, const wdiff_result *w, size_t k, size_t ctx,
                       size_t heading_words)
{
    const wdiff_text *a = diff_side_prose(c->os), *b = diff_side_prose(c->ns);
    const wdiff_op *o = &w->ops[k];
    size_t b0 = o->b0, b1 = o->b1, shift = o->a0;
    int before = k > 0, after = k + 1 < w->n;
    size_t head_end = before ? head_end_of(a, b, &w->ops[k - 1], b0, b1, ctx) : b0;
    size_t tail_start = b1;
    if (after) {
        tail_start = tail_start_of(b, b0, b1, ctx);
        /* the heading is printed above the diff: not as context again */
        if (!before && tail_start < heading_words && heading_words <= b1)
            tail_start = heading_words;
    }
    if ((!before && !after) || (before && after && head_end >= tail_start)) {
        seg_push(c, '=', wdiff_words_text(b, b0, b1), shift, b0);
        return;
    }
    if (before && head_end > b0)
        seg_push(c, '=', wdiff_words_text(b, b0, head_end), shift, b0);
    size_t gap_from = before ? head_end : b0, gap_to = after ? tail_start : b1;
    if (gap_to > gap_from)
        c->pending_hunk = 1;
    if (after && tail_start < b1)
        seg_push(c, '=', wdiff_words_text(b, tail_start, b1), shift + (tail_start - b0),
                 tail_start);
}

void diff_segs_build(const diff_result *r, const diff_pair *p, int context, diff_segs *g)
{
    memset(g, 0, sizeof *g);
    seg_ctx c = {&r->old[p->old_i], &r->new[p->new_i], g, 1};
    const wdiff_text *a = diff_side_prose(c.os), *b = diff_side_prose(c.ns);
    const wdiff_result *w = &p->wd;
    if (w->gave_up)
        g->note = "too different for a word diff: the differing part is shown as replaced";
    size_t ctx = context < 0 ? (size_t)-1 / 2 : (size_t)context;
    const char *heading = c.ns->sec->heading;
    size_t hlen = heading ? strlen(heading) : 0, heading_words = 0;
    while (heading_words < b->n && b->w[heading_words].dend <= hlen)
        heading_words++;
    if (w->n == 1 && w->ops[0].op == WDIFF_EQ)
        return; /* only its tables changed */
    for (size_t k = 0; k < w->n; k++) {
        const wdiff_op *o = &w->ops[k];
        if (o->op == WDIFF_DEL)
            seg_push(&c, '-', change_text(a, o->a0, o->a1, w->gave_up), o->a0, o->b0);
        else if (o->op == WDIFF_INS)
            seg_push(&c, '+', change_text(b, o->b0, o->b1, w->gave_up), o->a0, o->b0);
        else
            push_equal(&c, w, k, ctx, heading_words);
    }
}

/* ---- table rows ------------------------------------------------------------ */

/* An added or removed row's cells but the first (its name). */
static char *row_text(const diff_row *r)
{
    buf b = BUF_INIT;
    for (size_t k = r->ncells > 1 && *r->cells[0]; k < r->ncells; k++) {
        if (b.len)
            buf_puts(&b, " | ");
        buf_puts(&b, r->cells[k]);
    }
    return b.ptr ? buf_detach(&b) : xstrdup("");
}

/* A changed cell: its word diff, whole cells replaced if it cannot be made. */
static void cell_diff(seg_ctx *c, const char *x, const char *y)
{
    wdiff_text ta, tb;
    cps_err e;
    cps_err_clear(&e);
    int ok = !wdiff_text_init(&ta, x, strlen(x), &e);
    if (ok && wdiff_text_init(&tb, y, strlen(y), &e)) {
        wdiff_text_free(&ta);
        ok = 0;
    }
    if (!ok) {
        if (*x)
            seg_push(c, '-', xstrdup(x), 0, 0);
        if (*y)
            seg_push(c, '+', xstrdup(y), 0, 0);
        return;
    }
    wdiff_result w;
    wdiff_run(&ta, &tb, NULL, &w);
    for (size_t k = 0; k < w.n; k++) {
        const wdiff_op *o = &w.ops[k];
        if (o->op == WDIFF_DEL)
            seg_push(c, '-', wdiff_words_text(&ta, o->a0, o->a1), 0, 0);
        else
            seg_push(c, o->op == WDIFF_INS ? '+' : '=', wdiff_words_text(&tb, o->b0, o->b1), 0,
                     0);
    }
    wdiff_result_free(&w);
    wdiff_text_free(&ta);
    wdiff_text_free(&tb);
}

void diff_segs_row(const diff_result *r, const diff_pair *p, size_t k, diff_segs *g)
{
    memset(g, 0, sizeof *g);
    const diff_row_pair *rp = &p->rows[k];
    const diff_row *o = rp->old_r >= 0 ? &r->old[p->old_i].rows[rp->old_r] : NULL;
    const diff_row *n = rp->new_r >= 0 ? &r->new[p->new_i].rows[rp->new_r] : NULL;
    seg_ctx c = {NULL, NULL, g, 1};
    if (!o || !n) {
        seg_push(&c, o ? '-' : '+', row_text(o ? o : n), 0, 0);
    } else {
        size_t nc = o->ncells > n->ncells ? o->ncells : n->ncells;
        int first = 1;
        for (size_t i = 0; i < nc; i++) {
            const char *x = i < o->ncells ? o->cells[i] : "";
            const char *y = i < n->ncells ? n->cells[i] : "";
            const char *fx = i < o->ncells ? o->folded[i] : "";
            const char *fy = i < n->ncells ? n->folded[i] : "";
            int same = !strcmp(fx, fy);
            if (i == 0 && same)
                continue; /* the label, in the row's name */
            if (!first)
                seg_push(&c, '|', xstrdup(""), 0, 0);
            first = 0;
            if (same)
                seg_push(&c, '=', xstrdup(y), 0, 0);
            else
                cell_diff(&c, x, y);
        }
    }
    if (g->n) {
        g->s[0].old_line = o ? o->line : 0;
        g->s[0].old_page = o ? o->page : 0;
        g->s[0].new_line = n ? n->line : 0;
        g->s[0].new_page = n ? n->page : 0;
    }
}

#define LABEL_MAX 60

void diff_row_name(buf *out, const diff_result *r, const diff_pair *p, size_t k)
{
    const diff_row_pair *rp = &p->rows[k];
    const diff_row *x = rp->new_r >= 0 ? &r->new[p->new_i].rows[rp->new_r]
                                       : &r->old[p->old_i].rows[rp->old_r];
    if (x->table > 0)
        buf_printf(out, "table %d, ", x->table + 1);
    const char *l = x->ncells ? x->cells[0] : "";
    size_t n = strlen(l);
    if (!n) {
        /* its position among the rows of its table */
        const diff_side *s = rp->new_r >= 0 ? &r->new[p->new_i] : &r->old[p->old_i];
        size_t at = (size_t)(rp->new_r >= 0 ? rp->new_r : rp->old_r), pos = 1;
        while (at > 0 && s->rows[at - 1].table == x->table)
            at--, pos++;
        buf_printf(out, "row %zu", pos);
        return;
    }
    if (n > LABEL_MAX) { /* shortened at a character boundary */
        n = LABEL_MAX;
        while (n > 0 && ((unsigned char)l[n] & 0xC0) == 0x80)
            n--;
    }
    buf_puts(out, "row \"");
    buf_put(out, l, n);
    buf_puts(out, n < strlen(l) ? "…\"" : "\"");
}

static void line_of(buf *out, const char *side, long line, int page)
{
    if (page > 0)
        buf_printf(out, "%s %d:%ld", side, page, line);
    else
        buf_printf(out, "%s %ld", side, line);
}

void diff_lines_text(buf *out, long old_line, int old_page, long new_line, int new_page)
{
    if (old_line > 0)
        line_of(out, "old", old_line, old_page);
    if (old_line > 0 && new_line > 0)
        buf_puts(out, ", ");
    if (new_line > 0)
        line_of(out, "new", new_line, new_page);
}

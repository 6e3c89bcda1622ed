/* check_limit.c — kind limit: durations near a cue, in a clause or a table
 * row, compared with the rule's dated schedule as of a date. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "subject.h"

CHK_KIND_DECLARE(limit);

typedef struct span_t {
    size_t s, e;
} span_t;


typedef struct dated {
    size_t s, e;
    cps_date d;
    chk_date_dir dir;
    size_t cue;       /* offset of the cue word, or s when none */
} dated;

static int has_then(const char *s, size_t from, size_t to)
{
    static const char *const w[] = {"then", "thereafter", "afterwards", "after that",
                                    "subsequently", "puis", "ensuite", "au-dela", NULL};
    for (size_t i = 0; w[i]; i++) {
        size_t k = strlen(w[i]);
        for (size_t at = from; at + k <= to; at++)
            if (!memcmp(s + at, w[i], k) && (at == 0 || !isalnum((unsigned char)s[at - 1])) &&
                !isalnum((unsigned char)s[at + k]))
                return 1;
    }
    return 0;
}

static int has_punct(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == '.' || s[i] == '|')
            return 1;
    return 0;
}

/* Limit bounds in days. */
static void step_days(const limit_step *st, double *lo, double *hi)
{
    double v = st->value;
    switch (st->unit) {
    case 'h': *lo = *hi = v / 24.0; break;
    case 'w': *lo = *hi = 7 * v; break;
    case 'm': *lo = 28 * v; *hi = 31 * v; break;
    case 'y': *lo = 365 * v; *hi = 366 * v; break;
    default: *lo = *hi = v; break;
    }
}

/* 0 within the limit, 1 maybe beyond it (bounds overlap), 2 beyond it. */
static int limit_compare(const rule *r, const limit_step *st, const duration *d)
{
    int cal_d = d->unit == 'm' || d->unit == 'y', cal_l = st->unit == 'm' || st->unit == 'y';
    if (cal_d && cal_l) { /* months and years compare exactly */
        long dm = (long)d->value * (d->unit == 'y' ? 12 : 1);
        long lm = (long)st->value * (st->unit == 'y' ? 12 : 1);
        return r->limit_min ? (dm < lm ? 2 : 0) : (dm > lm ? 2 : 0);
    }
    double lo, hi;
    step_days(st, &lo, &hi);
    if (r->limit_min) {
        if (d->max_days < lo - 1e-9)
            return 2;
        return d->min_days < lo - 1e-9 ? 1 : 0;
    }
    if (d->min_days > hi + 1e-9)
        return 2;
    return d->max_days > hi + 1e-9 ? 1 : 0;
}

/* The step in force on as_of, or NULL. */
static const limit_step *step_at(const rule *r, cps_date as_of)
{
    const limit_step *st = NULL;
    for (size_t k = 0; k < r->nsteps; k++)
        if (r->steps[k].from == DATE_NONE || as_of >= r->steps[k].from)
            st = &r->steps[k];
    return st;
}

/* Collect every match span of ps in s[0..n). */
/* 1 if one of the spans starts in [from, to). */
static int spans_in(const span_t *v, size_t n, size_t from, size_t to)
{
    for (size_t k = 0; k < n; k++)
        if (v[k].s >= from && v[k].s < to)
            return 1;
    return 0;
}

static int all_spans(evalctx *c, size_t blk, const rule_patterns *ps, const char *s, size_t n,
                     span_t *out, size_t max, size_t *count)
{
    *count = 0;
    for (size_t i = 0; i < ps->n; i++) {
        if (!chk_may_match(c, blk, &ps->v[i]))
            continue;
        size_t from = 0, ms, me;
        while (from <= n && *count < max) {
            int rc = match_find(c->m, &ps->v[i], s, n, from, &ms, &me);
            if (rc < 0)
                return chk_pattern_failed(c, &ps->v[i]);
            if (rc == MATCH_NONE)
                break;
            out[(*count)++] = (span_t){ms, me};
            from = me > ms ? me : ms + 1;
        }
    }
    return 0;
}

typedef struct limit_hit {
    int level;        /* 0 none, 1 maybe, 2 beyond */
    size_t s, e;      /* the duration in the context text */
    duration d;
} limit_hit;

#define LIMIT_MAX_DUR 32
#define LIMIT_MAX_SPANS 64

/* "3 days a week", "2 jours par semaine": a rate, not a duration. */
static int is_rate(const char *s, size_t at, size_t n)
{
    static const char *const w[] = {"a week", "per week", "each week", "every week", "a month",
                                    "per month", "each month", "a year", "per year", "per annum",
                                    "par semaine", "par mois", "par an", "a la semaine", NULL};
    while (at < n && s[at] == ' ')
        at++;
    for (size_t i = 0; w[i]; i++) {
        size_t k = strlen(w[i]);
        if (at + k <= n && !memcmp(s + at, w[i], k) && (at + k == n || !isalnum((unsigned char)s[at + k])))
            return 1;
    }
    return 0;
}

/* 1 when the window a schedule in the text gives duration i of durs
 * ("398 days until 2026-03-14, then 200 days"; "from 2027-03-15, 100
 * days") covers as_of; seg is where the text about it starts. */
#define LIMIT_MAX_ROW_STARTS 32

/* The dates rows of a schedule table start from ("on or after March 15,
 * 2026 | 200 days"): a row's window ends where the next row's begins. */
typedef struct row_starts {
    int table;                /* the table they are for; 0 none yet */
    size_t n;
    cps_date d[LIMIT_MAX_ROW_STARTS];
} row_starts;

static int in_window(const char *ctx, size_t n, const duration *durs, size_t nd, size_t i,
                     const dated *dates, size_t ndates, size_t seg, cps_date as_of,
                     const row_starts *rows, int *dated_flag)
{
    const duration *d = &durs[i];
    cps_date wfrom = DATE_NONE, wto = DATE_NONE; /* [wfrom, wto) */
    size_t next = i + 1 < nd ? durs[i + 1].start : n;
    for (size_t k = 0; k < ndates; k++) {
        const dated *x = &dates[k];
        if (x->dir == DIR_NONE)
            continue;
        int before = x->e <= d->start && x->s >= seg;
        int after = x->s >= d->end && x->e <= next;
        if (!before && !after)
            continue;
        int is_end = x->dir == DIR_END_INCL || x->dir == DIR_END_EXCL;
        cps_date end_excl = x->dir == DIR_END_INCL ? x->d + 1 : x->d;
        cps_date start = x->dir == DIR_START_AFTER ? x->d + 1 : x->d;
        if (before) {
            /* a date between the previous duration and this one */
            int prev_owns = i > 0 && !has_punct(ctx, durs[i - 1].end, x->cue);
            if (is_end && i > 0 && has_then(ctx, x->e, d->start)) {
                wfrom = end_excl; /* "398 days until D, then 200 days" */
            } else if (prev_owns) {
                continue;
            } else if (is_end) {
                wto = end_excl;
            } else {
                wfrom = start;
            }
        } else {
            /* a date after this duration, before the next one */
            int mine = i + 1 == nd || !has_punct(ctx, d->end, x->cue);
            if (!mine)
                continue;
            if (is_end)
                wto = end_excl;
            else
                wfrom = start;
        }
    }
    if (rows && wfrom != DATE_NONE && wto == DATE_NONE)
        for (size_t k = 0; k < rows->n; k++)
            if (rows->d[k] > wfrom && (wto == DATE_NONE || rows->d[k] < wto))
                wto = rows->d[k]; /* a later row takes over */
    if (wfrom != DATE_NONE || wto != DATE_NONE)
        *dated_flag = 1; /* the document's dates decide, as of as_of */
    return !((wfrom != DATE_NONE && as_of < wfrom) || (wto != DATE_NONE && as_of >= wto));
}

static size_t find_dates(const char *ctx, size_t n, const char *lang, dated *dates, size_t max)
{
    size_t ndates = 0;
    for (size_t from = 0; from < n && ndates < max;) {
        size_t a, b;
        cps_date d = date_find(ctx + from, n - from, lang, &a, &b);
        if (d == DATE_NONE)
            break;
        dated *x = &dates[ndates++];
        x->s = from + a;
        x->e = from + b;
        x->d = d;
        x->dir = chk_date_direction(ctx, x->s, &x->cue);
        from += b > 0 ? b : 1;
    }
    return ndates;
}

/* The second part of "10 years and 6 months" is not a duration of its own. */
static int continues_previous(const char *ctx, const duration *durs, size_t i)
{
    if (i == 0)
        return 0;
    size_t gs = durs[i - 1].end, ge = durs[i].start;
    while (gs < ge && ctx[gs] == ' ')
        gs++;
    while (ge > gs && ctx[ge - 1] == ' ')
        ge--;
    return (ge - gs == 3 && !memcmp(ctx + gs, "and", 3)) ||
           (ge - gs == 2 && !memcmp(ctx + gs, "et", 2)) || (ge - gs == 1 && ctx[gs] == ',');
}

/* What the surroundings of block bi say its values are about, worked out
 * on first need (most blocks have no duration near a cue). */
typedef struct lazy_ctx {
    analysis *a;
    size_t bi;
    chk_table_memo *memo;
    int done;
    chk_value_ctx v;
    const row_starts *rows;   /* table cell: its table's row start dates */
} lazy_ctx;

static const chk_value_ctx *lazy_get(lazy_ctx *l)
{
    if (!l->done) {
        chk_value_context(l->a, l->bi, l->memo, &l->v);
        l->done = 1;
    }
    return &l->v;
}

/* Evaluate the durations of ctx[rs, re) with ctx[0, n) as context; ctx is
 * part of the matching text of block blk, or blk is CHK_NO_BLOCK. vc says
 * what the block's surroundings say its values are about. */
static int limit_text(evalctx *c, size_t blk, const char *ctx, size_t n, size_t rs, size_t re,
                      const char *lang, cps_date as_of, const limit_step *st,
                      lazy_ctx *vc, limit_hit *hit)
{
    const rule *r = c->r;
    memset(hit, 0, sizeof *hit);
    int rc = chk_any_in(c, blk, &r->near, ctx, n, NULL, NULL);
    if (rc <= 0)
        return rc;
    if (r->also.n && (rc = chk_any_in(c, blk, &r->also, ctx, n, NULL, NULL)) <= 0)
        return rc;
    duration durs[LIMIT_MAX_DUR];
    size_t nd = date_find_durations(ctx + rs, re - rs, durs, LIMIT_MAX_DUR);
    if (!nd)
        return 0;
    for (size_t i = 0; i < nd; i++) {
        durs[i].start += rs;
        durs[i].end += rs;
    }
    span_t un[LIMIT_MAX_SPANS], al[LIMIT_MAX_SPANS];
    size_t nun = 0, nal = 0;
    if (r->unless.n && all_spans(c, blk, &r->unless, ctx, n, un, LIMIT_MAX_SPANS, &nun) < 0)
        return -1;
    if (nun && r->also_wins && all_spans(c, blk, &r->also, ctx, n, al, LIMIT_MAX_SPANS, &nal) < 0)
        return -1;
    dated dates[16];
    size_t ndates = find_dates(ctx, n, lang, dates, 16);
    /* An `unless` cue before the first `near` cue is the clause's subject
     * ("The Root CA issues a CRL ..."): every duration in it is set aside. */
    span_t first_near;
    if (nun && chk_any_in(c, blk, &r->near, ctx, n, &first_near.s, &first_near.e) == 1 &&
        !spans_in(al, nal, 0, first_near.s))
        for (size_t k = 0; k < nun; k++)
            if (un[k].e <= first_near.s)
                return 0;
    unsigned clause_cls = r->subject ? subject_classes(ctx + rs, re - rs) : 0;
    for (size_t i = 0; i < nd; i++) {
        duration *d = &durs[i];
        if (r->limit_min ? d->bound < 0 : d->bound > 0)
            continue; /* "at most 7 years" says nothing about a minimum, and vice versa */
        if (continues_previous(ctx, durs, i) || is_rate(ctx, d->end, re))
            continue;
        size_t seg = i > 0 ? durs[i - 1].end : 0;
        int cancelled = 0;
        for (size_t k = 0; k < nun && !cancelled; k++)
            cancelled = un[k].s >= seg && un[k].s < d->start;
        if (cancelled && spans_in(al, nal, seg, d->start))
            cancelled = 0; /* also-wins: the rule's own subject is named too */
        if (cancelled)
            continue;
        if (chk_requirement_voice(ctx, seg > rs ? seg : rs, d->start))
            continue; /* "the Baseline Requirements allow ...": not the CA's value */
        if (r->subject) {
            size_t ss = seg > rs ? seg : rs;
            unsigned segc = subject_classes(ctx + ss, d->start - ss);
            if (chk_subject_other(r, segc, clause_cls, lazy_get(vc)))
                continue; /* another certificate's value */
        }
        if (!in_window(ctx, n, durs, nd, i, dates, ndates, seg, as_of, vc->rows, &c->dated))
            continue;
        int level = limit_compare(r, st, d);
        if (level > hit->level) {
            hit->level = level;
            hit->s = d->start;
            hit->e = d->end;
            hit->d = *d;
        }
    }
    return 0;
}

static size_t table_first_block(const analysis *a, size_t bi)
{
    int t = a->d.blocks[bi].table;
    while (bi > 0 && a->d.blocks[bi - 1].table == t)
        bi--;
    return bi;
}

/* Context of table cell bi: its column's header cell, then the cells of
 * its row; *cell gets the span of the cell itself. */
/* The header cell of column col in the table starting at block first, or
 * (size_t)-1. Header rows are regular in practice: look where the column
 * should be, then a little around it (never a scan of a whole wide row). */
static size_t header_cell(const analysis *a, size_t first, int col)
{
    const doc_block *t = &a->d.blocks[first];
    size_t guess = first + (size_t)(col > 0 ? col : 0);
    for (size_t k = guess > first + 8 ? guess - 8 : first; k < guess + 8 && k < a->d.nblocks; k++) {
        const doc_block *h = &a->d.blocks[k];
        if (h->table != t->table || h->row != 0)
            break;
        if (h->col == col)
            return k;
    }
    return (size_t)-1;
}

#define ROW_CONTEXT_CELLS 8 /* cells each side of a cell that give it context */

/* The context of a table cell for limit rules: its column header, then the
 * cells of its row (at most ROW_CONTEXT_CELLS each side), each other cell
 * preceded by its own column header, so "issued before | March 15, 2026 |
 * 398 days" reads as a dated schedule. [*cs, *ce) is the cell itself. */
static void cell_context(analysis *a, size_t bi, size_t first, buf *ctx, size_t *cs, size_t *ce)
{
    const doc_block *b = &a->d.blocks[bi];
    if (b->row > 0) {
        size_t h = header_cell(a, first, b->col);
        const text_map *tm = h != (size_t)-1 ? analysis_folded(a, h) : NULL;
        if (tm && tm->len) {
            buf_put(ctx, tm->s, tm->len);
            buf_puts(ctx, " | ");
        }
    }
    size_t k = bi;
    while (k > first && a->d.blocks[k - 1].row == b->row && bi - k < ROW_CONTEXT_CELLS)
        k--;
    for (; k < a->d.nblocks && a->d.blocks[k].table == b->table && a->d.blocks[k].row == b->row &&
           k <= bi + ROW_CONTEXT_CELLS;
         k++) {
        if (k != bi && b->row > 0) {
            size_t h = header_cell(a, first, a->d.blocks[k].col);
            const text_map *ht = h != (size_t)-1 ? analysis_folded(a, h) : NULL;
            if (ht && ht->len) {
                buf_put(ctx, ht->s, ht->len);
                buf_puts(ctx, ": ");
            }
        }
        const text_map *tm = analysis_folded(a, k);
        if (k == bi)
            *cs = ctx->len;
        if (tm && tm->len)
            buf_put(ctx, tm->s, tm->len);
        if (k == bi)
            *ce = ctx->len;
        buf_puts(ctx, " | ");
    }
}

static void limit_finding(evalctx *c, analysis *a, check_result *out, size_t bi, size_t ms,
                          size_t me, const limit_hit *h, cps_date as_of, const limit_step *st)
{
    const rule *r = c->r;
    finding *f = chk_add_finding(out, r);
    chk_finding_at_section(f, a, a->o.block_sec[bi]);
    chk_finding_snippet(f, a, bi, ms, me);
    chk_finding_row_label(f, a, bi);
    char asof[11], from[11];
    date_format(as_of, asof);
    date_format(st->from, from);
    buf m = BUF_INIT;
    const char *what = f->match ? f->match : "a duration";
    if (h->level == 2)
        buf_printf(&m, "\"%s\" is %s the %s in force on %s: %d %s", what,
                   r->limit_min ? "below" : "beyond", r->limit_min ? "minimum" : "maximum", asof,
                   st->value, date_unit_name(st->unit, st->value));
    else
        buf_printf(&m, "\"%s\" (%g to %g days) may be %s the %s in force on %s: %d %s", what,
                   h->d.min_days, h->d.max_days, r->limit_min ? "below" : "beyond",
                   r->limit_min ? "minimum" : "maximum", asof, st->value,
                   date_unit_name(st->unit, st->value));
    if (st->from != DATE_NONE)
        buf_printf(&m, " (from %s)", from);
    buf_printf(&m, "; %s", r->message);
    free(f->message);
    f->message = buf_detach(&m);
    if (h->level == 1 && f->severity > SEV_WARNING)
        f->severity = SEV_WARNING; /* the bounds overlap: a human decides */
}

/* The start dates of the rows of the table holding cell bi: a date in a
 * cell with a start cue before it (from, on or after, à partir du). */
static void table_row_starts(analysis *a, size_t bi, size_t first, const char *lang,
                             row_starts *rs)
{
    int t = a->d.blocks[bi].table;
    rs->table = t;
    rs->n = 0;
    for (size_t k = first; k < a->d.nblocks && a->d.blocks[k].table == t && k - first < 2000 &&
                           rs->n < LIMIT_MAX_ROW_STARTS;
         k++) {
        const text_map *tm = analysis_folded(a, k);
        if (!tm || !tm->len || a->d.blocks[k].row == 0)
            continue;
        dated ds[4];
        size_t nd = find_dates(tm->s, tm->len, lang, ds, 4);
        for (size_t j = 0; j < nd && rs->n < LIMIT_MAX_ROW_STARTS; j++)
            if (ds[j].dir == DIR_START || ds[j].dir == DIR_START_AFTER)
                rs->d[rs->n++] = ds[j].dir == DIR_START_AFTER ? ds[j].d + 1 : ds[j].d;
    }
}

static void eval_limit_at(evalctx *c, analysis *a, check_result *out, cps_date as_of)
{
    const rule *r = c->r;
    const limit_step *st = step_at(r, as_of);
    if (!st)
        return;
    const char *lang = a->lang[0] ? a->lang : NULL;
    int skip_table = -1; /* a table whose caption names what the rule excludes */
    chk_table_memo memo = {0, 0};
    row_starts rows;
    rows.table = 0;
    rows.n = 0;
    int first_of = 0;     /* the table whose first block is `first` (0: none yet): */
    size_t first = 0;     /* looked up once per table, not once per cell */
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        if (!chk_block_in_scope(&c->scope, r, a, bi) || a->o.roles[bi] == ROLE_HEADING)
            continue;
        const doc_block *b = &a->d.blocks[bi];
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        if (b->kind == BLOCK_TABLE_CELL && b->table > 0) {
            if (skip_table == b->table)
                continue;
            if (first_of != b->table) {
                first = table_first_block(a, bi);
                first_of = b->table;
            }
            size_t capb = (size_t)-1;
            for (size_t k = first; k-- > 0 && first - k <= 3;) {
                if (a->o.roles[k] == ROLE_HEADING) {
                    /* a section heading right above the table, when the
                     * section is not one of RFC 3647's (whose titles are
                     * generic: "... key pair usage periods") */
                    int si = a->o.block_sec[k];
                    if (first - k == 1 && si >= 0 && a->o.secs[si].spec < 0)
                        capb = k;
                    break;
                }
                if (a->d.blocks[k].kind == BLOCK_HEADING) {
                    capb = k;
                    break;
                }
            }
            if (first == bi && capb != (size_t)-1 && r->unless.n) {
                /* the caption: an unnumbered heading just before the table
                 * ("Root CA Certificate"), or a CA- or BR-specific section
                 * heading right above it ("7.1.2.1.1 Root CA Validity"),
                 * names what the whole table is about */
                const text_map *cap = analysis_folded(a, capb);
                int rc = cap && cap->len ? chk_any_in(c, chk_pf_block(c, a, capb), &r->unless, cap->s,
                                                  cap->len, NULL, NULL)
                                         : 0;
                if (rc < 0)
                    return;
                if (rc == 1) {
                    skip_table = b->table;
                    continue;
                }
            }
            buf ctx = BUF_INIT;
            size_t cs = 0, ce = 0;
            cell_context(a, bi, first, &ctx, &cs, &ce);
            limit_hit h;
            if (rows.table != b->table)
                table_row_starts(a, bi, first, lang, &rows);
            lazy_ctx vc = {a, bi, &memo, 0, {0, 0, 0}, &rows};
            int rc = ce > cs ? limit_text(c, CHK_NO_BLOCK, buf_cstr(&ctx), ctx.len, cs, ce, lang,
                                          as_of, st, &vc, &h)
                             : 0;
            if (rc == 0 && ce > cs && h.level > 0)
                limit_finding(c, a, out, bi, h.s - cs, h.e - cs, &h, as_of, st);
            buf_free(&ctx);
            if (rc < 0)
                return;
            continue;
        }
        size_t *starts = NULL;
        size_t nc = text_clauses(tm->s, tm->len, &starts);
        lazy_ctx vc = {a, bi, &memo, 0, {0, 0, 0}, NULL};
        for (size_t k = 0; k < nc && !c->failed; k++) {
            size_t cs = starts[k], ce = starts[k + 1];
            limit_hit h;
            if (limit_text(c, chk_pf_block(c, a, bi), tm->s + cs, ce - cs, 0, ce - cs, lang, as_of,
                           st, &vc, &h) < 0)
                break;
            if (h.level > 0)
                limit_finding(c, a, out, bi, cs + h.s, cs + h.e, &h, as_of, st);
        }
        free(starts);
    }
}

check_status chk_eval_limit(evalctx *c, const check_input *in, check_result *out, char **note)
{
    analysis *a = in->doc;
    cps_date as_of = in->as_of;
    if (chk_first_scope_section(c->r, a) == -1)
        return chk_scope_absent(c->r, note);
    size_t before = out->nf;
    eval_limit_at(c, a, out, as_of);
    if (c->failed || out->nf > before)
        return ST_PASS;
    /* Passes today: would it fail under the next step, within the warning window? */
    for (size_t k = 0; k < c->r->nsteps; k++) {
        cps_date from = c->r->steps[k].from;
        if (from == DATE_NONE || from <= as_of || from - as_of > CHECK_UPCOMING_DAYS)
            continue;
        if (c->r->steps[k].adopted != DATE_NONE && as_of < c->r->steps[k].adopted)
            break; /* the ballot that makes the next step is not adopted yet */
        eval_limit_at(c, a, out, from);
        for (size_t i = before; i < out->nf; i++) {
            out->f[i].status = ST_UPCOMING;
            if (out->f[i].severity > SEV_WARNING)
                out->f[i].severity = SEV_WARNING; /* never raises a notice */
        }
        break;
    }
    return ST_PASS;
}

int chk_validate_limit(rule *r, char *msg, size_t size)
{
    if (r->match.n || r->link.n || r->check)
        return chk_invalid(msg, size, "a limit rule takes 'near', 'also' and 'unless' patterns only");
    /* Effective from the first dated step unless given. */
    if (r->effective == DATE_NONE && r->steps[0].from != DATE_NONE)
        r->effective = r->steps[0].from;
    return 0;
}

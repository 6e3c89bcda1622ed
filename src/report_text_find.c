/* report_text_find.c — the findings of the text report, folded and in
 * document order (report_text_find.h). Every string from a document, a
 * ruleset or the command line is escaped (esc_text). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "outline.h"
#include "report_text_find.h"

void report_text_colour(buf *b, const report_opts *o, const char *code)
{
    if (o->color)
        buf_puts(b, code);
}

/* One entry: findings folded together, in document order. */
typedef struct rt_entry {
    size_t *k;        /* finding indices */
    size_t n;
    const char *what; /* a range entry: the words after "section N " */
    int group;        /* 0 errors and upcoming, 1 warnings and notices */
    const check_result *res; /* borrowed, for sorting */
} rt_entry;

typedef struct rt_ctx {
    const report_doc *d;
    const check_result *res;
} rt_ctx;

/* A structure finding about one section ("section 4.6.1 is missing"):
 * the words after the number, else NULL. */
static const char *range_what(const finding *f)
{
    size_t n = strlen(f->section);
    if (f->rule->kind != KIND_STRUCTURE || f->snippet || !n || f->translation ||
        strncmp(f->message, "section ", 8) || strncmp(f->message + 8, f->section, n) ||
        f->message[8 + n] != ' ')
        return NULL;
    return f->message + 9 + n;
}

static int group_of(const finding *f)
{
    return f->status == ST_UPCOMING || f->severity == SEV_ERROR ? 0 : 1;
}

static int str_cmp0(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* Numeric section order, the document ("") first. */
static int sec_cmp(const char *a, const char *b)
{
    if (!*a || !*b)
        return (*a != 0) - (*b != 0);
    return outline_number_cmp(a, b);
}

static long expired_of(const report_doc *d, size_t k)
{
    return d->marks ? (long)d->marks[k].expired : (long)DATE_NONE;
}

/* The same sentence quoted with the same mark. */
static int same_quote(const finding *x, const finding *y)
{
    return !str_cmp0(x->snippet, y->snippet) && x->mark_start == y->mark_start &&
           x->mark_end == y->mark_end;
}

/* Where finding k stands: section, then line, then its index. */
static int place_cmp(const check_result *res, size_t a, size_t b)
{
    const finding *x = &res->f[a], *y = &res->f[b];
    int c = x->translation - y->translation;
    if (!c)
        c = sec_cmp(x->section, y->section);
    if (!c)
        c = (x->line > y->line) - (x->line < y->line);
    if (!c)
        c = (a > b) - (a < b);
    return c;
}

/* What folds findings together: rule and message (a range entry: the
 * words after the section number); their quotes may differ. */
static int fold_key_cmp(const rt_ctx *cx, size_t a, size_t b)
{
    const finding *x = &cx->res->f[a], *y = &cx->res->f[b];
    if (x->rule != y->rule)
        return (uintptr_t)x->rule < (uintptr_t)y->rule ? -1 : 1;
    const char *wx = range_what(x), *wy = range_what(y);
    int c = (wx != NULL) - (wy != NULL);
    if (!c && wx)
        c = strcmp(wx, wy);
    if (!c && !wx) {
        c = strcmp(x->message, y->message);
        if (!c)
            c = (int)x->status - (int)y->status;
        if (!c)
            c = (int)x->severity - (int)y->severity;
        if (!c) {
            long ex = expired_of(cx->d, a), ey = expired_of(cx->d, b);
            c = (ex > ey) - (ex < ey);
        }
    }
    return c;
}

/* The same, then their places. */
static int fold_cmp(const rt_ctx *cx, size_t a, size_t b)
{
    int c = fold_key_cmp(cx, a, b);
    return c ? c : place_cmp(cx->res, a, b);
}

/* qsort has no context argument: sort (context, index) pairs. */
typedef struct rt_key {
    const rt_ctx *cx;
    size_t k;
} rt_key;

static int key_cmp(const void *pa, const void *pb)
{
    const rt_key *a = pa, *b = pb;
    return fold_cmp(a->cx, a->k, b->k);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const rt_entry *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group - b->group;
    return place_cmp(a->res, a->k[0], b->k[0]);
}

/* The entries of d: shown, unbaselined, unsuppressed findings folded,
 * sorted. */
static size_t build_entries(const report_doc *d, const report_opts *o, rt_entry **out)
{
    const check_result *res = d->res;
    rt_ctx cx = {d, res};
    rt_key *keys = xcalloc(res->nf ? res->nf : 1, sizeof *keys);
    size_t nk = 0;
    for (size_t k = 0; k < res->nf; k++)
        if (report_open(d, k, o))
            keys[nk++] = (rt_key){&cx, k};
    qsort(keys, nk, sizeof *keys, key_cmp);
    rt_entry *e = xcalloc(nk ? nk : 1, sizeof *e);
    size_t ne = 0;
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && !fold_key_cmp(&cx, keys[i].k, keys[j].k))
            j++;
        rt_entry *en = &e[ne++];
        en->n = j - i;
        en->k = xcalloc(en->n, sizeof *en->k);
        for (size_t m = i; m < j; m++)
            en->k[m - i] = keys[m].k;
        en->what = range_what(&res->f[keys[i].k]);
        en->group = group_of(&res->f[keys[i].k]);
        en->res = res;
        i = j;
    }
    free(keys);
    qsort(e, ne, sizeof *e, entry_cmp);
    *out = e;
    return ne;
}

/* ---- writing ------------------------------------------------------------ */

#define INDENT "          " /* under the tag */

static void indented(buf *b, const char *s)
{
    buf_puts(b, INDENT);
    esc_text(b, s);
    buf_putc(b, '\n');
}

/* "error     " in its colour. */
static void tag(buf *b, const report_opts *o, const char *name, const char *colour)
{
    report_text_colour(b, o, colour);
    buf_printf(b, "%-9s", name);
    report_text_colour(b, o, RT_RESET);
    buf_putc(b, ' ');
}

static void entry_tag(buf *b, const report_opts *o, const finding *f)
{
    if (f->status == ST_UPCOMING)
        tag(b, o, "upcoming", RT_BOLD RT_YELLOW);
    else if (f->severity == SEV_ERROR)
        tag(b, o, "error", RT_BOLD RT_RED);
    else if (f->severity == SEV_WARNING)
        tag(b, o, "warning", RT_YELLOW);
    else
        tag(b, o, "notice", RT_CYAN);
}

static void rule_id(buf *b, const report_opts *o, const rule *r)
{
    buf_puts(b, "  ");
    report_text_colour(b, o, RT_DIM);
    buf_putc(b, '[');
    esc_text(b, r->id);
    buf_putc(b, ']');
    report_text_colour(b, o, RT_RESET);
    buf_putc(b, '\n');
}

/* "4.9.1 Circumstances for revocation, line 396" or "(document)". */
static void one_place(buf *b, const finding *f, int heading)
{
    if (f->section[0]) {
        esc_text(b, f->section);
        if (heading && f->heading) {
            buf_putc(b, ' ');
            esc_text(b, f->heading);
        }
    } else {
        buf_puts(b, "(document)");
    }
    if (f->translation)
        buf_puts(b, " [English version]");
}

/* Sections i and j (i < j in the outline) with no RFC 3647 section between. */
static int contiguous(const outline *ol, int i, int j)
{
    if (i < 0 || j <= i)
        return 0;
    for (int m = i + 1; m < j; m++)
        if (ol->secs[m].spec >= 0 && ol->secs[m].status != SEC_DUPLICATE)
            return 0;
    return 1;
}

/* "4.6.1–4.6.7, 5.2.3" over the places of a range entry. */
static void ranges(buf *b, const report_doc *d, const rt_entry *en)
{
    const finding *f = d->res->f;
    const outline *ol = &d->a->o;
    for (size_t i = 0; i < en->n;) {
        size_t j = i;
        while (j + 1 < en->n && contiguous(ol, outline_find(ol, f[en->k[j]].section),
                                           outline_find(ol, f[en->k[j + 1]].section)))
            j++;
        if (i)
            buf_puts(b, ", ");
        esc_text(b, f[en->k[i]].section);
        if (j > i) {
            buf_puts(b, "\u2013");
            esc_text(b, f[en->k[j]].section);
        }
        i = j + 1;
    }
}

/* How many different sentences the places of en quote. */
static size_t distinct_quotes(const report_doc *d, const rt_entry *en)
{
    const finding *f = d->res->f;
    size_t distinct = 0;
    for (size_t i = 0; i < en->n; i++) {
        size_t j = 0;
        while (j < i && !same_quote(&f[en->k[j]], &f[en->k[i]]))
            j++;
        distinct += j == i && f[en->k[i]].snippet && *f[en->k[i]].snippet;
    }
    return distinct;
}

/* All the places of en in one section. */
static int one_section(const report_doc *d, const rt_entry *en)
{
    const finding *f = d->res->f;
    for (size_t i = 1; i < en->n; i++)
        if (strcmp(f[en->k[i]].section, f[en->k[0]].section) ||
            f[en->k[i]].translation != f[en->k[0]].translation)
            return 0;
    return 1;
}

/* The places of en ("10.1 (line 5), 10.2 (line 9)", or in one section
 * "line 5, line 9"); with quote_of set, only those quoting the sentence
 * of finding quote_of. */
static void places(buf *b, const report_doc *d, const rt_entry *en, const finding *quote_of,
                   int sections)
{
    int any = 0;
    for (size_t i = 0; i < en->n; i++) {
        const finding *p = &d->res->f[en->k[i]];
        if (quote_of && !same_quote(p, quote_of))
            continue;
        if (any++)
            buf_puts(b, ", ");
        if (sections) {
            one_place(b, p, 0);
            if (p->line > 0)
                buf_printf(b, " (line %ld)", p->line);
        } else if (p->line > 0) {
            buf_printf(b, "line %ld", p->line);
        } else {
            one_place(b, p, 0);
        }
    }
}

/* Every place of en quotes the sentence of p. */
static int all_quote(const report_doc *d, const rt_entry *en, const finding *p)
{
    for (size_t i = 0; i < en->n; i++)
        if (!same_quote(&d->res->f[en->k[i]], p))
            return 0;
    return 1;
}

/* The header line: tag, where, [rule]. */
static void entry_head(buf *b, const report_doc *d, const report_opts *o, const rt_entry *en)
{
    const finding *f = &d->res->f[en->k[0]];
    entry_tag(b, o, f);
    report_text_colour(b, o, RT_BOLD);
    if (en->n == 1) {
        one_place(b, f, 1);
        if (f->line > 0)
            buf_printf(b, ", line %ld", f->line);
    } else if (en->what) {
        buf_puts(b, "sections ");
        ranges(b, d, en);
    } else if (one_section(d, en)) {
        /* several sentences: each is given after its lines below */
        one_place(b, f, 1);
        if (distinct_quotes(d, en) > 1) {
            buf_printf(b, ", %zu places", en->n);
        } else {
            buf_puts(b, ", ");
            places(b, d, en, NULL, 0);
        }
    } else {
        buf_printf(b, "%zu places: ", en->n);
        places(b, d, en, 0, 1);
    }
    report_text_colour(b, o, RT_RESET);
    rule_id(b, o, f->rule);
}

static void quote(buf *b, const finding *f, const report_opts *o)
{
    const char *s = f->snippet;
    size_t ms, me, n = report_mark_span(f, &ms, &me);
    buf_putc(b, '"');
    esc_textn(b, s, ms);
    if (me > ms) {
        if (o->color) {
            buf_puts(b, RT_BOLD RT_RED);
            esc_textn(b, s + ms, me - ms);
            buf_puts(b, RT_RESET);
        } else {
            buf_puts(b, ">>");
            esc_textn(b, s + ms, me - ms);
            buf_puts(b, "<<");
        }
    }
    esc_textn(b, s + me, n - me);
    buf_puts(b, "\"\n");
}

/* "[BR 4.9.3 (Ballot SC-006), effective 2018-10-14, until ...]" */
static void cite(buf *b, const rule *r)
{
    buf_puts(b, INDENT "[");
    esc_text(b, r->cite);
    char dt[11];
    if (r->effective != DATE_NONE) {
        date_format(r->effective, dt);
        buf_printf(b, ", effective %s", dt);
    }
    if (r->until != DATE_NONE) {
        date_format(r->until, dt);
        buf_printf(b, ", until %s", dt);
    }
    buf_puts(b, "]\n");
}

/* "8 sections are missing" from "is missing". */
static void range_message(buf *b, size_t n, const char *what)
{
    buf m = BUF_INIT;
    if (!strncmp(what, "is ", 3))
        buf_printf(&m, "%zu sections are %s", n, what + 3);
    else if (!strncmp(what, "appears ", 8))
        buf_printf(&m, "%zu sections appear %s", n, what + 8);
    else
        buf_printf(&m, "%zu sections: %s", n, what);
    indented(b, buf_cstr(&m));
    buf_free(&m);
}

/* Each sentence the places of en quote, once; where there are several,
 * each after the places that quote it. */
static void quotes(buf *b, const report_doc *d, const report_opts *o, const rt_entry *en)
{
    const finding *f = d->res->f;
    size_t distinct = distinct_quotes(d, en);
    for (size_t i = 0; i < en->n; i++) {
        const finding *p = &f[en->k[i]];
        size_t j = 0;
        while (j < i && !same_quote(&f[en->k[j]], p))
            j++;
        if (j < i || !p->snippet || !*p->snippet)
            continue;
        buf_puts(b, INDENT);
        if (distinct > 1 || (en->n > 1 && distinct == 1 && !all_quote(d, en, p))) {
            places(b, d, en, p, !one_section(d, en));
            buf_puts(b, ": ");
        }
        quote(b, p, o);
    }
}

static const check_item *item_of(const check_result *res, const rule *r)
{
    for (size_t i = 0; i < res->nitems; i++)
        if (res->items[i].rule == r)
            return &res->items[i];
    return NULL;
}

/* One entry; noted[item] says the rule's note (why its status: dates,
 * findings set aside) was given with an earlier entry. */
static void entry_text(buf *b, const report_doc *d, const report_opts *o, const rt_entry *en,
                       char *noted)
{
    const finding *f = &d->res->f[en->k[0]];
    const rule *r = f->rule;
    entry_head(b, d, o, en);
    quotes(b, d, o, en);
    if (en->what && en->n > 1)
        range_message(b, en->n, en->what);
    else
        indented(b, f->message);
    /* the rule's why, unless the finding's message already says it */
    if (!strstr(f->message, r->message))
        indented(b, r->message);
    cite(b, r);
    const check_item *it = item_of(d->res, r);
    if (it && it->note && !noted[it - d->res->items]++)
        indented(b, it->note);
    if (d->marks && d->marks[en->k[0]].expired != DATE_NONE) {
        char dt[11];
        date_format(d->marks[en->k[0]].expired, dt);
        buf_printf(b, INDENT "(its baseline entry expired on %s)\n", dt);
    }
}

/* A rule that could not run: the reason, never a silent pass. */
static void error_item(buf *b, const report_opts *o, const check_item *it)
{
    tag(b, o, "error", RT_BOLD RT_RED);
    report_text_colour(b, o, RT_BOLD);
    buf_puts(b, "the rule could not run");
    report_text_colour(b, o, RT_RESET);
    rule_id(b, o, it->rule);
    if (it->note)
        indented(b, it->note);
    cite(b, it->rule);
}

static void title(buf *b, const report_opts *o, const char *t)
{
    report_text_colour(b, o, RT_BOLD);
    buf_printf(b, "%s:", t);
    report_text_colour(b, o, RT_RESET);
    buf_putc(b, '\n');
}

size_t report_text_findings(buf *b, const report_doc *d, const report_opts *o)
{
    const check_result *res = d->res;
    rt_entry *e = NULL;
    size_t ne = build_entries(d, o, &e);
    size_t count[2] = {res->by_status[ST_ERROR], 0};
    for (size_t i = 0; i < ne; i++)
        count[e[i].group]++;
    static const char *const titles[2] = {"Errors and upcoming deadlines",
                                          "Warnings and notices"};
    char *noted = xcalloc(res->nitems ? res->nitems : 1, 1);
    size_t i = 0;
    for (int g = 0; g < 2; g++) {
        if (!count[g])
            continue;
        title(b, o, titles[g]);
        for (size_t j = 0; g == 0 && j < res->nitems; j++)
            if (res->items[j].status == ST_ERROR)
                error_item(b, o, &res->items[j]);
        for (; i < ne && e[i].group == g; i++)
            entry_text(b, d, o, &e[i], noted);
        buf_putc(b, '\n');
    }
    for (i = 0; i < ne; i++)
        free(e[i].k);
    free(e);
    free(noted);
    return count[0] + count[1];
}

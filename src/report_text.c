/* report_text.c — the text checklist (see report.h). Every name and value
 * from a document, a ruleset or the command line is escaped (esc_text):
 * control characters and terminal escapes are shown as \xNN. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "escape.h"
#include "profile.h"
#include "report.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_GREEN "\033[32m"
#define C_DIM "\033[2m"
#define C_CYAN "\033[36m"

static const char *status_colour(check_status s)
{
    switch (s) {
    case ST_FAIL: return C_RED;
    case ST_UPCOMING: return C_YELLOW;
    case ST_ERROR: return C_RED;
    case ST_PASS: return C_GREEN;
    default: return C_DIM;
    }
}

static void put_c(buf *b, const report_opts *o, const char *code)
{
    if (o->color)
        buf_puts(b, code);
}

void report_summary_counts(const report_doc *docs, size_t n, size_t *errors, size_t *warnings,
                           size_t *notices)
{
    *errors = *warnings = *notices = 0;
    for (size_t i = 0; i < n; i++) {
        if (!docs[i].res)
            continue;
        *errors += docs[i].res->errors;
        *warnings += docs[i].res->warnings;
        *notices += docs[i].res->notices;
    }
}

/* "        TEXT\n", TEXT escaped. */
static void indented(buf *b, const char *s)
{
    buf_puts(b, "        ");
    esc_text(b, s);
    buf_putc(b, '\n');
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* The section an item sorts under: its first finding's, else its scope. */
static const char *item_section(const check_result *res, const check_item *it)
{
    for (size_t i = 0; i < res->nf; i++)
        if (res->f[i].rule == it->rule && res->f[i].section[0])
            return res->f[i].section;
    return it->rule->scope && it->rule->nscope ? it->rule->scope[0] : "doc";
}

/* Compare section numbers numerically; "doc" sorts first. */
static int section_cmp(const char *a, const char *b)
{
    int da = !strcmp(a, "doc"), db = !strcmp(b, "doc");
    if (da || db)
        return db - da;
    return outline_number_cmp(a, b);
}

typedef struct sort_ctx_item {
    const check_item *it;
    const char *sec;
    size_t order;
} sort_item;

static int sort_cmp(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    if (a->it->status != b->it->status)
        return (int)a->it->status - (int)b->it->status;
    int c = section_cmp(a->sec, b->sec);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void snippet_text(buf *b, const finding *f, const report_opts *o)
{
    const char *s = f->snippet;
    size_t ms, me, n = report_mark_span(f, &ms, &me);
    buf_puts(b, "        \"");
    esc_textn(b, s, ms);
    if (me > ms) {
        if (o->color) {
            buf_puts(b, C_BOLD C_RED);
            esc_textn(b, s + ms, me - ms);
            buf_puts(b, C_RESET);
        } else {
            buf_puts(b, ">>");
            esc_textn(b, s + ms, me - ms);
            buf_puts(b, "<<");
        }
    }
    esc_textn(b, s + me, n - me);
    buf_puts(b, "\"\n");
}

static void cite_line(buf *b, const rule *r)
{
    buf_puts(b, "        [");
    esc_text(b, r->cite);
    if (r->effective != DATE_NONE) {
        char d[11];
        date_format(r->effective, d);
        buf_printf(b, ", effective %s", d);
    }
    if (r->until != DATE_NONE) {
        char d[11];
        date_format(r->until, d);
        buf_printf(b, ", until %s", d);
    }
    buf_puts(b, "]\n");
}

/* "FILE: 1 error, 0 warnings, 0 notices[, N baselined][, N below
 * --min-level]; R rules: ..." (the status counts in full unless short). */
static void summary_line(buf *b, const report_doc *rd, const report_opts *o, int full)
{
    const check_result *res = rd->res;
    report_counts c;
    report_count(rd, 1, o, &c);
    esc_text(b, report_doc_file(rd));
    buf_printf(b, ": %zu %s, %zu %s, %zu %s", c.errors,
               plural(c.errors, "error", "errors"), c.warnings,
               plural(c.warnings, "warning", "warnings"), c.notices,
               plural(c.notices, "notice", "notices"));
    if (c.baselined)
        buf_printf(b, ", %zu baselined", c.baselined);
    if (c.hidden)
        buf_printf(b, ", %zu below --min-level", c.hidden);
    if (c.suppressed)
        buf_printf(b, ", %zu suppressed", c.suppressed);
    buf_printf(b, "; %zu rules: %zu fail, %zu upcoming, %zu error", res->nitems,
               res->by_status[ST_FAIL], res->by_status[ST_UPCOMING], res->by_status[ST_ERROR]);
    if (full)
        buf_printf(b, ", %zu pass, %zu n/a, %zu not-effective", res->by_status[ST_PASS],
                   res->by_status[ST_NA], res->by_status[ST_NOT_EFFECTIVE]);
    buf_putc(b, '\n');
}

static void doc_text(buf *b, const report_doc *rd, const report_opts *o)
{
    analysis *a = rd->a;
    const check_result *res = rd->res;
    char asof[11], ddate[11];
    date_format(res->as_of, asof);
    date_format(a->meta.date, ddate);
    put_c(b, o, C_BOLD);
    esc_text(b, a->d.file);
    put_c(b, o, C_RESET);
    buf_puts(b, ": version ");
    esc_text(b, a->meta.version ? a->meta.version : "?");
    buf_printf(b, ", dated %s, language ", ddate[0] ? ddate : "?");
    esc_text(b, a->lang[0] ? a->lang : "?");
    buf_printf(b, ", %zu of %zu RFC 3647 sections; as of %s\n", outline_present(&a->o),
               a->o.expected, asof);
    if (rd->translation) {
        buf_puts(b, "  English version: ");
        esc_text(b, rd->translation);
        buf_putc(b, '\n');
    }
    if (res->profile) {
        buf pb = BUF_INIT;
        profile_write_text(&pb, res->profile, 0, o->verbose);
        /* its quotes are the document's: escaped line by line */
        for (const char *l = buf_cstr(&pb); *l;) {
            size_t n = strcspn(l, "\n");
            esc_textn(b, l, n);
            buf_putc(b, '\n');
            l += n + (l[n] == '\n');
        }
        buf_free(&pb);
    }
    buf_putc(b, '\n');

    sort_item *items = xcalloc(res->nitems ? res->nitems : 1, sizeof *items);
    for (size_t i = 0; i < res->nitems; i++) {
        items[i].it = &res->items[i];
        items[i].sec = item_section(res, &res->items[i]);
        items[i].order = i;
    }
    qsort(items, res->nitems, sizeof *items, sort_cmp);
    for (size_t i = 0; i < res->nitems; i++) {
        const check_item *it = items[i].it;
        const rule *r = it->rule;
        char st[16];
        snprintf(st, sizeof st, "%s", check_status_name(it->status));
        for (char *c = st; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c = (char)(*c - 'a' + 'A');
        put_c(b, o, status_colour(it->status));
        buf_printf(b, "%-13s", st);
        put_c(b, o, C_RESET);
        int failing = it->status == ST_FAIL || it->status == ST_UPCOMING || it->status == ST_ERROR;
        buf_printf(b, " %-7s ", failing ? rule_severity_name(it->severity) : "");
        esc_text(b, r->id);
        size_t nbase = 0, nhidden = 0, nsup = 0;
        for (size_t k = 0; k < res->nf; k++)
            if (res->f[k].rule == r) {
                if (!report_shown(rd, k, o))
                    nhidden++;
                else if (report_baselined(rd, k))
                    nbase++;
                else if (report_suppressed(rd, k))
                    nsup++;
            }
        if (failing && it->nfindings) {
            buf_printf(b, " (%zu %s", it->nfindings, plural(it->nfindings, "finding", "findings"));
            if (nbase)
                buf_printf(b, ", %zu baselined", nbase);
            if (nhidden)
                buf_printf(b, ", %zu below --min-level", nhidden);
            if (nsup)
                buf_printf(b, ", %zu suppressed", nsup);
            buf_putc(b, ')');
        }
        buf_putc(b, '\n');
        if (it->note && (failing || o->verbose || it->status == ST_NA))
            indented(b, it->note);
        for (size_t k = 0; o->show_evidence && k < it->nevidence; k++) {
            const check_evidence *v = &it->evidence[k];
            buf ev = BUF_INIT;
            buf_printf(&ev, "evidence: %s", v->section[0] ? v->section : "(front matter)");
            if (v->line > 0)
                buf_printf(&ev, ", line %ld", v->line);
            buf_printf(&ev, ": \"%s\"", v->quote);
            indented(b, buf_cstr(&ev));
            buf_free(&ev);
        }
        if (!failing || (it->nfindings && nbase + nhidden + nsup == it->nfindings))
            continue; /* nothing new to show: no message, no citation */
        /* The rule once, then each finding: where, the quote, what. */
        indented(b, r->message);
        cite_line(b, r);
        for (size_t k = 0; k < res->nf; k++) {
            const finding *f = &res->f[k];
            if (f->rule != r || !report_shown(rd, k, o) || report_baselined(rd, k) ||
                report_suppressed(rd, k))
                continue;
            buf_puts(b, "      - ");
            put_c(b, o, C_CYAN);
            if (f->section[0]) {
                esc_text(b, f->section);
                if (f->heading) {
                    buf_putc(b, ' ');
                    esc_text(b, f->heading);
                }
            } else {
                buf_puts(b, "(document)");
            }
            put_c(b, o, C_RESET);
            if (f->translation)
                buf_puts(b, " [English version]");
            if (f->line > 0)
                buf_printf(b, ", line %ld", f->line);
            buf_putc(b, '\n');
            if (f->snippet && *f->snippet)
                snippet_text(b, f, o);
            if (strcmp(f->message, r->message))
                indented(b, f->message);
            if (rd->marks && rd->marks[k].expired != DATE_NONE) {
                char d[11];
                date_format(rd->marks[k].expired, d);
                buf_printf(b, "        (its baseline entry expired on %s)\n", d);
            }
        }
    }
    free(items);
    report_suppressed_text(b, rd, o);
    buf_putc(b, '\n');
    summary_line(b, rd, o, 1);
}

static void notes_text(buf *out, const report_opts *o)
{
    for (size_t i = 0; o && i < o->nnotes; i++) {
        const report_note *nt = &o->notes[i];
        if (nt->file) {
            esc_text(out, nt->file);
            if (nt->line > 0)
                buf_printf(out, ":%ld", nt->line);
            buf_puts(out, ": ");
        }
        esc_text(out, nt->message);
        buf_putc(out, '\n');
    }
}

static void total_line(buf *out, const report_run *r)
{
    const report_counts *c = &r->totals;
    size_t n = r->ndocs;
    buf_printf(out, "total: %zu %s", n, plural(n, "document", "documents"));
    if (c->unreadable)
        buf_printf(out, " (%zu could not be checked)", c->unreadable);
    buf_printf(out, ": %zu %s, %zu %s, %zu %s", c->errors, plural(c->errors, "error", "errors"),
               c->warnings, plural(c->warnings, "warning", "warnings"), c->notices,
               plural(c->notices, "notice", "notices"));
    if (c->baselined)
        buf_printf(out, ", %zu baselined", c->baselined);
    if (c->hidden)
        buf_printf(out, ", %zu below --min-level", c->hidden);
    if (c->suppressed)
        buf_printf(out, ", %zu suppressed", c->suppressed);
    buf_putc(out, '\n');
}

static void text_document(report_run *r, const report_doc *d)
{
    buf *out = &r->out;
    const report_opts *o = r->o;
    size_t i = r->ndocs;
    if (d->error) {
        if (i && !o->quiet)
            buf_puts(out, "\n");
        esc_text(out, report_doc_file(d));
        buf_puts(out, ": error: ");
        esc_text(out, d->error);
        buf_putc(out, '\n');
        return;
    }
    if (o->quiet) {
        summary_line(out, d, o, 0);
        return;
    }
    if (i)
        buf_puts(out, "\n");
    doc_text(out, d, o);
}

static void text_end(report_run *r)
{
    const report_opts *o = r->o;
    if (r->ndocs > 1) {
        if (!o->quiet)
            buf_putc(&r->out, '\n');
        total_line(&r->out, r);
    }
    if (o->nnotes && !o->quiet)
        buf_putc(&r->out, '\n');
    notes_text(&r->out, o);
}

const report_writer report_writer_text = {
    .name = "text",
    .description = "the checklist, for people (default)",
    .terminal = 1,
    .document = text_document,
    .end = text_end,
};

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
#include "report_text_find.h"

static const char *status_colour(check_status s)
{
    switch (s) {
    case ST_FAIL: return RT_RED;
    case ST_UPCOMING: return RT_YELLOW;
    case ST_ERROR: return RT_RED;
    case ST_PASS: return RT_GREEN;
    default: return RT_DIM;
    }
}

#define put_c report_text_colour

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
    buf_printf(b, "; %zu %s: %zu fail, %zu upcoming, %zu error", res->nitems,
               plural(res->nitems, "rule", "rules"),
               res->by_status[ST_FAIL], res->by_status[ST_UPCOMING], res->by_status[ST_ERROR]);
    if (full)
        buf_printf(b, ", %zu pass, %zu n/a, %zu not-effective", res->by_status[ST_PASS],
                   res->by_status[ST_NA], res->by_status[ST_NOT_EFFECTIVE]);
    buf_putc(b, '\n');
}

/* "FILE: version ..., as of ..." and the profile. */
static void doc_head(buf *b, const report_doc *rd, const report_opts *o)
{
    analysis *a = rd->a;
    const check_result *res = rd->res;
    char asof[11], ddate[11];
    date_format(res->as_of, asof);
    date_format(a->meta.date, ddate);
    put_c(b, o, RT_BOLD);
    esc_text(b, a->d.file);
    put_c(b, o, RT_RESET);
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
}

/* A manual check to do: a manual rule that applies (its note is its
 * message; a manual rule outside the profile is n/a with the reason). */
static int manual_check(const check_item *it)
{
    return it->rule->kind == KIND_MANUAL && it->status == ST_NA && it->note &&
           !strcmp(it->note, it->rule->message);
}

/* Its findings shown above: a failing rule with a finding that is shown,
 * not baselined and not suppressed (else its row is in the --show-all
 * list). */
static int shown_above(const report_doc *rd, const report_opts *o, const check_item *it)
{
    if (it->status == ST_ERROR)
        return 1;
    if (it->status != ST_FAIL && it->status != ST_UPCOMING)
        return 0;
    for (size_t k = 0; k < rd->res->nf; k++)
        if (rd->res->f[k].rule == it->rule && report_open(rd, k, o))
            return 1;
    return 0;
}

static void manual_list(buf *b, const report_doc *rd, const report_opts *o)
{
    const check_result *res = rd->res;
    size_t n = 0;
    for (size_t i = 0; i < res->nitems; i++)
        n += manual_check(&res->items[i]);
    if (!n)
        return;
    put_c(b, o, RT_BOLD);
    buf_puts(b, "Manual checks:");
    put_c(b, o, RT_RESET);
    buf_putc(b, '\n');
    for (size_t i = 0; i < res->nitems; i++) {
        const check_item *it = &res->items[i];
        if (!manual_check(it))
            continue;
        buf_puts(b, "  - ");
        esc_text(b, it->note);
        buf_puts(b, "  ");
        put_c(b, o, RT_DIM);
        buf_putc(b, '[');
        esc_text(b, it->rule->id);
        buf_putc(b, ']');
        put_c(b, o, RT_RESET);
        buf_putc(b, '\n');
    }
    buf_putc(b, '\n');
}

/* One checklist row: status, severity, id, counts; its note and evidence. */
static void rule_row(buf *b, const report_doc *rd, const report_opts *o, const check_item *it)
{
    const check_result *res = rd->res;
    char st[16];
    snprintf(st, sizeof st, "%s", check_status_name(it->status));
    for (char *c = st; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    put_c(b, o, status_colour(it->status));
    buf_printf(b, "%-13s", st);
    put_c(b, o, RT_RESET);
    int failing = it->status == ST_FAIL || it->status == ST_UPCOMING;
    buf_printf(b, " %-7s ", failing ? rule_severity_name(it->severity) : "");
    esc_text(b, it->rule->id);
    size_t nbase = 0, nhidden = 0, nsup = 0;
    for (size_t k = 0; k < res->nf; k++)
        if (res->f[k].rule == it->rule) {
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
}

/* The rules not listed above, by status then section: every one with
 * --show-all (or -v), only the passing rules that have evidence with
 * --show-evidence alone. Returns 1 when it listed every one. */
static int other_rules(buf *b, const report_doc *rd, const report_opts *o)
{
    const check_result *res = rd->res;
    int all = o->show_all || o->verbose;
    if (!all && !o->show_evidence)
        return 0;
    sort_item *items = xcalloc(res->nitems ? res->nitems : 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < res->nitems; i++) {
        const check_item *it = &res->items[i];
        if (shown_above(rd, o, it) || manual_check(it))
            continue;
        if (!all && !(it->status == ST_PASS && it->nevidence))
            continue;
        items[n].it = it;
        items[n].sec = item_section(res, it);
        items[n].order = i;
        n++;
    }
    qsort(items, n, sizeof *items, sort_cmp);
    if (n) {
        put_c(b, o, RT_BOLD);
        buf_puts(b, all ? "Other rules:" : "Passed, with the evidence:");
        put_c(b, o, RT_RESET);
        buf_putc(b, '\n');
    }
    for (size_t i = 0; i < n; i++)
        rule_row(b, rd, o, items[i].it);
    if (n)
        buf_putc(b, '\n');
    free(items);
    return all;
}

/* "70 rules passed, 8 not applicable, 10 not yet effective; --show-all
 * lists them" (the rules the report did not list). */
static void count_line(buf *b, const report_doc *rd, const report_opts *o)
{
    const check_result *res = rd->res;
    size_t pass = 0, na = 0, ne = 0, quiet = 0;
    for (size_t i = 0; i < res->nitems; i++) {
        const check_item *it = &res->items[i];
        if (shown_above(rd, o, it) || manual_check(it))
            continue;
        switch (it->status) {
        case ST_PASS: pass++; break;
        case ST_NA: na++; break;
        case ST_NOT_EFFECTIVE: ne++; break;
        default: quiet++; break;
        }
    }
    if (!pass && !na && !ne && !quiet)
        return;
    /* the rule counts that are not 0, "rule(s)" on the first */
    const size_t n[4] = {pass, na, ne, quiet};
    static const char *const what[4] = {
        "passed", "not applicable", "not yet effective",
        "failing with every finding baselined, suppressed or below --min-level"};
    int first = 1;
    for (int k = 0; k < 4; k++) {
        if (!n[k])
            continue;
        buf_printf(b, "%s%zu%s %s", first ? "" : ", ", n[k],
                   first ? plural(n[k], " rule", " rules") : "", what[k]);
        first = 0;
    }
    buf_puts(b, "; --show-all lists them\n");
}

/* "Suppressed in the document (N, cpslint-disable):" and a line per shown,
 * unbaselined, suppressed finding of d (rule, section, line, the
 * directive's line and reason); nothing when there is none. */
static void suppressed_list(buf *b, const report_doc *d, const report_opts *o)
{
    size_t n = 0;
    for (size_t i = 0; d->res && i < d->res->nf; i++)
        n += report_shown(d, i, o) && !report_baselined(d, i) && report_suppressed(d, i);
    if (!n)
        return;
    buf_printf(b, "Suppressed in the document (%zu, cpslint-disable):\n", n);
    for (size_t i = 0; i < d->res->nf; i++) {
        const finding *f = &d->res->f[i];
        if (!report_shown(d, i, o) || report_baselined(d, i) || !report_suppressed(d, i))
            continue;
        buf_puts(b, "  - ");
        esc_text(b, f->rule->id);
        buf_putc(b, ' ');
        esc_text(b, f->section[0] ? f->section : "(document)");
        if (f->line > 0)
            buf_printf(b, ", line %ld", f->line);
        buf_printf(b, ": directive at line %ld: ", f->suppressed_line);
        esc_text(b, f->suppressed);
        buf_putc(b, '\n');
    }
    buf_putc(b, '\n');
}

static void doc_text(buf *b, const report_doc *rd, const report_opts *o)
{
    doc_head(b, rd, o);
    report_text_findings(b, rd, o);
    suppressed_list(b, rd, o);
    manual_list(b, rd, o);
    if (!other_rules(b, rd, o))
        count_line(b, rd, o);
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

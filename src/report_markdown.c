/* report_markdown.c — the checklist as GitHub-flavoured Markdown, to paste
 * into a bug or a pull request comment.
 *
 * Per document: a heading, one line of facts and counts, a table with one
 * row per shown, unbaselined finding of the failing, upcoming and error
 * rules (status, severity, rule, section, line, message with the sentence
 * quoted and the match in bold, citation), then the other rules in a
 * collapsed <details> table. Every name and value is escaped (esc_md in
 * escape.h): '|' (which would split the cell) and the characters Markdown
 * or HTML would interpret get a backslash, line breaks become spaces,
 * other control characters \\xNN.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "report.h"

static void md_put(buf *b, const char *s, size_t n) { esc_mdn(b, s, n); }
static void md(buf *b, const char *s) { esc_md(b, s); }

static void status_upper(buf *b, check_status st)
{
    for (const char *p = check_status_name(st); *p; p++)
        buf_putc(b, (*p >= 'a' && *p <= 'z') ? (char)(*p - 'a' + 'A') : *p);
}

static void finding_row(buf *b, const report_doc *d, size_t i)
{
    const finding *f = &d->res->f[i];
    buf_puts(b, "| ");
    status_upper(b, f->status);
    buf_printf(b, " | %s | ", rule_severity_name(f->severity));
    md(b, f->rule->id);
    buf_puts(b, " | ");
    if (f->section[0]) {
        md(b, f->section);
        if (f->heading) {
            buf_putc(b, ' ');
            md(b, f->heading);
        }
    } else {
        buf_puts(b, "(document)");
    }
    buf_printf(b, " | %ld | ", report_finding_line(d, f));
    md(b, f->message);
    if (f->snippet && *f->snippet) {
        const char *s = f->snippet;
        size_t ms, me, n = report_mark_span(f, &ms, &me);
        buf_puts(b, "<br>\xE2\x80\x9C");
        md_put(b, s, ms);
        if (me > ms) {
            buf_puts(b, "**");
            md_put(b, s + ms, me - ms);
            buf_puts(b, "**");
        }
        md_put(b, s + me, n - me);
        buf_puts(b, "\xE2\x80\x9D");
    }
    buf_puts(b, "<br>*");
    md(b, f->rule->cite);
    buf_puts(b, "*");
    if (d->marks && d->marks[i].expired != DATE_NONE) {
        char ds[11];
        date_format(d->marks[i].expired, ds);
        buf_printf(b, "<br>its baseline entry expired on %s", ds);
    }
    buf_puts(b, " |\n");
}

/* The document profile (profile.h) as a paragraph and a list, escaped. */
static void profile_md(buf *b, const doc_profile *p, int all)
{
    buf t = BUF_INIT;
    profile_write_text(&t, p, 1, all);
    const char *s = buf_cstr(&t);
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n >= 2 && s[0] == '-' && s[1] == ' ') {
            buf_puts(b, "- ");
            md_put(b, s + 2, n - 2);
        } else if (!strncmp(s, "profile: ", 9)) {
            buf_puts(b, "**Profile:** ");
            md_put(b, s + 9, n - 9);
        } else {
            md_put(b, s, n);
        }
        buf_putc(b, '\n');
        s += n + (e ? 1 : 0);
    }
    buf_free(&t);
}

static void doc_md(buf *b, const report_doc *d, const report_opts *o)
{
    buf_puts(b, "### cpslint: ");
    md(b, report_doc_file(d));
    buf_puts(b, "\n\n");
    if (!d->res) {
        buf_puts(b, "**Could not be checked:** ");
        md(b, d->error);
        buf_puts(b, "\n");
        return;
    }
    analysis *a = d->a;
    const check_result *res = d->res;
    char asof[11], ddate[11];
    date_format(res->as_of, asof);
    date_format(a->meta.date, ddate);
    report_counts c;
    report_count(d, 1, o, &c);
    buf_puts(b, "Version ");
    md(b, a->meta.version ? a->meta.version : "?");
    buf_printf(b, ", dated %s, language %s, %zu of %zu RFC 3647 sections; as of %s.  \n",
               ddate[0] ? ddate : "?", a->lang[0] ? a->lang : "?", outline_present(&a->o), a->o.expected,
               asof);
    buf_printf(b, "**%zu %s, %zu %s, %zu %s**", c.errors, c.errors == 1 ? "error" : "errors",
               c.warnings, c.warnings == 1 ? "warning" : "warnings", c.notices,
               c.notices == 1 ? "notice" : "notices");
    if (c.baselined)
        buf_printf(b, " (%zu baselined)", c.baselined);
    if (c.hidden)
        buf_printf(b, " (%zu below --min-level)", c.hidden);
    if (c.suppressed)
        buf_printf(b, " (%zu suppressed in the document)", c.suppressed);
    buf_printf(b, "; %zu rules: %zu fail, %zu upcoming, %zu error, %zu pass, %zu n/a, "
                  "%zu not-effective.\n\n",
               res->nitems, res->by_status[ST_FAIL], res->by_status[ST_UPCOMING],
               res->by_status[ST_ERROR], res->by_status[ST_PASS], res->by_status[ST_NA],
               res->by_status[ST_NOT_EFFECTIVE]);
    if (res->profile)
        profile_md(b, res->profile, o->verbose);

    size_t rows = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && rows)
            buf_puts(b, "| Status | Severity | Rule | Section | Line | Finding |\n"
                        "| --- | --- | --- | --- | ---: | --- |\n");
        for (size_t k = 0; k < res->nitems; k++) {
            const check_item *it = &res->items[k];
            if (it->status != ST_FAIL && it->status != ST_UPCOMING && it->status != ST_ERROR)
                continue;
            size_t shown = 0, quiet = 0;
            for (size_t i = 0; i < res->nf; i++) {
                if (res->f[i].rule != it->rule)
                    continue;
                if (!report_open(d, i, o)) {
                    quiet++;
                    continue;
                }
                shown++;
                if (pass == 1)
                    finding_row(b, d, i);
                else
                    rows++;
            }
            if (shown == 0) {
                if (pass == 0) {
                    rows++;
                    continue;
                }
                buf_puts(b, "| ");
                status_upper(b, it->status);
                buf_printf(b, " | %s | ", rule_severity_name(it->severity));
                md(b, it->rule->id);
                buf_puts(b, " |  |  | ");
                if (it->status == ST_ERROR) {
                    buf_puts(b, "could not run: ");
                    md(b, it->note);
                } else {
                    buf_printf(b, "%zu %s baselined, suppressed or below --min-level", quiet,
                               quiet == 1 ? "finding" : "findings");
                }
                buf_puts(b, " |\n");
            }
        }
    }
    if (!rows)
        buf_puts(b, "No nonconformity found.\n");

    size_t others = res->by_status[ST_PASS] + res->by_status[ST_NA] +
                    res->by_status[ST_NOT_EFFECTIVE];
    if (others) {
        buf_printf(b, "\n<details><summary>%zu other rules: %zu pass, %zu n/a, %zu not-effective"
                      "</summary>\n\n| Status | Rule | Note |\n| --- | --- | --- |\n",
                   others, res->by_status[ST_PASS], res->by_status[ST_NA],
                   res->by_status[ST_NOT_EFFECTIVE]);
        static const check_status order[] = {ST_PASS, ST_NA, ST_NOT_EFFECTIVE};
        for (size_t s = 0; s < 3; s++)
            for (size_t k = 0; k < res->nitems; k++) {
                const check_item *it = &res->items[k];
                if (it->status != order[s])
                    continue;
                buf_puts(b, "| ");
                status_upper(b, it->status);
                buf_puts(b, " | ");
                md(b, it->rule->id);
                buf_puts(b, " | ");
                md(b, it->note);
                buf_puts(b, " |\n");
            }
        buf_puts(b, "\n</details>\n");
    }
}

static void markdown_document(report_run *r, const report_doc *d)
{
    if (r->ndocs)
        buf_puts(&r->out, "\n");
    doc_md(&r->out, d, r->o);
}

static void markdown_end(report_run *r)
{
    const report_opts *o = r->o;
    buf *out = &r->out;
    if (o->nnotes) {
        buf_puts(out, "\n#### Baseline\n\n");
        for (size_t i = 0; i < o->nnotes; i++) {
            buf_puts(out, "- ");
            if (o->notes[i].file) {
                md(out, o->notes[i].file);
                if (o->notes[i].line > 0)
                    buf_printf(out, ":%ld", o->notes[i].line);
                buf_puts(out, ": ");
            }
            md(out, o->notes[i].message);
            buf_puts(out, "\n");
        }
    }
}

const report_writer report_writer_markdown = {
    .name = "markdown",
    .alias = "md",
    .description = "a table to paste into a pull request",
    .document = markdown_document,
    .end = markdown_end,
};

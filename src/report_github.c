/* report_github.c — GitHub Actions workflow commands: one annotation per
 * shown, unbaselined, unsuppressed finding on the document's line
 *
 *   ::error file=cps/cps.html,line=456,title=cpslint br.3.2.2.4.5.retired::3.2.3.3 ...
 *
 * (error, warning or notice by severity), an ::error for each input that
 * could not be checked and each rule that could not run, a ::warning for
 * each stale or expired baseline entry, and a plain summary line.
 * Escaping is the Actions toolkit's: in the message % CR LF become %25
 * %0D %0A; in properties also ':' and ',' become %3A and %2C.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "report.h"

static void esc(buf *b, const char *s, int property) { esc_gh(b, s, property); }

static const char *gh_level(int sev)
{
    switch (sev) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    default: return "notice";
    }
}

static void command(buf *b, const char *level, const char *file, long line, const char *title,
                    const char *message)
{
    buf_printf(b, "::%s ", level);
    int any = 0;
    if (file) {
        while (file[0] == '.' && file[1] == '/')
            file += 2;
        buf_puts(b, "file=");
        esc(b, file, 1);
        any = 1;
    }
    if (line > 0) {
        buf_printf(b, "%sline=%ld", any ? "," : "", line);
        any = 1;
    }
    if (title) {
        buf_puts(b, any ? ",title=" : "title=");
        esc(b, title, 1);
    }
    buf_puts(b, "::");
    esc(b, message, 0);
    buf_putc(b, '\n');
}

static void github_document(report_run *r, const report_doc *d)
{
    const report_opts *o = r->o;
    buf *out = &r->out;
    buf t = BUF_INIT, m = BUF_INIT;
    const char *file = report_doc_file(d);
    if (!d->res) {
        command(out, "error", file, 0, "cpslint: cannot check this document", d->error);
        return;
    }
    for (size_t k = 0; k < d->res->nitems; k++) {
        const check_item *it = &d->res->items[k];
        if (it->status != ST_ERROR)
            continue;
        buf_truncate(&t, 0);
        buf_printf(&t, "cpslint %s", it->rule->id);
        buf_truncate(&m, 0);
        buf_printf(&m, "rule %s could not run: %s", it->rule->id, it->note ? it->note : "");
        command(out, "error", file, 0, buf_cstr(&t), buf_cstr(&m));
    }
    for (size_t i = 0; i < d->res->nf; i++) {
        if (!report_open(d, i, o))
            continue;
        const finding *f = &d->res->f[i];
        buf_truncate(&t, 0);
        buf_printf(&t, "cpslint %s", f->rule->id);
        buf_truncate(&m, 0);
        if (f->section[0])
            buf_printf(&m, "%s%s%s: ", f->section, f->heading ? " " : "",
                       f->heading ? f->heading : "");
        buf_puts(&m, f->message);
        if (f->snippet && *f->snippet)
            buf_printf(&m, "\n\xE2\x80\x9C%s\xE2\x80\x9D", f->snippet);
        buf_printf(&m, "\n[%s]", f->rule->cite);
        if (d->marks && d->marks[i].expired != DATE_NONE) {
            char ds[11];
            date_format(d->marks[i].expired, ds);
            buf_printf(&m, "\nits baseline entry expired on %s", ds);
        }
        command(out, gh_level((int)f->severity), file, report_finding_line(d, f),
                buf_cstr(&t), buf_cstr(&m));
    }
    buf_free(&t);
    buf_free(&m);
}

static void github_end(report_run *r)
{
    const report_opts *o = r->o;
    buf *out = &r->out;
    for (size_t i = 0; i < o->nnotes; i++)
        command(out, "warning", o->notes[i].file, o->notes[i].line, "cpslint baseline",
                o->notes[i].message);
    const report_counts *c = &r->totals;
    size_t n = r->ndocs;
    buf_printf(out, "cpslint: %zu %s: %zu %s, %zu %s, %zu %s", n, n == 1 ? "document" : "documents",
               c->errors, c->errors == 1 ? "error" : "errors", c->warnings,
               c->warnings == 1 ? "warning" : "warnings", c->notices,
               c->notices == 1 ? "notice" : "notices");
    if (c->baselined)
        buf_printf(out, ", %zu baselined", c->baselined);
    if (c->suppressed)
        buf_printf(out, ", %zu suppressed", c->suppressed);
    if (c->unreadable)
        buf_printf(out, ", %zu could not be checked", c->unreadable);
    buf_putc(out, '\n');
}

const report_writer report_writer_github = {
    .name = "github",
    .description = "GitHub Actions workflow commands (annotations)",
    .document = github_document,
    .end = github_end,
};

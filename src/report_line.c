/* report_line.c — one line per finding, as compilers print them, for
 * editors and grep:
 *
 *   FILE:LINE:COL: SEVERITY: MESSAGE [RULE]
 *
 * COL is 1 (cpslint locates findings by line). One line per shown,
 * unbaselined, unsuppressed finding (severity error, warning or note); an input that
 * could not be checked and a rule that could not run are "error" lines on
 * line 1; stale or expired baseline entries are "warning" lines. Names and
 * messages are escaped for a terminal (esc_text). Nothing else is printed.
 */
#include <stdio.h>

#include "escape.h"
#include "report.h"

static void line(buf *b, const char *file, long ln, const char *sev, const char *msg,
                 const char *rule_id)
{
    esc_text(b, file ? file : "-");
    buf_printf(b, ":%ld:1: %s: ", ln > 0 ? ln : 1, sev);
    esc_text(b, msg);
    if (rule_id) {
        buf_puts(b, " [");
        esc_text(b, rule_id);
        buf_putc(b, ']');
    }
    buf_putc(b, '\n');
}

static const char *level(int sev)
{
    return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "note";
}

typedef struct line_ctx {
    buf *out;
    const char *file;
} line_ctx;

static void rule_error(void *ctx, const rule *r, const char *message)
{
    line_ctx *c = ctx;
    line(c->out, c->file, 1, "error", message, r->id);
}

static void line_document(report_run *r, const report_doc *d)
{
    const char *file = report_doc_file(d);
    if (!d->res) {
        line(&r->out, file, 1, "error", d->error, NULL);
        return;
    }
    line_ctx c = {&r->out, file};
    report_each_rule_error(d, rule_error, &c);
    for (size_t i = 0; i < d->res->nf; i++) {
        if (!report_open(d, i, r->o))
            continue;
        const finding *f = &d->res->f[i];
        line(&r->out, file, report_finding_line(d, f), level((int)f->severity), f->message,
             f->rule->id);
    }
}

static void line_end(report_run *r)
{
    for (size_t i = 0; i < r->o->nnotes; i++)
        line(&r->out, r->o->notes[i].file, r->o->notes[i].line, "warning",
             r->o->notes[i].message, "baseline");
}

const report_writer report_writer_line = {
    .name = "line",
    .description = "FILE:LINE:COL: severity: message [rule], as compilers print",
    .document = line_document,
    .end = line_end,
};

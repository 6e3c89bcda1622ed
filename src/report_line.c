/* report_line.c — one line per finding, as compilers print them, for
 * editors and grep:
 *
 *   FILE:LINE:COL: SEVERITY: MESSAGE [RULE]
 *
 * COL is 1 (cpslint locates findings by line). One line per shown,
 * unbaselined finding (severity error, warning or note); an input that
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

static void line_document(report_run *r, const report_doc *d)
{
    const char *file = report_doc_file(d);
    if (!d->res) {
        line(&r->out, file, 1, "error", d->error, NULL);
        return;
    }
    buf m = BUF_INIT;
    for (size_t k = 0; k < d->res->nitems; k++) {
        const check_item *it = &d->res->items[k];
        if (it->status != ST_ERROR)
            continue;
        buf_truncate(&m, 0);
        buf_printf(&m, "rule could not run: %s", it->note ? it->note : "");
        line(&r->out, file, 1, "error", buf_cstr(&m), it->rule->id);
    }
    for (size_t i = 0; i < d->res->nf; i++) {
        if (!report_shown(d, i, r->o) || report_baselined(d, i))
            continue;
        const finding *f = &d->res->f[i];
        line(&r->out, file, report_finding_line(d, f), level((int)f->severity), f->message,
             f->rule->id);
    }
    buf_free(&m);
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

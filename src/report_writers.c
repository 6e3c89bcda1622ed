/* report_writers.c — the table of report writers and the run that drives
 * one (see report.h). Adding a format is one row here plus its file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The formats, in the order --help lists them: one X(NAME) each, whose
 * writer report_writer_NAME is defined (designated initializers) in
 * report_NAME.c. */
#define REPORT_FORMATS(X) X(text) X(json) X(sarif) X(junit) X(markdown) X(github) X(line) X(gitlab) X(jsonl) X(html)

#define DECLARE(name) extern const report_writer report_writer_##name;
#define ROW(name) &report_writer_##name,
REPORT_FORMATS(DECLARE)
const report_writer *const report_writers[] = {REPORT_FORMATS(ROW) NULL};

const report_writer *report_writer_find(const char *name)
{
    for (size_t i = 0; report_writers[i]; i++) {
        const report_writer *w = report_writers[i];
        if (!strcmp(name, w->name) || (w->alias && !strcmp(name, w->alias)))
            return w;
    }
    return NULL;
}

void report_writer_names(buf *b)
{
    size_t n = 0;
    while (report_writers[n])
        n++;
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", report_writers[i]->name);
}

void report_begin(report_run *r, const report_writer *w, const report_opts *o,
                  void (*sink)(void *ctx, const char *p, size_t n), void *ctx)
{
    memset(r, 0, sizeof *r);
    r->w = w;
    r->o = o;
    r->sink = sink;
    r->ctx = ctx;
    r->as_of = DATE_NONE;
    if (w->begin)
        w->begin(r);
    report_flush(r);
}

void report_document(report_run *r, const report_doc *d)
{
    r->w->document(r, d);
    report_counts c;
    report_count(d, 1, r->o, &c);
    r->totals.errors += c.errors;
    r->totals.warnings += c.warnings;
    r->totals.notices += c.notices;
    r->totals.baselined += c.baselined;
    r->totals.suppressed += c.suppressed;
    r->totals.hidden += c.hidden;
    r->totals.failing += c.failing;
    r->totals.unreadable += c.unreadable;
    r->ndocs++;
    report_flush(r);
}

void report_end(report_run *r, cps_date as_of)
{
    r->as_of = as_of;
    if (r->w->end)
        r->w->end(r);
    report_flush(r);
    if (r->sink)
        buf_free(&r->out);
}

void report_write(buf *out, const report_writer *w, const report_doc *docs, size_t n,
                  cps_date as_of, const report_opts *o)
{
    report_run r;
    report_begin(&r, w, o, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        report_document(&r, &docs[i]);
    report_end(&r, as_of);
    buf_put(out, r.out.ptr, r.out.len);
    buf_free(&r.out);
}

void report_text(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                 const report_opts *o)
{
    report_write(out, &report_writer_text, docs, n, as_of, o);
}

void report_json(buf *out, const report_doc *docs, size_t n, cps_date as_of)
{
    report_opts o;
    memset(&o, 0, sizeof o);
    report_write(out, &report_writer_json, docs, n, as_of, &o);
}

void report_json_opts(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                      const report_opts *o)
{
    report_write(out, &report_writer_json, docs, n, as_of, o);
}

void report_sarif(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                  const report_opts *o)
{
    report_write(out, &report_writer_sarif, docs, n, as_of, o);
}

void report_junit(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                  const report_opts *o)
{
    report_write(out, &report_writer_junit, docs, n, as_of, o);
}

void report_markdown(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                     const report_opts *o)
{
    report_write(out, &report_writer_markdown, docs, n, as_of, o);
}

void report_github(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                   const report_opts *o)
{
    report_write(out, &report_writer_github, docs, n, as_of, o);
}

/* report_writers.c — the table of report writers and the run that drives
 * one (see report.h). Adding a format is one row here plus its file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The formats, in the order --help lists them: one X(NAME) each, whose
 * writer report_writer_NAME is defined (designated initializers) in
 * report_NAME.c. */
#define REPORT_FORMATS(X) X(text) X(json) X(sarif) X(junit) X(markdown) X(github) X(line)

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

void report_flush(report_run *r)
{
    if (!r->sink || r->out.len == 0)
        return;
    r->sink(r->ctx, r->out.ptr, r->out.len);
    buf_truncate(&r->out, 0);
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

#define SPOOL_MEM (1024 * 1024)

/* The first n bytes of s's temporary file back into memory, the file
 * closed (a temporary file that fails is not the end of the report). */
static void spool_back(report_spool *s, long n)
{
    buf back = BUF_INIT;
    char chunk[65536];
    rewind(s->f);
    while (n > 0) {
        size_t k = fread(chunk, 1, (size_t)n < sizeof chunk ? (size_t)n : sizeof chunk, s->f);
        if (k == 0)
            break;
        buf_put(&back, chunk, k);
        n -= (long)k;
    }
    fclose(s->f);
    s->f = NULL;
    s->failed = 1;
    buf_free(&s->mem);
    s->mem = back;
}

void report_spool_put(report_spool *s, buf *b)
{
    if (!s->f && !s->failed && s->mem.len + b->len > SPOOL_MEM) {
        s->f = tmpfile();
        if (s->f && fwrite(s->mem.ptr, 1, s->mem.len, s->f) == s->mem.len) {
            buf_free(&s->mem);
        } else { /* no temporary file: memory keeps everything */
            if (s->f)
                fclose(s->f);
            s->f = NULL;
            s->failed = 1;
        }
    }
    if (s->f) {
        long before = ftell(s->f);
        if (fwrite(b->ptr, 1, b->len, s->f) != b->len)
            spool_back(s, before);
    }
    if (!s->f)
        buf_put(&s->mem, b->ptr, b->len);
    buf_truncate(b, 0);
}

void report_spool_copy(report_run *r, report_spool *s)
{
    if (s->f) {
        report_flush(r);
        rewind(s->f);
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, s->f)) > 0) {
            buf_put(&r->out, chunk, k);
            report_flush(r);
        }
        fclose(s->f);
        s->f = NULL;
    }
    if (s->mem.len)
        buf_put(&r->out, s->mem.ptr, s->mem.len);
    buf_free(&s->mem);
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

/* report_jsonl.c — JSON Lines: one compact JSON object per line, each
 * with a "type", written as each document is checked (docs/json.md,
 * docs/schema/jsonl.schema.json):
 *
 *   {"type": "finding", "file", "finding": {...}}   each shown finding, as
 *       in the JSON report's "findings" (baselined and suppressed ones too,
 *       with their "baseline" / "suppression"), in the document's order;
 *   {"type": "document", "file", ..., "summary": {...}}   after its
 *       findings; an input that could not be checked is
 *       {"type": "document", "file", "error"};
 *   {"type": "note", "file", "line", "message"}   stale or expired
 *       baseline entries, at the end;
 *   {"type": "summary", "tool", "as_of", "documents", "errors", ...}   the
 *       last line.
 *
 * A consumer reads line by line and dispatches on "type"; a line is never
 * split and nothing else is printed.
 */
#include "json.h"
#include "report.h"

static void counts(json_w *w, const report_counts *c)
{
    json_kv_int(w, "errors", (long long)c->errors);
    json_kv_int(w, "warnings", (long long)c->warnings);
    json_kv_int(w, "notices", (long long)c->notices);
    if (c->baselined)
        json_kv_int(w, "baselined", (long long)c->baselined);
    if (c->suppressed)
        json_kv_int(w, "suppressed", (long long)c->suppressed);
    if (c->hidden)
        json_kv_int(w, "below_min_level", (long long)c->hidden);
}

static void document_line(buf *out, const report_doc *d, const report_opts *o)
{
    json_w w;
    json_init(&w, out, 0);
    json_obj_begin(&w);
    json_kv_str(&w, "type", "document");
    json_kv_str(&w, "file", report_doc_file(d));
    if (!d->res) {
        json_kv_str(&w, "error", d->error);
        json_obj_end(&w);
        buf_putc(out, '\n');
        return;
    }
    const analysis *a = d->a;
    const check_result *res = d->res;
    json_kv_str(&w, "format", a->d.format[0] ? a->d.format : NULL);
    json_kv_str(&w, "language", a->lang[0] ? a->lang : NULL);
    json_kv_str(&w, "version", a->meta.version);
    report_json_date(&w, "date", a->meta.date);
    report_json_date(&w, "as_of", res->as_of);
    json_key(&w, "summary");
    json_obj_begin(&w);
    report_counts c;
    report_count(d, 1, o, &c);
    counts(&w, &c);
    for (int s = 0; s < ST_COUNT; s++)
        json_kv_int(&w, check_status_name((check_status)s), (long long)res->by_status[s]);
    json_obj_end(&w);
    json_obj_end(&w);
    buf_putc(out, '\n');
}

static void jsonl_document(report_run *r, const report_doc *d)
{
    for (size_t i = 0; d->res && i < d->res->nf; i++) {
        if (!report_shown(d, i, r->o))
            continue;
        json_w w;
        json_init(&w, &r->out, 0);
        json_obj_begin(&w);
        json_kv_str(&w, "type", "finding");
        json_kv_str(&w, "file", report_doc_file(d));
        json_key(&w, "finding");
        report_json_finding(&w, d, i);
        json_obj_end(&w);
        buf_putc(&r->out, '\n');
        report_flush(r);
    }
    document_line(&r->out, d, r->o);
}

static void jsonl_end(report_run *r)
{
    const report_opts *o = r->o;
    json_w w;
    for (size_t i = 0; i < o->nnotes; i++) {
        json_init(&w, &r->out, 0);
        json_obj_begin(&w);
        json_kv_str(&w, "type", "note");
        report_json_note(&w, &o->notes[i]);
        json_obj_end(&w);
        buf_putc(&r->out, '\n');
    }
    json_init(&w, &r->out, 0);
    json_obj_begin(&w);
    json_kv_str(&w, "type", "summary");
    json_kv_tool(&w);
    report_json_date(&w, "as_of", r->as_of);
    json_kv_int(&w, "documents", (long long)r->ndocs);
    counts(&w, &r->totals);
    if (r->totals.unreadable)
        json_kv_int(&w, "unreadable", (long long)r->totals.unreadable);
    json_obj_end(&w);
    buf_putc(&r->out, '\n');
}

const report_writer report_writer_jsonl = {
    .name = "jsonl",
    .description = "JSON Lines: a typed object per finding and document, as each is checked",
    .document = jsonl_document,
    .end = jsonl_end,
};

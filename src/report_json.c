/* report_json.c — the JSON report (contract: DESIGN.md "JSON report"). */
#include <string.h>

#include "json.h"
#include "report.h"

static void kv_date(json_w *w, const char *key, cps_date d)
{
    json_key(w, key);
    if (d == DATE_NONE) {
        json_null(w);
        return;
    }
    char s[11];
    date_format(d, s);
    json_str(w, s);
}

static void finding_json(json_w *w, const finding *f)
{
    const rule *r = f->rule;
    json_obj_begin(w);
    json_kv_str(w, "rule", r->id);
    json_kv_str(w, "severity", rule_severity_name(f->severity));
    json_kv_str(w, "status", check_status_name(f->status));
    json_kv_str(w, "section", f->section[0] ? f->section : NULL);
    json_kv_str(w, "heading", f->heading);
    json_key(w, "line");
    if (f->line > 0)
        json_int(w, f->line);
    else
        json_null(w);
    json_kv_str(w, "snippet", f->snippet);
    json_key(w, "mark");
    if (f->snippet && f->mark_end > f->mark_start) {
        json_arr_begin(w);
        json_int(w, (long long)f->mark_start);
        json_int(w, (long long)f->mark_end);
        json_arr_end(w);
    } else {
        json_null(w);
    }
    json_kv_str(w, "match", f->match);
    json_kv_str(w, "message", f->message);
    json_kv_str(w, "cite", r->cite);
    kv_date(w, "effective", r->effective);
    if (r->until != DATE_NONE)
        kv_date(w, "until", r->until);
    if (f->translation) {
        json_key(w, "in_translation");
        json_bool(w, 1);
    }
    json_obj_end(w);
}

static void doc_json(json_w *w, const report_doc *rd)
{
    analysis *a = rd->a;
    const check_result *res = rd->res;
    json_obj_begin(w);
    json_kv_str(w, "file", a->d.file);
    json_kv_str(w, "format", a->d.format[0] ? a->d.format : NULL);
    json_kv_str(w, "encoding", a->src.encoding[0] ? a->src.encoding : NULL);
    json_kv_str(w, "language", a->lang[0] ? a->lang : NULL);
    json_kv_str(w, "version", a->meta.version);
    kv_date(w, "date", a->meta.date);
    kv_date(w, "as_of", res->as_of);
    if (rd->translation)
        json_kv_str(w, "translation", rd->translation);
    json_key(w, "sections");
    json_obj_begin(w);
    json_kv_int(w, "found", (long long)a->o.found);
    json_kv_int(w, "expected", (long long)a->o.expected);
    json_key(w, "missing");
    json_arr_begin(w);
    for (size_t i = 0; i < a->o.n; i++)
        if (a->o.secs[i].status == SEC_MISSING)
            json_str(w, a->o.secs[i].number);
    json_arr_end(w);
    json_obj_end(w);
    json_key(w, "checklist");
    json_arr_begin(w);
    for (size_t i = 0; i < res->nitems; i++) {
        const check_item *it = &res->items[i];
        json_obj_begin(w);
        json_kv_str(w, "rule", it->rule->id);
        json_kv_str(w, "status", check_status_name(it->status));
        json_kv_str(w, "severity", rule_severity_name(it->severity));
        json_kv_int(w, "findings", (long long)it->nfindings);
        if (it->note)
            json_kv_str(w, "note", it->note);
        json_obj_end(w);
    }
    json_arr_end(w);
    json_key(w, "findings");
    json_arr_begin(w);
    for (size_t i = 0; i < res->nf; i++)
        finding_json(w, &res->f[i]);
    json_arr_end(w);
    json_key(w, "summary");
    json_obj_begin(w);
    json_kv_int(w, "errors", (long long)res->errors);
    json_kv_int(w, "warnings", (long long)res->warnings);
    json_kv_int(w, "notices", (long long)res->notices);
    for (int s = 0; s < ST_COUNT; s++)
        json_kv_int(w, check_status_name((check_status)s), (long long)res->by_status[s]);
    json_obj_end(w);
    json_obj_end(w);
}

void report_json(buf *out, const report_doc *docs, size_t n, cps_date as_of)
{
    json_w w;
    json_init(&w, out, 1);
    json_obj_begin(&w);
    json_key(&w, "tool");
    json_obj_begin(&w);
    json_kv_str(&w, "name", "cpslint");
    json_kv_str(&w, "version", CPSLINT_VERSION);
    json_obj_end(&w);
    kv_date(&w, "as_of", as_of);
    json_key(&w, "documents");
    json_arr_begin(&w);
    for (size_t i = 0; i < n; i++)
        doc_json(&w, &docs[i]);
    json_arr_end(&w);
    size_t e, wa, no;
    report_summary_counts(docs, n, &e, &wa, &no);
    json_key(&w, "summary");
    json_obj_begin(&w);
    json_kv_int(&w, "errors", (long long)e);
    json_kv_int(&w, "warnings", (long long)wa);
    json_kv_int(&w, "notices", (long long)no);
    json_obj_end(&w);
    json_obj_end(&w);
    buf_putc(out, '\n');
}

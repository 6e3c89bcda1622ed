/* report_json.c — the JSON report (specified in docs/json.md and
 * docs/schema/check.schema.json). */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "profile.h"
#include "report.h"

/* Code points in the first n bytes of UTF-8 s. */
static size_t code_points(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

void report_json_date(json_w *w, const char *key, cps_date d)
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

void report_json_note(json_w *w, const report_note *n)
{
    json_kv_str(w, "file", n->file);
    json_key(w, "line");
    if (n->line > 0)
        json_int(w, n->line);
    else
        json_null(w);
    json_kv_str(w, "message", n->message);
}

void report_json_finding(json_w *w, const report_doc *rd, size_t i)
{
    const finding *f = &rd->res->f[i];
    const rule *r = f->rule;
    json_obj_begin(w);
    json_kv_str(w, "rule", r->id);
    json_kv_str(w, "severity", rule_severity_name(f->severity));
    json_kv_str(w, "status", f->suppressed ? "suppressed" : check_status_name(f->status));
    json_kv_str(w, "section", f->section[0] ? f->section : NULL);
    json_kv_str(w, "heading", f->heading);
    json_key(w, "line");
    if (f->line > 0)
        json_int(w, f->line);
    else
        json_null(w);
    json_kv_str(w, "snippet", f->snippet);
    /* the match inside the snippet, in Unicode code points (what Python
     * slicing and most consumers count), and the marked text itself */
    json_key(w, "mark");
    if (f->snippet && f->mark_end > f->mark_start) {
        json_arr_begin(w);
        json_int(w, (long long)code_points(f->snippet, f->mark_start));
        json_int(w, (long long)code_points(f->snippet, f->mark_end));
        json_arr_end(w);
        json_key(w, "marked");
        json_strn(w, f->snippet + f->mark_start, f->mark_end - f->mark_start);
    } else {
        json_null(w);
    }
    json_kv_str(w, "match", f->match);
    json_kv_str(w, "message", f->message);
    json_kv_str(w, "cite", r->cite);
    report_json_date(w, "effective", r->effective);
    if (r->until != DATE_NONE)
        report_json_date(w, "until", r->until);
    if (f->translation) {
        json_key(w, "in_translation");
        json_bool(w, 1);
    }
    char fp[REPORT_FP_LEN];
    report_fingerprint(f, fp);
    json_kv_str(w, "fingerprint", fp);
    if (rd->marks && (rd->marks[i].reason || rd->marks[i].expired != DATE_NONE)) {
        json_key(w, "baseline");
        json_obj_begin(w);
        json_kv_str(w, "reason", rd->marks[i].reason);
        if (rd->marks[i].expired != DATE_NONE)
            report_json_date(w, "expired", rd->marks[i].expired);
        json_obj_end(w);
    }
    if (f->suppressed) {
        json_key(w, "suppression");
        json_obj_begin(w);
        json_kv_str(w, "reason", f->suppressed);
        json_key(w, "line");
        if (f->suppressed_line > 0)
            json_int(w, f->suppressed_line);
        else
            json_null(w);
        json_obj_end(w);
    }
    json_obj_end(w);
}

static void doc_json(json_w *w, const report_doc *rd, const report_opts *o)
{
    if (rd->error) {
        json_obj_begin(w);
        json_kv_str(w, "file", report_doc_file(rd));
        json_kv_str(w, "error", rd->error);
        json_obj_end(w);
        return;
    }
    analysis *a = rd->a;
    const check_result *res = rd->res;
    json_obj_begin(w);
    json_kv_str(w, "file", a->d.file);
    json_kv_str(w, "format", a->d.format[0] ? a->d.format : NULL);
    json_kv_str(w, "encoding", a->src.encoding[0] ? a->src.encoding : NULL);
    json_kv_str(w, "language", a->lang[0] ? a->lang : NULL);
    json_kv_str(w, "version", a->meta.version);
    report_json_date(w, "date", a->meta.date);
    report_json_date(w, "as_of", res->as_of);
    if (res->as_of_source)
        json_kv_str(w, "as_of_source", res->as_of_source);
    if (res->profile) {
        json_key(w, "profile");
        profile_write_json(w, res->profile);
    }
    if (rd->translation)
        json_kv_str(w, "translation", rd->translation);
    json_key(w, "sections");
    json_obj_begin(w);
    json_kv_int(w, "found", (long long)outline_present(&a->o));
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
        if (it->nevidence) {
            json_key(w, "evidence");
            json_arr_begin(w);
            for (size_t k = 0; k < it->nevidence; k++) {
                json_obj_begin(w);
                json_kv_str(w, "section", it->evidence[k].section);
                json_kv_int(w, "line", (long long)it->evidence[k].line);
                json_kv_str(w, "quote", it->evidence[k].quote);
                json_obj_end(w);
            }
            json_arr_end(w);
        }
        json_obj_end(w);
    }
    json_arr_end(w);
    json_key(w, "findings");
    json_arr_begin(w);
    for (size_t i = 0; i < res->nf; i++)
        if (report_shown(rd, i, o))
            report_json_finding(w, rd, i);
    json_arr_end(w);
    report_counts c;
    report_count(rd, 1, o, &c);
    json_key(w, "summary");
    json_obj_begin(w);
    json_kv_int(w, "errors", (long long)c.errors);
    json_kv_int(w, "warnings", (long long)c.warnings);
    json_kv_int(w, "notices", (long long)c.notices);
    if (c.baselined)
        json_kv_int(w, "baselined", (long long)c.baselined);
    if (c.suppressed)
        json_kv_int(w, "suppressed", (long long)c.suppressed);
    if (c.hidden)
        json_kv_int(w, "below_min_level", (long long)c.hidden);
    for (int s = 0; s < ST_COUNT; s++)
        json_kv_int(w, check_status_name((check_status)s), (long long)res->by_status[s]);
    json_obj_end(w);
    json_obj_end(w);
}

/* The documents are spooled: "as_of" comes before them but is known only
 * after them (--as-of doc). */
typedef struct json_state {
    json_w w;      /* at the depth of the "documents" array */
    buf tmp;
    report_spool docs;
} json_state;

static void json_begin(report_run *r)
{
    json_state *st = xcalloc(1, sizeof *st);
    json_init_at(&st->w, &st->tmp, 1, 2);
    r->priv = st;
}

static void json_document(report_run *r, const report_doc *d)
{
    json_state *st = r->priv;
    doc_json(&st->w, d, r->o);
    report_spool_put(&st->docs, &st->tmp);
}

static void json_end(report_run *r)
{
    json_state *st = r->priv;
    const report_opts *o = r->o;
    json_w w;
    json_init(&w, &r->out, 1);
    json_obj_begin(&w);
    json_kv_tool(&w);
    report_json_date(&w, "as_of", r->as_of);
    json_key(&w, "documents");
    json_arr_begin(&w);
    report_spool_copy(r, &st->docs);
    json_spliced(&w, json_count(&st->w));
    json_arr_end(&w);
    const report_counts *c = &r->totals;
    json_key(&w, "summary");
    json_obj_begin(&w);
    json_kv_int(&w, "errors", (long long)c->errors);
    json_kv_int(&w, "warnings", (long long)c->warnings);
    json_kv_int(&w, "notices", (long long)c->notices);
    if (c->baselined)
        json_kv_int(&w, "baselined", (long long)c->baselined);
    if (c->suppressed)
        json_kv_int(&w, "suppressed", (long long)c->suppressed);
    if (c->hidden)
        json_kv_int(&w, "below_min_level", (long long)c->hidden);
    if (c->unreadable)
        json_kv_int(&w, "unreadable", (long long)c->unreadable);
    json_obj_end(&w);
    if (o->nnotes) {
        json_key(&w, "notes");
        json_arr_begin(&w);
        for (size_t i = 0; i < o->nnotes; i++) {
            json_obj_begin(&w);
            report_json_note(&w, &o->notes[i]);
            json_obj_end(&w);
        }
        json_arr_end(&w);
    }
    json_obj_end(&w);
    buf_putc(&r->out, '\n');
    buf_free(&st->tmp);
    free(st);
    r->priv = NULL;
}

const report_writer report_writer_json = {
    .name = "json",
    .description = "every checklist and finding, for programs",
    .begin = json_begin,
    .document = json_document,
    .end = json_end,
};

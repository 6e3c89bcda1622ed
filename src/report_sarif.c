/* report_sarif.c — SARIF 2.1.0 for GitHub code scanning (see docs/ci.md).
 *
 * One run. tool.driver.rules lists every rule that ran (the checklist of
 * the first checked document: all documents of a run share the ruleset),
 * with its title, message, help text carrying the citation, a helpUri
 * only when the rule names a public page (`url`), and its default level. One result per shown,
 * unbaselined finding (one suppressed by a cpslint-disable directive
 * carries a `suppressions` entry of kind inSource with its reason and
 * line): level, message, the document's URI relative to the
 * working directory (%SRCROOT%), the start line (for a missing section:
 * the heading of the section before it), the RFC 3647 section as a
 * logical location, and partialFingerprints from rule id + section +
 * normalised match with an occurrence counter, so alerts survive edits.
 * Unreadable inputs and rules that could not run are
 * toolExecutionNotifications of the invocation (executionSuccessful
 * false); stale or expired baseline entries are
 * toolConfigurationNotifications.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "escape.h"
#include "profile.h"
#include "report.h"


static const char *sarif_level(int sev)
{
    switch (sev) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    default: return "note";
    }
}

/* The artifact URI of a document named path: relative to srcroot when it
 * is inside it (with "./" dropped), an absolute file:// URI otherwise,
 * "stdin" for standard input. *relative says whether %SRCROOT% applies. */
static void doc_uri(buf *b, const char *path, const char *srcroot, int *relative)
{
    *relative = 1;
    if (!strcmp(path, "-")) {
        buf_puts(b, "stdin");
        *relative = 0;
        return;
    }
    if (path[0] == '/') {
        size_t rl = srcroot ? strlen(srcroot) : 0;
        while (rl > 1 && srcroot[rl - 1] == '/')
            rl--;
        if (rl && !strncmp(path, srcroot, rl) && path[rl] == '/') {
            path += rl + 1;
        } else {
            buf_puts(b, "file://");
            esc_uri(b, path);
            *relative = 0;
            return;
        }
    }
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    while (path[0] == '/')
        path++;
    esc_uri(b, path);
}

static void text_obj(json_w *w, const char *key, const char *text)
{
    json_key(w, key);
    json_obj_begin(w);
    json_kv_str(w, "text", text);
    json_obj_end(w);
}

static void rule_json(json_w *w, const rule *r)
{
    char d[11];
    buf t = BUF_INIT;
    json_obj_begin(w);
    json_kv_str(w, "id", r->id);
    text_obj(w, "shortDescription", r->title ? r->title : r->message);
    text_obj(w, "fullDescription", r->message);
    /* help: the requirement, its citation and dates, the source's URL */
    buf_printf(&t, "%s\n\nCitation: %s", r->message, r->cite);
    if (r->source)
        buf_printf(&t, " (%s)", r->source);
    buf_puts(&t, ".");
    if (r->effective != DATE_NONE) {
        date_format(r->effective, d);
        buf_printf(&t, " Effective %s.", d);
    }
    if (r->until != DATE_NONE) {
        date_format(r->until, d);
        buf_printf(&t, " Until %s.", d);
    }
    if (r->url)
        buf_printf(&t, "\n\n%s", r->url);
    json_key(w, "help");
    json_obj_begin(w);
    json_kv_str(w, "text", buf_cstr(&t));
    json_obj_end(w);
    /* a link only where a real public page exists: the rule's own url
     * (cpslint has no public address of its own) */
    if (r->url)
        json_kv_str(w, "helpUri", r->url);
    json_key(w, "defaultConfiguration");
    json_obj_begin(w);
    json_kv_str(w, "level", sarif_level((int)r->severity));
    json_obj_end(w);
    json_key(w, "properties");
    json_obj_begin(w);
    json_kv_str(w, "cite", r->cite);
    if (r->source)
        json_kv_str(w, "source", r->source);
    json_kv_str(w, "kind", rule_kind_name(r->kind));
    if (r->effective != DATE_NONE) {
        date_format(r->effective, d);
        json_kv_str(w, "effective", d);
    }
    if (r->until != DATE_NONE) {
        date_format(r->until, d);
        json_kv_str(w, "until", d);
    }
    json_key(w, "tags");
    json_arr_begin(w);
    json_str(w, "cp-cps");
    json_str(w, rule_kind_name(r->kind));
    json_arr_end(w);
    json_obj_end(w);
    json_obj_end(w);
    buf_free(&t);
}

/* The one place an artifact URI is written: {"uri", "uriBaseId"?} and,
 * when index >= 0, "index". */
static void uri_object(json_w *w, const char *key, const char *file, long index,
                       const report_opts *o)
{
    buf u = BUF_INIT;
    int rel;
    doc_uri(&u, file, o->srcroot, &rel);
    json_key(w, key);
    json_obj_begin(w);
    json_kv_str(w, "uri", buf_cstr(&u));
    if (rel && o->srcroot)
        json_kv_str(w, "uriBaseId", "%SRCROOT%");
    if (index >= 0)
        json_kv_int(w, "index", index);
    json_obj_end(w);
    buf_free(&u);
}

static void artifact_location(json_w *w, const report_doc *d, size_t index, const report_opts *o)
{
    uri_object(w, "artifactLocation", report_doc_file(d), (long)index, o);
}

/* The rules of the run: those of the first checked document (all share
 * the ruleset, which outlives the report). */
typedef struct rule_list {
    const rule **v;
    size_t n;
} rule_list;

static long rule_index(const rule_list *ref, const rule *r)
{
    for (size_t i = 0; ref && i < ref->n; i++)
        if (ref->v[i] == r)
            return (long)i;
    return -1;
}

/* "physicalLocation": {artifactLocation, region: {startLine}} of document
 * d (index di) at line. */
static void physical_location(json_w *w, const report_doc *d, size_t di, long line,
                              const report_opts *o)
{
    json_key(w, "physicalLocation");
    json_obj_begin(w);
    artifact_location(w, d, di, o);
    json_key(w, "region");
    json_obj_begin(w);
    json_kv_int(w, "startLine", line);
    json_obj_end(w);
    json_obj_end(w);
}

static void result_json(json_w *w, const report_doc *d, size_t di, size_t i,
                        const rule_list *ref, const report_opts *o)
{
    const finding *f = &d->res->f[i];
    buf m = BUF_INIT;
    json_obj_begin(w);
    json_kv_str(w, "ruleId", f->rule->id);
    long ri = rule_index(ref, f->rule);
    if (ri >= 0)
        json_kv_int(w, "ruleIndex", ri);
    json_kv_str(w, "level", sarif_level((int)f->severity));
    /* message: where, what, and the sentence quoted */
    if (f->section[0])
        buf_printf(&m, "%s%s%s: ", f->section, f->heading ? " " : "", f->heading ? f->heading : "");
    buf_puts(&m, f->message);
    if (f->status == ST_UPCOMING)
        buf_puts(&m, " (not yet effective: upcoming)");
    if (f->snippet && *f->snippet)
        buf_printf(&m, " \xE2\x80\x94 \xE2\x80\x9C%s\xE2\x80\x9D", f->snippet);
    if (d->marks && d->marks[i].expired != DATE_NONE) {
        char ds[11];
        date_format(d->marks[i].expired, ds);
        buf_printf(&m, " (its baseline entry expired on %s)", ds);
    }
    text_obj(w, "message", buf_cstr(&m));
    json_key(w, "locations");
    json_arr_begin(w);
    json_obj_begin(w);
    physical_location(w, d, di, report_finding_line(d, f), o);
    if (f->section[0]) {
        json_key(w, "logicalLocations");
        json_arr_begin(w);
        json_obj_begin(w);
        json_kv_str(w, "name", f->section);
        buf_truncate(&m, 0);
        buf_printf(&m, "%s%s%s", f->section, f->heading ? " " : "", f->heading ? f->heading : "");
        json_kv_str(w, "fullyQualifiedName", buf_cstr(&m));
        json_obj_end(w);
        json_arr_end(w);
    }
    json_obj_end(w);
    json_arr_end(w);
    /* fingerprint:occurrence among equal fingerprints of this document */
    char fp[REPORT_FP_LEN], other[REPORT_FP_LEN];
    report_fingerprint(f, fp);
    size_t occ = 1;
    for (size_t k = 0; k < i; k++) {
        report_fingerprint(&d->res->f[k], other);
        occ += !strcmp(fp, other);
    }
    buf_truncate(&m, 0);
    buf_printf(&m, "%s:%zu", fp, occ);
    json_key(w, "partialFingerprints");
    json_obj_begin(w);
    json_kv_str(w, "cpslint/v1", buf_cstr(&m));
    json_obj_end(w);
    json_key(w, "properties");
    json_obj_begin(w);
    json_kv_str(w, "status", check_status_name(f->status));
    if (f->section[0])
        json_kv_str(w, "section", f->section);
    json_kv_str(w, "cite", f->rule->cite);
    if (f->translation) {
        json_key(w, "inTranslation");
        json_bool(w, 1);
    }
    json_obj_end(w);
    if (f->suppressed) { /* a cpslint-disable directive in the document */
        json_key(w, "suppressions");
        json_arr_begin(w);
        json_obj_begin(w);
        json_kv_str(w, "kind", "inSource");
        json_kv_str(w, "justification", f->suppressed);
        json_key(w, "location");
        json_obj_begin(w);
        physical_location(w, d, di, f->suppressed_line > 0 ? f->suppressed_line : 1, o);
        json_obj_end(w);
        json_obj_end(w);
        json_arr_end(w);
    }
    json_obj_end(w);
    buf_free(&m);
}

static void notification(json_w *w, const char *level, const char *text, const report_doc *d,
                         size_t di, const char *file, long line, long rule_idx,
                         const char *rule_id, const report_opts *o)
{
    json_obj_begin(w);
    json_kv_str(w, "level", level);
    text_obj(w, "message", text);
    if (d || file) {
        json_key(w, "locations");
        json_arr_begin(w);
        json_obj_begin(w);
        json_key(w, "physicalLocation");
        json_obj_begin(w);
        if (d) {
            artifact_location(w, d, di, o);
        } else {
            uri_object(w, "artifactLocation", file, -1, o);
            if (line > 0) {
                json_key(w, "region");
                json_obj_begin(w);
                json_kv_int(w, "startLine", line);
                json_obj_end(w);
            }
        }
        json_obj_end(w);
        json_obj_end(w);
        json_arr_end(w);
    }
    if (rule_id) {
        json_key(w, "associatedRule");
        json_obj_begin(w);
        json_kv_str(w, "id", rule_id);
        if (rule_idx >= 0)
            json_kv_int(w, "index", rule_idx);
        json_obj_end(w);
    }
    json_obj_end(w);
}

/* Everything but the header and the totals is spooled: the invocation's
 * executionSuccessful and the rules come first but are known only later. */
typedef struct sarif_state {
    rule_list ref;
    int have_ref, ok;
    json_w wn, wa, wr;  /* notifications, artifacts, results */
    buf tn, ta, tr;
    report_spool sn, sa, sr;
} sarif_state;

static void sarif_begin(report_run *r)
{
    sarif_state *st = xcalloc(1, sizeof *st);
    st->ok = 1;
    json_init_at(&st->wn, &st->tn, 1, 6);
    json_init_at(&st->wa, &st->ta, 1, 4);
    json_init_at(&st->wr, &st->tr, 1, 4);
    r->priv = st;
}

static void artifact_json(json_w *w, const report_doc *d, const report_opts *o)
{
    json_obj_begin(w);
    uri_object(w, "location", report_doc_file(d), -1, o);
    if (d->a) {
        const char *fmt = d->a->d.format;
        json_kv_str(w, "mimeType", !strcmp(fmt, "xhtml")      ? "application/xhtml+xml"
                                   : !strcmp(fmt, "markdown") ? "text/markdown"
                                   : !strcmp(fmt, "pdf")      ? "application/pdf"
                                                              : "text/html");
        if (d->a->src.encoding[0])
            json_kv_str(w, "encoding", d->a->src.encoding);
        const doc_profile *p = d->res ? d->res->profile : NULL;
        if (d->a->lang[0] || p) {
            json_key(w, "properties");
            json_obj_begin(w);
            if (d->a->lang[0])
                json_kv_str(w, "language", d->a->lang);
            if (d->a->meta.version)
                json_kv_str(w, "version", d->a->meta.version);
            if (p) { /* what the document is: the rules outside it were n/a */
                json_key(w, "profile");
                profile_write_json(w, p);
            }
            json_obj_end(w);
        }
    }
    json_obj_end(w);
}

static void sarif_document(report_run *r, const report_doc *d)
{
    sarif_state *st = r->priv;
    const report_opts *o = r->o;
    size_t i = r->ndocs;
    if (!st->have_ref && d->res) {
        st->have_ref = 1;
        st->ref.n = d->res->nitems;
        st->ref.v = xcalloc(st->ref.n ? st->ref.n : 1, sizeof *st->ref.v);
        for (size_t k = 0; k < st->ref.n; k++)
            st->ref.v[k] = d->res->items[k].rule;
    }
    if (d->error || (d->res && d->res->by_status[ST_ERROR]))
        st->ok = 0;
    if (d->error) {
        buf m = BUF_INIT;
        buf_printf(&m, "%s: %s", report_doc_file(d), d->error);
        notification(&st->wn, "error", buf_cstr(&m), d, i, NULL, 0, -1, NULL, o);
        buf_free(&m);
    } else {
        for (size_t k = 0; k < d->res->nitems; k++) {
            const check_item *it = &d->res->items[k];
            if (it->status != ST_ERROR)
                continue;
            buf m = BUF_INIT;
            buf_printf(&m, "rule %s could not run: %s", it->rule->id, it->note ? it->note : "");
            notification(&st->wn, "error", buf_cstr(&m), d, i, NULL, 0,
                         rule_index(&st->ref, it->rule), it->rule->id, o);
            buf_free(&m);
        }
    }
    report_spool_put(&st->sn, &st->tn);
    artifact_json(&st->wa, d, o);
    report_spool_put(&st->sa, &st->ta);
    if (d->res)
        for (size_t k = 0; k < d->res->nf; k++)
            if (report_shown(d, k, o) && !report_baselined(d, k))
                result_json(&st->wr, d, i, k, &st->ref, o);
    report_spool_put(&st->sr, &st->tr);
}

static void sarif_tool(json_w *w, const rule_list *ref)
{
    json_key(w, "tool");
    json_obj_begin(w);
    json_key(w, "driver");
    json_obj_begin(w);
    json_kv_str(w, "name", "cpslint");
    json_kv_str(w, "version", CPSLINT_VERSION);
    json_kv_str(w, "semanticVersion", CPSLINT_VERSION);
    json_key(w, "rules");
    json_arr_begin(w);
    for (size_t i = 0; i < ref->n; i++)
        rule_json(w, ref->v[i]);
    json_arr_end(w);
    json_obj_end(w);
    json_obj_end(w);
}

static void sarif_end(report_run *r)
{
    sarif_state *st = r->priv;
    const report_opts *o = r->o;
    json_w w;
    json_init(&w, &r->out, 1);
    json_obj_begin(&w);
    json_kv_str(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    json_kv_str(&w, "version", "2.1.0");
    json_key(&w, "runs");
    json_arr_begin(&w);
    json_obj_begin(&w);
    sarif_tool(&w, &st->ref);

    /* invocation: unreadable inputs, rules that could not run, baseline notes */
    json_key(&w, "invocations");
    json_arr_begin(&w);
    json_obj_begin(&w);
    json_key(&w, "executionSuccessful");
    json_bool(&w, st->ok);
    json_key(&w, "toolExecutionNotifications");
    json_arr_begin(&w);
    report_spool_copy(r, &st->sn);
    json_spliced(&w, json_count(&st->wn));
    json_arr_end(&w);
    json_key(&w, "toolConfigurationNotifications");
    json_arr_begin(&w);
    for (size_t i = 0; i < o->nnotes; i++)
        notification(&w, "warning", o->notes[i].message, NULL, 0, o->notes[i].file,
                     o->notes[i].line, -1, NULL, o);
    json_arr_end(&w);
    json_obj_end(&w);
    json_arr_end(&w);

    if (o->srcroot) {
        buf u = BUF_INIT;
        buf_puts(&u, "file://");
        esc_uri(&u, o->srcroot);
        if (u.len == 0 || u.ptr[u.len - 1] != '/')
            buf_putc(&u, '/');
        json_key(&w, "originalUriBaseIds");
        json_obj_begin(&w);
        json_key(&w, "%SRCROOT%");
        json_obj_begin(&w);
        json_kv_str(&w, "uri", buf_cstr(&u));
        json_obj_end(&w);
        json_obj_end(&w);
        buf_free(&u);
    }

    json_key(&w, "artifacts");
    json_arr_begin(&w);
    report_spool_copy(r, &st->sa);
    json_spliced(&w, json_count(&st->wa));
    json_arr_end(&w);

    json_key(&w, "results");
    json_arr_begin(&w);
    report_spool_copy(r, &st->sr);
    json_spliced(&w, json_count(&st->wr));
    json_arr_end(&w);

    json_key(&w, "properties");
    json_obj_begin(&w);
    if (r->as_of != DATE_NONE) {
        char ds[11];
        date_format(r->as_of, ds);
        json_kv_str(&w, "asOf", ds);
    }
    json_kv_int(&w, "baselined", (long long)r->totals.baselined);
    json_kv_int(&w, "suppressed", (long long)r->totals.suppressed);
    json_kv_int(&w, "belowMinLevel", (long long)r->totals.hidden);
    json_obj_end(&w);

    json_obj_end(&w);
    json_arr_end(&w);
    json_obj_end(&w);
    buf_putc(&r->out, '\n');
    buf_free(&st->tn);
    buf_free(&st->ta);
    buf_free(&st->tr);
    free(st->ref.v);
    free(st);
    r->priv = NULL;
}

const report_writer report_writer_sarif = {
    .name = "sarif",
    .description = "SARIF 2.1.0, for GitHub code scanning",
    .begin = sarif_begin,
    .document = sarif_document,
    .end = sarif_end,
};

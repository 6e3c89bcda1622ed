/* baseline.c — accepted findings (see baseline.h). */
#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "jsonparse.h"

#define BASELINE_MAX_SIZE (16u * 1024 * 1024)

char *baseline_norm_path(const char *path)
{
    buf b = BUF_INIT;
    const char *p = path;
    while (p[0] == '.' && p[1] == '/')
        for (p += 2; *p == '/'; p++)
            ;
    for (; *p; p++) {
        if (*p == '/' && (p[1] == '/' || (p[1] == '.' && p[2] == '/')))
            continue; /* "//" or "/./": drop this slash */
        if (*p == '.' && p > path && p[-1] == '/' && p[1] == '/')
            continue; /* the "." of "/./" (its first slash was dropped) */
        buf_putc(&b, *p);
    }
    return b.ptr ? buf_detach(&b) : xstrdup("");
}

static int read_file(const char *path, char **data, size_t *len, cps_err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return cps_err_set(e, CPS_E_IO, path, 0, "%s", strerror(errno));
    buf b = BUF_INIT;
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_put(&b, chunk, k);
        if (b.len > BASELINE_MAX_SIZE) {
            fclose(f);
            buf_free(&b);
            return cps_err_set(e, CPS_E_INPUT, path, 0, "baseline larger than 16 MiB");
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        buf_free(&b);
        return cps_err_set(e, CPS_E_IO, path, 0, "cannot read");
    }
    *len = b.len;
    *data = b.ptr ? buf_detach(&b) : xstrdup("");
    return 0;
}

static const char *const entry_keys[] = {"file", "rule", "section", "fingerprint", "reason",
                                         "expires", "finding", NULL};

static int bad(const char *path, long line, cps_err *e, const char *msg, const char *key)
{
    return cps_err_set(e, CPS_E_INPUT, path, line, "baseline entry: %s%s%s%s", msg,
                       key ? " \"" : "", key ? key : "", key ? "\"" : "");
}

/* A required non-empty string member. */
static int get_str(const char *path, const jv *ent, const char *key, int required,
                   const char **out, cps_err *e)
{
    const jv *v = jsonp_get(ent, key);
    *out = NULL;
    if (!v || v->type == JV_NULL) {
        if (required)
            return bad(path, ent->line, e, "missing", key);
        return 0;
    }
    if (v->type != JV_STRING)
        return cps_err_set(e, CPS_E_INPUT, path, v->line, "baseline entry: \"%s\" must be a string, not %s",
                           key, jsonp_type_name(v->type));
    *out = v->str;
    return 0;
}

static int load_entry(const char *path, const jv *ent, baseline_entry *be, cps_err *e)
{
    if (ent->type != JV_OBJECT)
        return cps_err_set(e, CPS_E_INPUT, path, ent->line, "baseline entry must be an object");
    for (size_t i = 0; i < ent->n; i++) {
        int known = 0;
        for (size_t k = 0; entry_keys[k]; k++)
            known |= !strcmp(ent->keys[i], entry_keys[k]);
        if (!known)
            return cps_err_set(e, CPS_E_INPUT, path, ent->items[i].line,
                               "baseline entry: unknown key \"%s\" (known: file, rule, section, "
                               "fingerprint, reason, expires, finding)",
                               ent->keys[i]);
    }
    const char *file, *rule_id, *sec, *fp, *reason, *expires;
    if (get_str(path, ent, "file", 1, &file, e) || get_str(path, ent, "rule", 1, &rule_id, e) ||
        get_str(path, ent, "section", 0, &sec, e) ||
        get_str(path, ent, "fingerprint", 1, &fp, e) ||
        get_str(path, ent, "reason", 1, &reason, e) ||
        get_str(path, ent, "expires", 0, &expires, e) ||
        get_str(path, ent, "finding", 0, &(const char *){NULL}, e))
        return e->code;
    if (!jsonp_get(ent, "section"))
        return bad(path, ent->line, e, "missing", "section");
    long rline = jsonp_get(ent, "reason")->line;
    const char *r = reason;
    while (*r == ' ' || *r == '\t' || *r == '\n')
        r++;
    if (!*r)
        return cps_err_set(e, CPS_E_INPUT, path, rline,
                           "baseline entry: the reason is empty: say why this finding is accepted");
    if (!strncmp(r, "TODO", 4))
        return cps_err_set(e, CPS_E_INPUT, path, rline,
                           "baseline entry: replace the placeholder reason with the reason this "
                           "finding is accepted");
    if (strlen(fp) != REPORT_FP_LEN - 1 || strspn(fp, "0123456789abcdef") != REPORT_FP_LEN - 1)
        return cps_err_set(e, CPS_E_INPUT, path, jsonp_get(ent, "fingerprint")->line,
                           "baseline entry: fingerprint must be 16 lower-case hex digits "
                           "(copy it from --write-baseline or the JSON report)");
    be->expires = DATE_NONE;
    if (expires && (be->expires = date_parse_iso(expires)) == DATE_NONE)
        return cps_err_set(e, CPS_E_INPUT, path, jsonp_get(ent, "expires")->line,
                           "baseline entry: expires must be a date YYYY-MM-DD, not '%s'", expires);
    if (!*file || !*rule_id)
        return bad(path, ent->line, e, "empty", !*file ? "file" : "rule");
    be->file = baseline_norm_path(file);
    be->rule = xstrdup(rule_id);
    be->section = xstrdup(sec ? sec : "");
    memcpy(be->fingerprint, fp, REPORT_FP_LEN);
    be->reason = xstrdup(reason);
    be->line = ent->line;
    return 0;
}

int baseline_load(const char *path, baseline *b, cps_err *e)
{
    memset(b, 0, sizeof *b);
    char *data;
    size_t len;
    int rc = read_file(path, &data, &len, e);
    if (rc)
        return rc;
    jv root;
    rc = jsonp_parse(path, data, len, &root, e);
    free(data);
    if (rc)
        return rc;
    b->path = xstrdup(path);
    const jv *ver = jsonp_get(&root, "cpslint_baseline");
    const jv *ents = jsonp_get(&root, "entries");
    if (root.type != JV_OBJECT)
        rc = cps_err_set(e, CPS_E_INPUT, path, root.line,
                         "a baseline is an object {\"cpslint_baseline\": 1, \"entries\": [...]}");
    else if (!ver || ver->type != JV_NUMBER || ver->number != BASELINE_VERSION)
        rc = cps_err_set(e, CPS_E_INPUT, path, ver ? ver->line : root.line,
                         "not a cpslint baseline: \"cpslint_baseline\": 1 expected");
    else if (!ents || ents->type != JV_ARRAY)
        rc = cps_err_set(e, CPS_E_INPUT, path, ents ? ents->line : root.line,
                         "\"entries\" must be an array");
    for (size_t i = 0; rc == 0 && i < root.n; i++)
        if (strcmp(root.keys[i], "cpslint_baseline") && strcmp(root.keys[i], "entries"))
            rc = cps_err_set(e, CPS_E_INPUT, path, root.items[i].line,
                             "unknown key \"%s\" (known: cpslint_baseline, entries)", root.keys[i]);
    if (rc == 0 && ents->n) {
        b->e = xcalloc(ents->n, sizeof *b->e);
        for (size_t i = 0; i < ents->n && rc == 0; i++) {
            rc = load_entry(path, &ents->items[i], &b->e[b->n], e);
            if (rc == 0)
                b->n++;
        }
    }
    jsonp_free(&root);
    if (rc)
        baseline_free(b);
    return rc;
}

/* The first entry of b for (file, finding) with used[] == 0, or -1. */
static long find_entry(const baseline *b, const char *file, const finding *f, const char *fp,
                       const size_t *used)
{
    for (size_t i = 0; b && i < b->n; i++) {
        const baseline_entry *be = &b->e[i];
        if (!used[i] && !strcmp(be->file, file) && !strcmp(be->rule, f->rule->id) &&
            !strcmp(be->section, f->section) && !strcmp(be->fingerprint, fp))
            return (long)i;
    }
    return -1;
}

void baseline_apply(baseline *b, const char *file, const check_result *res, cps_date today,
                     report_mark *marks)
{
    char *nf = baseline_norm_path(file);
    size_t *used = xcalloc(b->n ? b->n : 1, sizeof *used);
    for (size_t i = 0; i < b->n; i++)
        used[i] = b->e[i].used;
    for (size_t i = 0; i < res->nf; i++) {
        char fp[REPORT_FP_LEN];
        report_fingerprint(&res->f[i], fp);
        marks[i].reason = NULL;
        marks[i].expired = DATE_NONE;
        long k = find_entry(b, nf, &res->f[i], fp, used);
        if (k < 0)
            continue;
        baseline_entry *be = &b->e[k];
        used[k] = ++be->used;
        if (be->expires != DATE_NONE && today > be->expires) {
            marks[i].expired = be->expires;
            be->expired_hit = 1;
        } else {
            marks[i].reason = be->reason;
        }
    }
    free(used);
    free(nf);
}

size_t baseline_notes(const baseline *b, const char *const *checked, size_t nchecked,
                      report_note **notes)
{
    size_t n = 0;
    *notes = xcalloc(b->n ? b->n : 1, sizeof **notes);
    char **norm = xcalloc(nchecked ? nchecked : 1, sizeof *norm);
    for (size_t i = 0; i < nchecked; i++)
        norm[i] = baseline_norm_path(checked[i]);
    for (size_t i = 0; i < b->n; i++) {
        const baseline_entry *be = &b->e[i];
        buf m = BUF_INIT;
        if (be->expired_hit) {
            char d[11];
            date_format(be->expires, d);
            buf_printf(&m, "baseline entry for %s, rule %s%s%s expired on %s: its finding fails "
                           "again",
                       be->file, be->rule, be->section[0] ? ", section " : "", be->section, d);
        } else if (!be->used) {
            int was_checked = 0;
            for (size_t k = 0; k < nchecked; k++)
                was_checked |= !strcmp(norm[k], be->file);
            if (!was_checked)
                continue;
            buf_printf(&m, "stale baseline entry: no finding of rule %s%s%s in %s matches it any "
                           "more (remove it)",
                       be->rule, be->section[0] ? " in section " : "", be->section, be->file);
        } else {
            continue;
        }
        (*notes)[n].file = b->path;
        (*notes)[n].line = be->line;
        (*notes)[n].message = buf_detach(&m);
        n++;
    }
    for (size_t i = 0; i < nchecked; i++)
        free(norm[i]);
    free(norm);
    return n;
}

void baseline_notes_free(report_note *notes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free((char *)notes[i].message);
    free(notes);
}

void baseline_write(buf *out, const report_doc *docs, size_t n, const baseline *old)
{
    json_w w;
    json_init(&w, out, 1);
    json_obj_begin(&w);
    json_kv_int(&w, "cpslint_baseline", BASELINE_VERSION);
    json_key(&w, "entries");
    json_arr_begin(&w);
    size_t *used = xcalloc(old && old->n ? old->n : 1, sizeof *used);
    buf t = BUF_INIT;
    for (size_t di = 0; di < n; di++) {
        const report_doc *d = &docs[di];
        if (!d->res)
            continue;
        char *file = baseline_norm_path(report_doc_file(d));
        for (size_t i = 0; i < d->res->nf; i++) {
            const finding *f = &d->res->f[i];
            if (f->suppressed)
                continue; /* its reason is in the document (cpslint-disable) */
            char fp[REPORT_FP_LEN];
            report_fingerprint(f, fp);
            long k = find_entry(old, file, f, fp, used);
            if (k >= 0)
                used[k] = 1;
            json_obj_begin(&w);
            json_kv_str(&w, "file", file);
            json_kv_str(&w, "rule", f->rule->id);
            json_kv_str(&w, "section", f->section);
            json_kv_str(&w, "fingerprint", fp);
            json_kv_str(&w, "reason", k >= 0 ? old->e[k].reason : BASELINE_PLACEHOLDER);
            if (k >= 0 && old->e[k].expires != DATE_NONE) {
                char ds[11];
                date_format(old->e[k].expires, ds);
                json_kv_str(&w, "expires", ds);
            } else {
                json_key(&w, "expires");
                json_null(&w);
            }
            buf_truncate(&t, 0);
            if (f->section[0])
                buf_printf(&t, "%s%s%s: ", f->section, f->heading ? " " : "",
                           f->heading ? f->heading : "");
            buf_puts(&t, f->message);
            if (f->match)
                buf_printf(&t, " [match: %s]", f->match);
            json_kv_str(&w, "finding", buf_cstr(&t));
            json_obj_end(&w);
        }
        free(file);
    }
    buf_free(&t);
    free(used);
    json_arr_end(&w);
    json_obj_end(&w);
    buf_putc(out, '\n');
}

void baseline_free(baseline *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->e[i].file);
        free(b->e[i].rule);
        free(b->e[i].section);
        free(b->e[i].reason);
    }
    free(b->e);
    free(b->path);
    memset(b, 0, sizeof *b);
}

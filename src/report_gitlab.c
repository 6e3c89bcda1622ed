/* report_gitlab.c — a GitLab Code Quality report (artifacts:reports:
 * codequality): a JSON array of issues, each
 *
 *   {"description", "check_name", "fingerprint", "severity",
 *    "location": {"path", "lines": {"begin"}}}
 *
 * the fields GitLab documents for a custom tool (docs/ci.md cites the page;
 * docs/schema/gitlab.schema.json is written from it: GitLab publishes no
 * schema of its own for this format). One issue per shown finding that
 * is neither baselined nor suppressed (GitLab has no notion of either):
 * check_name the rule id, severity major (error), minor (warning) or info
 * (notice). An input that could not be checked and a rule that could not
 * run are "critical" issues on line 1 (check_name "cpslint.input" and the
 * rule's id); stale or expired baseline entries are "minor" issues
 * "cpslint.baseline" on the baseline's line.
 *
 * GitLab keys issues by fingerprint alone, across files: each is
 * report_fingerprint_at (the baseline and SARIF fingerprint, with the
 * path as location.path writes it and the occurrence of that fingerprint
 * in the file mixed in), so
 * two files missing the same section, or one sentence quoted twice, are
 * distinct issues and stay the same issues when the document is edited
 * elsewhere.
 *
 * location.path is the file as named, relative to the working directory
 * when it is inside it, "./" dropped (GitLab wants it relative to the
 * repository root: run cpslint from there).
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"

typedef struct gitlab_state {
    json_w w; /* at the depth of the array, kept across documents */
} gitlab_state;

static const char *gitlab_severity(int sev)
{
    return sev == SEV_ERROR ? "major" : sev == SEV_WARNING ? "minor" : "info";
}

/* path made relative to srcroot when inside it, leading "./" dropped. */
static const char *rel_path(const char *path, const char *srcroot)
{
    size_t rl = srcroot ? strlen(srcroot) : 0;
    while (rl > 1 && srcroot[rl - 1] == '/')
        rl--;
    if (path[0] == '/' && rl && !strncmp(path, srcroot, rl) && path[rl] == '/')
        path += rl + 1;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    return path;
}

static void issue(json_w *w, const char *desc, const char *check, const char *fp,
                  const char *sev, const char *path, long line, const report_opts *o)
{
    json_obj_begin(w);
    json_kv_str(w, "description", desc);
    json_kv_str(w, "check_name", check);
    json_kv_str(w, "fingerprint", fp);
    json_kv_str(w, "severity", sev);
    json_key(w, "location");
    json_obj_begin(w);
    json_kv_str(w, "path", path ? rel_path(path, o->srcroot) : "-");
    json_key(w, "lines");
    json_obj_begin(w);
    json_kv_int(w, "begin", line > 0 ? line : 1);
    json_obj_end(w);
    json_obj_end(w);
    json_obj_end(w);
}

/* A fingerprint for what is not a finding: a pseudo-finding of check on
 * path with the text as its match. */
static void other_fp(const char *path, const char *check, const char *text,
                     char fp[REPORT_FP_LEN])
{
    rule r;
    memset(&r, 0, sizeof r);
    r.id = (char *)check;
    finding f;
    memset(&f, 0, sizeof f);
    f.rule = &r;
    f.match = (char *)text;
    report_fingerprint_at(path, &f, 0, fp);
}

typedef struct fp_at {
    char fp[REPORT_FP_LEN];
    size_t i;
} fp_at;

static int fp_cmp(const void *a, const void *b)
{
    const fp_at *x = a, *y = b;
    int c = strcmp(x->fp, y->fp);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* occ[i]: how many findings before i (document order) share the base
 * fingerprint of finding i. Owned by the caller. */
static unsigned *occurrences(const check_result *res)
{
    size_t nf = res->nf;
    fp_at *v = xcalloc(nf ? nf : 1, sizeof *v);
    unsigned *occ = xcalloc(nf ? nf : 1, sizeof *occ);
    for (size_t i = 0; i < nf; i++) {
        report_fingerprint(&res->f[i], v[i].fp);
        v[i].i = i;
    }
    qsort(v, nf, sizeof *v, fp_cmp);
    for (size_t k = 1; k < nf; k++)
        if (!strcmp(v[k].fp, v[k - 1].fp))
            occ[v[k].i] = occ[v[k - 1].i] + 1;
    free(v);
    return occ;
}

typedef struct gitlab_ctx {
    gitlab_state *st;
    const char *file;
    const report_opts *o;
} gitlab_ctx;

static void rule_error(void *ctx, const rule *r, const char *message)
{
    gitlab_ctx *c = ctx;
    char fp[REPORT_FP_LEN];
    other_fp(c->file, r->id, message, fp);
    issue(&c->st->w, message, r->id, fp, "critical", c->file, 1, c->o);
}

static void gitlab_document(report_run *r, const report_doc *d)
{
    gitlab_state *st = r->priv;
    const char *file = rel_path(report_doc_file(d), r->o->srcroot);
    char fp[REPORT_FP_LEN];
    if (!d->res) {
        other_fp(file, "cpslint.input", d->error, fp);
        issue(&st->w, d->error, "cpslint.input", fp, "critical", file, 1, r->o);
        return;
    }
    gitlab_ctx c = {st, file, r->o};
    report_each_rule_error(d, rule_error, &c);
    unsigned *occ = occurrences(d->res);
    for (size_t i = 0; i < d->res->nf; i++) {
        if (!report_open(d, i, r->o))
            continue;
        const finding *f = &d->res->f[i];
        report_fingerprint_at(file, f, occ[i], fp);
        issue(&st->w, f->message, f->rule->id, fp, gitlab_severity((int)f->severity), file,
              report_finding_line(d, f), r->o);
    }
    free(occ);
}

static void gitlab_begin(report_run *r)
{
    gitlab_state *st = xcalloc(1, sizeof *st);
    json_init(&st->w, &r->out, 1);
    json_arr_begin(&st->w);
    r->priv = st;
}

static void gitlab_end(report_run *r)
{
    gitlab_state *st = r->priv;
    char fp[REPORT_FP_LEN];
    for (size_t i = 0; i < r->o->nnotes; i++) {
        const report_note *n = &r->o->notes[i];
        other_fp(n->file ? n->file : "-", "cpslint.baseline", n->message, fp);
        issue(&st->w, n->message, "cpslint.baseline", fp, "minor", n->file, n->line, r->o);
    }
    json_arr_end(&st->w);
    buf_putc(&r->out, '\n');
    free(st);
    r->priv = NULL;
}

const report_writer report_writer_gitlab = {
    .name = "gitlab",
    .description = "a GitLab Code Quality report (artifacts:reports:codequality)",
    .begin = gitlab_begin,
    .document = gitlab_document,
    .end = gitlab_end,
};

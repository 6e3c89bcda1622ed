/* cmd_diff.c — `cpslint diff OLD NEW`: what changed between two versions of
 * a CP/CPS (version, date and revision table; sections; findings), as text,
 * Markdown, JSON or HTML, to standard output or -o FILE. The comparison
 * itself is diff.h; text and Markdown are diff_text.c, HTML diff_html.c;
 * this file parses the command line, runs both checks and writes JSON. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"
#include "cli_util.h"
#include "json.h"
#include "data.h"
#include "diff.h"
#include "diff_html.h"
#include "diff_render.h"
#include "diff_text.h"
#include "outfile.h"
#include "profile.h"
#include "escape.h"
#include "match.h"
#include "ruleset.h"

static const char diff_usage[] =
    "Usage: cpslint diff [options] OLD NEW\n"
    "Compare two versions of a CP/CPS (@INPUTS@; - for stdin):\n"
    "  1. version and effective date: was the version incremented, the date moved\n"
    "     forward and a dated row added to the revision table (Mozilla Root Store\n"
    "     Policy 3.3, BR 2.3); each one missing is a failure;\n"
    "  2. sections added, removed, renumbered and changed, with a word diff of the\n"
    "     changed ones ([-removed-] {+added+}) in hunks headed by their lines\n"
    "     (@@ 6.3.2 (old 120, new 131) @@) and their tables row by row\n"
    "     (row \"Validity\": [-398 days-] {+200 days+}); typography, NBSP and line\n"
    "     wrapping are not changes; unchanged sections are counted;\n"
    "  3. the findings of `cpslint check` on both versions, split into introduced\n"
    "     (only in NEW), resolved (only in OLD) and persisting, matched by rule,\n"
    "     section (following renumbering) and matched text, each with its line and\n"
    "     quote; one whose match only moved to another sentence of its section is\n"
    "     persisting (moved), with its old and new lines.\n"
    "\n"
    "  --format FMT      text (default), markdown, json or html\n"
    "  -o, --output FILE write the report to FILE (complete or not at all; never\n"
    "                    onto OLD, NEW or a ruleset)\n"
    "  --color WHEN      auto (default: on a terminal, not with NO_COLOR), always or\n"
    "                    never: removed words red, added words green (text format)\n"
    "  --width N         wrap the word diffs and findings of the text format to N\n"
    "                    columns (default: the terminal's width, else 100)\n"
    "  --kind KIND       what both versions are, instead of detecting it: cp, cps,\n"
    "                    cp-cps or not-a-policy\n"
    "  --scope LIST      their certificate scopes: a comma-separated list of\n"
    "                    tls-server, smime, code-signing, other\n"
    "  --max-memory N    refuse a document that would need more memory (default:\n"
    "                    half of RAM, at most 4G)\n"
    "  --context N       sentences of unchanged text around a change (default 1)\n"
    "  --sections-only   only the list of added, removed, renumbered, changed sections\n"
    "  --fail-on LEVEL   error (default), warning, notice or never\n"
    "  --as-of DATE|doc  evaluate both versions as of DATE (default today) or their own date\n"
    "  --ruleset NAME    add a ruleset or a PATH to every installed one (repeatable)\n"
    "  --only-ruleset NAME\n"
    "                    only these rulesets, not the defaults (repeatable)\n"
    "  --disable ID      disable a rule, or a family by prefix (repeatable)\n"
    "  --enable ID       enable a rule disabled by default (repeatable)\n"
    "  --max-size N      refuse input larger than N bytes (suffix K, M, G; default 64M)\n"
    "  --keep-chrome     read nav, header, footer and aside elements too\n"
    "  --input-format F  read both inputs as F, not as their names and content\n"
    "                    say: @INPUT_NAMES@\n"
    "  --pdf-timeout S   stop pdftotext after S seconds (PDF input; default 60)\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit status: 1 when the new version fails the version, date or revision-table\n"
    "check or introduces a finding at or above --fail-on; 0 otherwise; 2 on errors\n"
    "(including a rule that could not run).\n";


typedef enum { FMT_TEXT = 0, FMT_MARKDOWN, FMT_JSON, FMT_HTML } out_format;

typedef struct diff_cmd {
    out_format fmt;
    int context;
    int sections_only;
    int fail_on;          /* lowest failing severity 1..3; 0 = never */
    cps_date as_of;       /* DATE_NONE = each document's own date */
    const char *old_path, *new_path;
    cli_rules sel;       /* --ruleset, --disable, --enable */
    cli_profile force;   /* --kind, --scope: both versions */
    const char *output;  /* -o, or NULL for standard output */
    int color;           /* --color: -1 auto, 0 never, 1 always; then resolved */
    int width;           /* --width, 0 auto; then resolved */
} diff_cmd;

/* Everything the renderers need. */
typedef struct diff_view {
    const diff_cmd *cmd;
    const analysis *old_a, *new_a;
    diff_versions_result v;
    diff_result s;
    int findings_compared;
    const diff_finding *fold, *fnew;
    size_t nfold, nfnew;
    diff_findings_result fd;
    const char *problems[4];
    size_t nproblems;
    const doc_profile *old_p, *new_p; /* NULL until the checks ran */
} diff_view;

/* ---- helpers ------------------------------------------------------------ */

static const char *fmt_date(cps_date d, char out[11])
{
    date_format(d, out);
    return out[0] ? out : NULL;
}

static int finding_fails(const diff_view *v, const diff_finding *f)
{
    return v->cmd->fail_on && f->severity >= v->cmd->fail_on;
}

/* What the renderers read of the diff (diff.h). */
static diff_outcome outcome(const diff_view *v)
{
    diff_outcome d = {v->old_a, v->new_a, &v->v, &v->s, v->fold, v->fnew, v->nfold, v->nfnew,
                      v->findings_compared ? &v->fd : NULL, v->problems, v->nproblems};
    return d;
}

/* ---- text and Markdown (diff_text.c) ---------------------------------------- */

static void print_text(buf *b, const diff_view *v, int md)
{
    const diff_cmd *c = v->cmd;
    diff_text_view tv = {outcome(v), v->old_p, v->new_p, c->context, c->sections_only, md,
                         c->color, c->width};
    diff_text(b, &tv);
}

/* ---- JSON ------------------------------------------------------------- */

static void json_doc(json_w *w, const char *key, const analysis *a)
{
    char d[11];
    json_break(w);
    json_key(w, key);
    json_obj_begin(w);
    json_kv_str(w, "file", a->d.file);
    json_kv_str(w, "version", a->meta.version);
    json_kv_str(w, "date", fmt_date(a->meta.date, d));
    json_obj_end(w);
}

static void kv_line(json_w *w, const char *key, long line)
{
    if (line > 0)
        json_kv_int(w, key, line);
}

static void json_diff(json_w *w, const diff_view *v, const diff_pair *p)
{
    diff_segs g;
    diff_segs_build(&v->s, p, v->cmd->context, &g);
    json_key(w, "diff");
    json_arr_begin(w);
    for (size_t i = 0; i < g.n; i++) {
        char op[2] = {g.s[i].op, '\0'};
        json_obj_begin(w);
        json_kv_str(w, "op", op);
        json_kv_str(w, "text", g.s[i].text);
        kv_line(w, "old_line", g.s[i].old_line);
        kv_line(w, "new_line", g.s[i].new_line);
        if (g.s[i].hunk) {
            json_key(w, "hunk");
            json_bool(w, 1);
        }
        json_obj_end(w);
    }
    json_arr_end(w);
    json_kv_int(w, "words_removed", (long long)p->wd.deleted);
    json_kv_int(w, "words_added", (long long)p->wd.inserted);
    if (g.note)
        json_kv_str(w, "note", g.note);
    diff_segs_free(&g);
}

/* The changed cells of a row (all of them for an added or removed row). */
static void json_cells(json_w *w, const diff_row *o, const diff_row *n)
{
    size_t nc = o && (!n || o->ncells > n->ncells) ? o->ncells : n->ncells;
    json_key(w, "cells");
    json_arr_begin(w);
    for (size_t c = 0; c < nc; c++) {
        const char *x = o && c < o->ncells ? o->cells[c] : NULL;
        const char *y = n && c < n->ncells ? n->cells[c] : NULL;
        if (o && n && !strcmp(c < o->ncells ? o->folded[c] : "", c < n->ncells ? n->folded[c] : ""))
            continue;
        json_obj_begin(w);
        json_kv_int(w, "column", (long long)c + 1);
        json_kv_str(w, "old", x);
        json_kv_str(w, "new", y);
        json_obj_end(w);
    }
    json_arr_end(w);
}

/* The table rows of a changed section that changed (diff_table.h). */
static void json_rows(json_w *w, const diff_view *v, const diff_pair *p)
{
    static const char *const kinds[] = {"same", "changed", "added", "removed"};
    if (!p->rows_changed)
        return;
    json_key(w, "rows");
    json_arr_begin(w);
    for (size_t k = 0; k < p->nrows; k++) {
        const diff_row_pair *rp = &p->rows[k];
        if (rp->kind == DIFF_ROW_SAME)
            continue;
        const diff_row *o = rp->old_r >= 0 ? &v->s.old[p->old_i].rows[rp->old_r] : NULL;
        const diff_row *n = rp->new_r >= 0 ? &v->s.new[p->new_i].rows[rp->new_r] : NULL;
        const diff_row *x = n ? n : o;
        json_break(w);
        json_obj_begin(w);
        json_kv_int(w, "table", x->table + 1);
        json_kv_str(w, "label", x->ncells ? x->cells[0] : "");
        json_kv_str(w, "change", kinds[rp->kind]);
        kv_line(w, "old_line", o ? o->line : 0);
        kv_line(w, "new_line", n ? n->line : 0);
        json_cells(w, o, n);
        json_obj_end(w);
    }
    json_arr_end(w);
}

static void json_finding(json_w *w, const diff_finding *x, const diff_finding *was)
{
    json_obj_begin(w);
    json_kv_str(w, "rule", x->rule);
    json_kv_str(w, "severity", x->severity_name);
    json_kv_str(w, "status", x->status);
    json_kv_str(w, "section", x->section);
    json_kv_str(w, "heading", x->heading);
    json_kv_int(w, "line", x->line);
    json_kv_str(w, "snippet", x->snippet);
    json_kv_str(w, "message", x->message);
    json_kv_str(w, "cite", x->cite);
    json_kv_str(w, "effective", x->effective);
    if (was) {
        json_key(w, "moved_from");
        json_obj_begin(w);
        json_kv_str(w, "section", was->section);
        json_kv_int(w, "line", was->line);
        json_kv_str(w, "snippet", was->snippet);
        json_obj_end(w);
    }
    json_obj_end(w);
}

static void json_findings(json_w *w, const char *name, const diff_finding *list,
                          const size_t *idx, size_t n)
{
    json_key(w, name);
    json_arr_begin(w);
    for (size_t i = 0; i < n; i++)
        json_finding(w, &list[idx[i]], NULL);
    json_arr_end(w);
}

static void kv_bool(json_w *w, const char *key, int v)
{
    json_key(w, key);
    json_bool(w, v);
}

static void json_pair(json_w *w, const diff_view *v, const diff_pair *p)
{
    const diff_result *r = &v->s;
    const diff_side *os = p->old_i >= 0 ? &r->old[p->old_i] : NULL;
    const diff_side *ns = p->new_i >= 0 ? &r->new[p->new_i] : NULL;
    json_break(w);
    json_obj_begin(w);
    if (p->kind == DIFF_RENUMBERED) {
        char sim[32];
        snprintf(sim, sizeof sim, "%.3f", p->similarity);
        json_kv_str(w, "from", os->sec->number);
        json_kv_str(w, "to", ns->sec->number);
        json_kv_str(w, "heading", ns->sec->heading);
        json_key(w, "similarity");
        json_raw(w, sim);
        kv_bool(w, "changed", p->text_changed);
        if (p->text_changed && !v->cmd->sections_only) {
            json_diff(w, v, p);
            json_rows(w, v, p);
        }
    } else {
        const diff_side *s = ns ? ns : os;
        json_kv_str(w, "number", s->sec->number);
        json_kv_str(w, "heading", s->sec->heading);
        if (p->kind == DIFF_CHANGED && !v->cmd->sections_only) {
            json_diff(w, v, p);
            json_rows(w, v, p);
        }
    }
    json_obj_end(w);
}

static void json_sections(json_w *w, const diff_view *v)
{
    const diff_result *r = &v->s;
    json_break(w);
    json_key(w, "sections");
    json_obj_begin(w);
    static const diff_kind order[] = {DIFF_ADDED, DIFF_REMOVED, DIFF_RENUMBERED, DIFF_CHANGED};
    for (size_t o = 0; o < 4; o++) {
        if (o)
            json_break(w);
        json_key(w, diff_kind_name(order[o]));
        json_arr_begin(w);
        for (size_t k = 0; k < r->npairs; k++)
            if (r->pairs[k].kind == order[o])
                json_pair(w, v, &r->pairs[k]);
        json_arr_end(w);
    }
    if (r->renumber_skipped) {
        json_break(w);
        json_kv_str(w, "note", DIFF_RENUMBER_NOTE);
        json_kv_int(w, "renumber_skipped", (long long)r->renumber_skipped);
    }
    json_break(w);
    json_kv_int(w, "unchanged", (long long)r->unchanged);
    json_obj_end(w);
}

/* Compact JSON, a line per part and per section (json.h). */
static void print_json(buf *b, const diff_view *v)
{
    const diff_versions_result *vr = &v->v;
    char d[11];
    json_w w;
    json_init(&w, b, 0);
    json_obj_begin(&w);
    json_kv_tool(&w);
    json_kv_str(&w, "as_of", v->cmd->as_of == DATE_NONE ? "doc" : fmt_date(v->cmd->as_of, d));
    json_doc(&w, "old", v->old_a);
    json_doc(&w, "new", v->new_a);
    if (v->old_p && v->new_p) {
        json_key(&w, "profile");
        json_obj_begin(&w);
        json_key(&w, "old");
        profile_write_json(&w, v->old_p);
        json_key(&w, "new");
        profile_write_json(&w, v->new_p);
        json_obj_end(&w);
    }
    json_break(&w);
    kv_bool(&w, "version_incremented", vr->version_incremented);
    kv_bool(&w, "date_advanced", vr->date_advanced);
    kv_bool(&w, "changelog_entry_added", vr->changelog_entry_added);
    json_key(&w, "changelog_entry");
    if (vr->new_row) {
        json_obj_begin(&w);
        json_kv_str(&w, "version", vr->new_row->version);
        json_kv_str(&w, "date", fmt_date(vr->new_row->date, d));
        json_obj_end(&w);
    } else {
        json_null(&w);
    }
    json_key(&w, "problems");
    json_arr_begin(&w);
    for (size_t i = 0; i < v->nproblems; i++)
        json_str(&w, v->problems[i]);
    json_arr_end(&w);
    json_sections(&w, v);
    json_break(&w);
    kv_bool(&w, "findings_compared", v->findings_compared);
    json_key(&w, "findings");
    json_obj_begin(&w);
    json_findings(&w, "introduced", v->fnew, v->fd.introduced, v->fd.nintroduced);
    json_findings(&w, "resolved", v->fold, v->fd.resolved, v->fd.nresolved);
    json_key(&w, "persisting");
    json_arr_begin(&w);
    for (size_t i = 0; i < v->fd.npersisting; i++)
        json_finding(&w, &v->fnew[v->fd.persisting[i]],
                     v->fd.moved[i] ? &v->fold[v->fd.persisting_old[i]] : NULL);
    json_arr_end(&w);
    json_obj_end(&w);
    json_obj_end(&w);
    buf_putc(b, '\n');
}

/* ---- HTML (diff_html.c) ---------------------------------------------------- */

static void print_html(buf *b, const diff_view *v)
{
    char d[11];
    diff_html_view hv = {outcome(v), v->cmd->as_of == DATE_NONE ? "each document's own date"
                                                    : fmt_date(v->cmd->as_of, d)};
    diff_html(b, &hv);
}

/* ---- findings: the check engine on both versions -------------------------- */

typedef struct checked {
    check_result res;
    int ran;
    diff_finding *f;      /* views of res.f */
    char (*eff)[11];      /* effective dates as text, per finding */
    size_t n;
    doc_profile prof;     /* valid when ran */
} checked;

static void checked_free(checked *c)
{
    if (c->ran) {
        check_result_free(&c->res);
        profile_free(&c->prof);
    }
    free(c->f);
    free(c->eff);
    memset(c, 0, sizeof *c);
}

/* Run the rules on a as of as_of (DATE_NONE: the document's date, else
 * today) and expose the findings as diff_findings. */
static int run_checks(const ruleset *rs, matcher *m, const outline_spec *spec, analysis *a,
                      cps_date as_of, const cli_profile *force, checked *c, cli_env *env,
                      cps_err *e)
{
    memset(c, 0, sizeof *c);
    if (as_of == DATE_NONE) {
        as_of = a->meta.date;
        if (as_of == DATE_NONE) {
            as_of = date_today();
            cli_warn(env, "%s: no document date found; --as-of doc uses today", a->d.file);
        }
    }
    profile_detect(a, &c->prof);
    profile_force(&c->prof, force->kind, force->scopes);
    check_input in = {a, NULL, as_of, spec, &c->prof};
    int rc = check_run(rs, &in, m, &c->res, e);
    if (rc) {
        profile_free(&c->prof);
        return rc;
    }
    c->ran = 1;
    c->n = c->res.nf;
    c->f = xcalloc(c->n + 1, sizeof *c->f);
    c->eff = xcalloc(c->n + 1, sizeof *c->eff);
    for (size_t i = 0; i < c->n; i++) {
        const finding *x = &c->res.f[i];
        diff_finding *d = &c->f[i];
        d->rule = x->rule->id;
        d->section = x->section;
        d->match = x->match;
        d->severity = (int)x->severity;
        d->severity_name = rule_severity_name(x->severity);
        d->status = check_status_name(x->status);
        d->heading = x->heading;
        d->snippet = x->snippet;
        d->message = x->message;
        d->cite = x->rule->cite;
        date_format(x->rule->effective, c->eff[i]);
        d->effective = c->eff[i][0] ? c->eff[i] : NULL;
        d->line = x->line;
        d->mark_start = x->mark_start;
        d->mark_end = x->mark_end;
    }
    for (size_t k = 0; k < c->res.nitems; k++)
        if (c->res.items[k].status == ST_ERROR)
            return cps_err_set(e, CPS_E_LIMIT, a->d.file, 0, "rule %s could not run: %s",
                               c->res.items[k].rule->id,
                               c->res.items[k].note ? c->res.items[k].note : "");
    return 0;
}

/* ---- the command --------------------------------------------------------- */

/* A decimal number in [lo, hi] into *out: 0, or -1 (not one). */
static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (end == s || *end || n < lo || n > hi)
        return -1;
    *out = (int)n;
    return 0;
}

/* Colour and width once the options are known: colour as every command
 * decides it (cli_use_color; auto: the text format on a terminal, never a
 * file written with -o), the terminal's width or 100 columns. */
static void resolve_tty(diff_cmd *cmd, cli_env *env)
{
    int tty = !cmd->output && isatty(fileno(env->out));
    cmd->color = cli_use_color(cmd->color, tty && cmd->fmt == FMT_TEXT);
    if (!cmd->width) {
        struct winsize ws;
        cmd->width = 100;
        if (tty && ioctl(fileno(env->out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
            cmd->width = ws.ws_col;
    }
}

/* -o must be none of the inputs (documents, rulesets). */
static int refuse_clash(cli_env *env, const diff_cmd *cmd)
{
    const char *v[CLI_MAX_RULESETS + 2];
    size_t k = 0;
    v[k++] = cmd->old_path;
    v[k++] = cmd->new_path;
    for (size_t i = 0; i < cmd->sel.nrulesets; i++)
        v[k++] = cmd->sel.rulesets[i];
    cps_err e;
    cps_err_clear(&e);
    return outfile_clashes(cmd->output, v, k, &e) ? cli_fail(env, "%s", e.msg) : 0;
}

/* The report to -o (atomically) or standard output. */
static int write_report(cli_env *env, const diff_cmd *cmd, const buf *b)
{
    if (!cmd->output) {
        fwrite(buf_cstr(b), 1, b->len, env->out);
        return 0;
    }
    cps_err e;
    cps_err_clear(&e);
    if (outfile_write_all(cmd->output, buf_cstr(b), b->len, &e))
        return cli_fail(env, "%s", e.msg);
    return 0;
}

static const struct option diff_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"context", required_argument, NULL, 'C'},
    {"sections-only", no_argument, NULL, 's'},
    {"fail-on", required_argument, NULL, 'F'},
    {"as-of", required_argument, NULL, 'a'},
    {"max-size", required_argument, NULL, 'm'},
    {"max-memory", required_argument, NULL, 'M'},
    {"kind", required_argument, NULL, 'K'},
    {"scope", required_argument, NULL, 'S'},
    {"keep-chrome", no_argument, NULL, 'k'},
    {"pdf-timeout", required_argument, NULL, 't'},
    {"input-format", required_argument, NULL, 'I'},
    {"ruleset", required_argument, NULL, 'r'},
    {"only-ruleset", required_argument, NULL, 'O'},
    {"disable", required_argument, NULL, 'D'},
    {"enable", required_argument, NULL, 'E'},
    {"output", required_argument, NULL, 'o'},
    {"color", required_argument, NULL, 'c'},
    {"colour", required_argument, NULL, 'c'},
    {"width", required_argument, NULL, 'w'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Options into *cmd and *aopts: 0, -1 after --help, or EXIT_TROUBLE. */
static int parse_diff_args(int argc, char **argv, cli_env *env, diff_cmd *cmd,
                           analysis_opts *aopts)
{
    int c;
    while ((c = getopt_long(argc, argv, ":ho:", diff_options, NULL)) != -1) {
        if (cli_value_missing(env, "diff", diff_options, c, optarg))
            return EXIT_TROUBLE;
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "text"))
                cmd->fmt = FMT_TEXT;
            else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
                cmd->fmt = FMT_MARKDOWN;
            else if (!strcmp(optarg, "json"))
                cmd->fmt = FMT_JSON;
            else if (!strcmp(optarg, "html"))
                cmd->fmt = FMT_HTML;
            else
                return cli_fail(env, "diff: unknown format '%s' (text, markdown, json or html)",
                                optarg);
            break;
        case 'C':
            if (parse_int(optarg, 0, 1000000, &cmd->context))
                return cli_fail(env, "diff: invalid --context '%s' (a number of sentences)",
                                optarg);
            break;
        case 's':
            cmd->sections_only = 1;
            break;
        case 'o':
            cmd->output = optarg;
            break;
        case 'c':
            if ((cmd->color = cli_parse_color(optarg)) == -2)
                return cli_fail(env, "diff: invalid --color '%s' (auto, always or never)", optarg);
            break;
        case 'w':
            if (parse_int(optarg, 20, 100000, &cmd->width))
                return cli_fail(env, "diff: invalid --width '%s' (a number of columns, 20 or more)",
                                optarg);
            break;
        case 'F':
            if ((cmd->fail_on = cli_parse_severity(optarg, 1)) < 0)
                return cli_fail(env, "diff: invalid --fail-on '%s' (error, warning, notice, never)",
                                optarg);
            break;
        case 'a':
            switch (cli_parse_as_of(env, "diff", optarg, 1, &cmd->as_of)) {
            case -1: return EXIT_TROUBLE;
            case 1: cmd->as_of = DATE_NONE; break; /* doc */
            }
            break;
        case 'm':
            if (cli_parse_size(optarg, &aopts->max_size))
                return cli_fail(env, "diff: invalid --max-size '%s'", optarg);
            break;
        case 'k':
            aopts->keep_chrome = 1;
            break;
        case 'M':
            if (cli_parse_size(optarg, &aopts->max_memory) || !aopts->max_memory)
                return cli_fail(env, "diff: invalid --max-memory '%s'", optarg);
            break;
        case 'K':
        case 'S':
            if (cli_profile_add(env, "diff", &cmd->force, c, optarg))
                return EXIT_TROUBLE;
            break;
        case 't':
            if (cli_parse_pdf_timeout(env, "diff", optarg, &aopts->pdf_timeout))
                return EXIT_TROUBLE;
            break;
        case 'I':
            if (cli_parse_input_format(env, "diff", optarg, &aopts->force))
                return EXIT_TROUBLE;
            break;
        case 'r': case 'O': case 'D': case 'E': /* lower case: cli_rules_add's r, o, d, e */
            if (cli_rules_add(env, &cmd->sel, c | 0x20, optarg))
                return EXIT_TROUBLE;
            break;
        case 'h':
            cli_put_usage(env->out, diff_usage, strlen(diff_usage));
            return -1;
        default:
            return cli_option_error(env, "diff", c, argv);
        }
    }
    if (optind != argc - 2)
        return cli_fail(env, "diff: give two files, OLD and NEW (try 'cpslint diff --help')");
    cmd->old_path = argv[optind];
    cmd->new_path = argv[optind + 1];
    if (!strcmp(cmd->old_path, "-") && !strcmp(cmd->new_path, "-"))
        return cli_fail(env, "diff: only one of OLD and NEW can be standard input");
    if (cmd->output && refuse_clash(env, cmd))
        return EXIT_TROUBLE;
    resolve_tty(cmd, env);
    return 0;
}

int cmd_diff(int argc, char **argv, cli_env *env)
{
    diff_cmd cmd;
    memset(&cmd, 0, sizeof cmd);
    cmd.force.kind = -1;
    cmd.fmt = FMT_TEXT;
    cmd.context = 1;
    cmd.fail_on = SEV_ERROR;
    cmd.as_of = date_today();
    cmd.color = -1;
    analysis_opts aopts = {0};
    int prc = parse_diff_args(argc, argv, env, &cmd, &aopts);
    if (prc)
        return prc < 0 ? EXIT_CLEAN : prc;
    cps_err e;
    cps_err_clear(&e);
    outline_spec spec;
    ruleset rs;
    if (cli_load(env, &cmd.sel, &spec, &rs))
        return EXIT_TROUBLE;
    matcher m;
    memset(&m, 0, sizeof m);
    int rc = matcher_init(&m, 0, 0, 0, &e);
    if (rc) {
        matcher_free(&m);
        ruleset_free(&rs);
        outline_spec_free(&spec);
        return cli_fail(env, "%s", e.msg);
    }
    analysis old_a, new_a;
    if (analysis_run(cmd.old_path, &spec, &aopts, &old_a, &e)) {
        matcher_free(&m);
        ruleset_free(&rs);
        outline_spec_free(&spec);
        return cli_fail(env, "%s", e.msg);
    }
    if (analysis_run(cmd.new_path, &spec, &aopts, &new_a, &e)) {
        analysis_free(&old_a);
        matcher_free(&m);
        ruleset_free(&rs);
        outline_spec_free(&spec);
        return cli_fail(env, "%s", e.msg);
    }

    diff_view v;
    memset(&v, 0, sizeof v);
    v.cmd = &cmd;
    v.old_a = &old_a;
    v.new_a = &new_a;
    diff_versions(&old_a.meta, &new_a.meta, &v.v);
    rc = diff_sections(&old_a, &new_a, NULL, &v.s, &e);
    checked co, cn;
    memset(&co, 0, sizeof co);
    memset(&cn, 0, sizeof cn);
    if (!rc)
        rc = run_checks(&rs, &m, &spec, &old_a, cmd.as_of, &cmd.force, &co, env, &e);
    if (!rc)
        rc = run_checks(&rs, &m, &spec, &new_a, cmd.as_of, &cmd.force, &cn, env, &e);
    if (!rc) {
        v.old_p = &co.prof;
        v.new_p = &cn.prof;
    }
    if (!rc) {
        v.findings_compared = 1;
        v.fold = co.f;
        v.nfold = co.n;
        v.fnew = cn.f;
        v.nfnew = cn.n;
        rc = diff_findings(v.fold, v.nfold, v.fnew, v.nfnew, &v.s, &v.fd, &e);
    }
    if (!rc) /* ICU failed in a lazy build: not a diff of the whole texts */
        rc = analysis_failed(&old_a, &e) ? e.code : analysis_failed(&new_a, &e);
    int status = EXIT_CLEAN;
    if (!rc) {
        if (!v.v.version_incremented)
            v.problems[v.nproblems++] =
                v.v.version_cmp == 2 ? "version number not found in OLD or NEW"
                                     : "version number not incremented";
        if (!v.v.date_advanced)
            v.problems[v.nproblems++] =
                v.v.old_date == DATE_NONE || v.v.new_date == DATE_NONE
                    ? "effective date not found in OLD or NEW"
                    : "effective date not moved forward";
        if (!v.v.changelog_entry_added)
            v.problems[v.nproblems++] = "no new dated row in the revision table";
        if (!cmd.fail_on)
            v.nproblems = 0;
        int introduced_fail = 0;
        for (size_t i = 0; i < v.fd.nintroduced; i++)
            introduced_fail |= finding_fails(&v, &v.fnew[v.fd.introduced[i]]);
        if (introduced_fail)
            v.problems[v.nproblems++] = "the new version introduces findings at or above --fail-on";
        buf out = BUF_INIT;
        if (cmd.fmt == FMT_JSON)
            print_json(&out, &v);
        else if (cmd.fmt == FMT_HTML)
            print_html(&out, &v);
        else
            print_text(&out, &v, cmd.fmt == FMT_MARKDOWN);
        status = write_report(env, &cmd, &out);
        if (!status)
            status = v.nproblems ? EXIT_FINDINGS : EXIT_CLEAN;
        buf_free(&out);
    }
    diff_findings_free(&v.fd);
    diff_result_free(&v.s);
    checked_free(&co);
    checked_free(&cn);
    analysis_free(&new_a);
    analysis_free(&old_a);
    matcher_free(&m);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    if (rc)
        return cli_fail(env, "%s", e.msg);
    /* A failed write to standard output is reported (exit 2, with the
     * reason) by cpslint_main for every command. */
    return status;
}

/* cmd_diff.c — `cpslint diff OLD NEW`: what changed between two versions of
 * a CP/CPS (version, date and revision table; sections; findings), as text,
 * Markdown or JSON. The comparison itself is diff.h; this file parses the
 * command line and renders. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"
#include "cli_util.h"
#include "json.h"
#include "data.h"
#include "diff.h"
#include "diff_html.h"
#include "profile.h"
#include "escape.h"
#include "match.h"
#include "ruleset.h"

static const char diff_usage[] =
    "Usage: cpslint diff [options] OLD NEW\n"
    "Compare two versions of a CP/CPS (HTML, XHTML, Markdown or PDF; - for stdin):\n"
    "  1. version and effective date: was the version incremented, the date moved\n"
    "     forward and a dated row added to the revision table (Mozilla Root Store\n"
    "     Policy 3.3, BR 2.3); each one missing is a failure;\n"
    "  2. sections added, removed, renumbered and changed, with a word diff of the\n"
    "     changed ones ([-removed-] {+added+}); typography, NBSP and line wrapping\n"
    "     are not changes; unchanged sections are counted;\n"
    "  3. the findings of `cpslint check` on both versions, split into introduced\n"
    "     (only in NEW), resolved (only in OLD) and persisting, matched by rule,\n"
    "     section (following renumbering) and matched text.\n"
    "\n"
    "  --format FMT      text (default), markdown, json or html\n"
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
    "  --ruleset NAME    cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH (repeatable;\n"
    "                    default: every installed ruleset)\n"
    "  --disable ID      disable a rule, or a family by prefix (repeatable)\n"
    "  --enable ID       enable a rule disabled by default (repeatable)\n"
    "  --max-size N      refuse input larger than N bytes (suffix K, M, G; default 64M)\n"
    "  --keep-chrome     read nav, header, footer and aside elements too\n"
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

/* ---- word diff segments with context ---------------------------------- */

typedef struct seg {
    char op;        /* '=', '-', '+' */
    char *text;
} seg;

typedef struct segs {
    seg *s;
    size_t n, cap;
    const char *note; /* static text, or NULL */
} segs;

static void seg_push(segs *g, char op, char *text)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 8;
        g->s = xrealloc(g->s, g->cap * sizeof *g->s);
    }
    g->s[g->n++] = (seg){op, text};
}

static void segs_free(segs *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->s[i].text);
    free(g->s);
    memset(g, 0, sizeof *g);
}

#define GAVE_UP_WORDS 120

/* Text of a DEL/INS run; shortened when the diff gave up (whole sections). */
static char *change_text(const wdiff_text *t, size_t w0, size_t w1, int gave_up)
{
    if (gave_up && w1 - w0 > GAVE_UP_WORDS) {
        char *head = wdiff_words_text(t, w0, w0 + GAVE_UP_WORDS);
        buf b = BUF_INIT;
        buf_printf(&b, "%s … (%zu more words)", head, w1 - w0 - GAVE_UP_WORDS);
        free(head);
        return buf_detach(&b);
    }
    return wdiff_words_text(t, w0, w1);
}

static void build_segs(const diff_result *r, const diff_pair *p, int context, segs *g)
{
    memset(g, 0, sizeof *g);
    const wdiff_text *a = &r->old[p->old_i].text, *b = &r->new[p->new_i].text;
    const wdiff_result *w = &p->wd;
    if (w->gave_up)
        g->note = "too different for a word diff: the differing part is shown as replaced";
    size_t ctx = context < 0 ? (size_t)-1 / 2 : (size_t)context;
    const char *heading = r->new[p->new_i].sec->heading;
    size_t hlen = heading ? strlen(heading) : 0, heading_words = 0;
    while (heading_words < b->n && b->w[heading_words].dend <= hlen)
        heading_words++;
    for (size_t k = 0; k < w->n; k++) {
        const wdiff_op *o = &w->ops[k];
        if (o->op == WDIFF_DEL) {
            seg_push(g, '-', change_text(a, o->a0, o->a1, w->gave_up));
            continue;
        }
        if (o->op == WDIFF_INS) {
            seg_push(g, '+', change_text(b, o->b0, o->b1, w->gave_up));
            continue;
        }
        size_t b0 = o->b0, b1 = o->b1;
        int before = k > 0, after = k + 1 < w->n;
        /* head: the rest of the sentence the previous change is in, then ctx sentences */
        size_t head_end = b0;
        if (before) {
            const wdiff_op *q = &w->ops[k - 1];
            size_t count = 0;
            if (q->op == WDIFF_INS ? wdiff_word_ends_sentence(b, q->b1 - 1)
                                   : wdiff_word_ends_sentence(a, q->a1 - 1))
                count = 1;
            if (count > ctx) {
                head_end = b0;
            } else {
                for (size_t i = b0; i < b1; i++) {
                    head_end = i + 1;
                    if (wdiff_word_ends_sentence(b, i) && ++count > ctx)
                        break;
                }
            }
        }
        /* tail: ctx sentences before the sentence the next change is in */
        size_t tail_start = b1;
        if (after) {
            size_t count = 0;
            for (size_t i = b1; i-- > b0;) {
                if (wdiff_word_ends_sentence(b, i) && count++ == ctx)
                    break;
                tail_start = i;
            }
            /* the heading is printed above the diff: not as context again */
            if (!before && tail_start < heading_words && heading_words <= b1)
                tail_start = heading_words;
        }
        buf t = BUF_INIT;
        if (!before && !after) {
            char *x = wdiff_words_text(b, b0, b1);
            buf_puts(&t, x);
            free(x);
        } else if (before && after && head_end >= tail_start) {
            char *x = wdiff_words_text(b, b0, b1);
            buf_puts(&t, x);
            free(x);
        } else {
            if (before) {
                char *x = wdiff_words_text(b, b0, head_end);
                buf_puts(&t, x);
                free(x);
            }
            size_t gap_from = before ? head_end : b0, gap_to = after ? tail_start : b1;
            if (gap_to > gap_from)
                buf_puts(&t, t.len ? " …" : "…");
            if (after && tail_start < b1) {
                char *x = wdiff_words_text(b, tail_start, b1);
                if (t.len)
                    buf_putc(&t, ' ');
                buf_puts(&t, x);
                free(x);
            }
        }
        seg_push(g, '=', t.ptr ? buf_detach(&t) : xstrdup(""));
    }
}

/* ---- helpers ------------------------------------------------------------ */

static const char *sec_heading(const diff_side *s)
{
    return s->sec->heading ? s->sec->heading : "";
}


static const char *fmt_date(cps_date d, char out[11])
{
    date_format(d, out);
    return out[0] ? out : NULL;
}

static int finding_fails(const diff_view *v, const diff_finding *f)
{
    return v->cmd->fail_on && f->severity >= v->cmd->fail_on;
}

/* ---- text and Markdown ---------------------------------------------------- */

/* Document text and names, escaped for where they go (escape.h): Markdown
 * structure or terminal controls in a file name or heading stay text. */
static void put(FILE *f, const char *s, int md)
{
    buf b = BUF_INIT;
    if (md)
        esc_md(&b, s);
    else
        esc_text(&b, s);
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

/* A file name: a code span in Markdown when it can be one. */
static void put_name(FILE *f, const char *s, int md)
{
    buf b = BUF_INIT;
    if (md)
        esc_md_code(&b, s);
    else
        esc_text(&b, s);
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

static void print_segs_text(FILE *f, const segs *g, int md)
{
    fputs(md ? "> " : "    ", f);
    for (size_t i = 0; i < g->n; i++) {
        if (i)
            fputc(' ', f);
        const char *t = g->s[i].text;
        if (!md) {
            fputs(g->s[i].op == '=' ? "" : g->s[i].op == '-' ? "[-" : "{+", f);
            put(f, t, 0);
            fputs(g->s[i].op == '=' ? "" : g->s[i].op == '-' ? "-]" : "+}", f);
            continue;
        }
        const char *mark = g->s[i].op == '=' ? "" : g->s[i].op == '-' ? "~~" : "**";
        fputs(mark, f);
        put(f, t, 1);
        fputs(mark, f);
    }
    fputc('\n', f);
    if (g->note)
        fprintf(f, md ? ">\n> *(%s)*\n" : "    (%s)\n", g->note);
}

#define RENUMBER_NOTE "too many similar sections to search them all for renumbering: " \
                      "old sections not compared, which may show as removed"

static void print_section_list(FILE *f, const diff_view *v, int md)
{
    const diff_result *r = &v->s;
    fprintf(f, md ? "## Sections\n\n%zu changed, %zu added, %zu removed, %zu renumbered, "
                    "%zu unchanged\n\n"
                  : "sections: %zu changed, %zu added, %zu removed, %zu renumbered, "
                    "%zu unchanged\n",
            r->changed, r->added, r->removed, r->renumbered, r->unchanged);
    if (r->renumber_skipped)
        fprintf(f, md ? "*(%s: %zu)*\n\n" : "  (%s: %zu)\n", RENUMBER_NOTE, r->renumber_skipped);
    for (size_t k = 0; k < r->npairs; k++) {
        const diff_pair *p = &r->pairs[k];
        if (p->kind == DIFF_UNCHANGED)
            continue;
        const diff_side *o = p->old_i >= 0 ? &r->old[p->old_i] : NULL;
        const diff_side *n = p->new_i >= 0 ? &r->new[p->new_i] : NULL;
        const diff_side *s = n ? n : o;
        char num[2 * OUTLINE_NUM_MAX + 8];
        if (p->kind == DIFF_RENUMBERED)
            snprintf(num, sizeof num, "%s -> %s", o->sec->number, n->sec->number);
        else
            snprintf(num, sizeof num, "%s", s->sec->number);
        const char *extra = p->kind == DIFF_RENUMBERED && p->text_changed ? " (text changed)" : "";
        if (md)
            fprintf(f, "- %s **%s** ", diff_kind_name(p->kind), num);
        else
            fprintf(f, "  %-11s %-18s ", diff_kind_name(p->kind), num);
        put(f, sec_heading(s), md);
        fprintf(f, "%s\n", extra);
    }
}

static void print_finding_text(FILE *f, const diff_finding *x, int md)
{
    fputs(md ? "- " : "  ", f);
    if (md)
        put_name(f, x->rule, 1);
    else
        put(f, x->rule, 0);
    fprintf(f, md ? " %s, section " : " [%s] section ", x->severity_name ? x->severity_name : "?");
    put(f, x->section && *x->section ? x->section : "(document)", md);
    if (x->heading) {
        fputc(' ', f);
        put(f, x->heading, md);
    }
    fputs(": ", f);
    put(f, x->message ? x->message : (x->snippet ? x->snippet : ""), md);
    fputc('\n', f);
}

/* "LABEL: FILE  version V, date D" (text) or a table row (Markdown). */
static void print_doc_line(FILE *f, const char *label, const char *file, const char *ver,
                           const char *date, int md)
{
    fprintf(f, md ? "| %s | " : "%s: ", label);
    put_name(f, file, md);
    fputs(md ? " | " : "  version ", f);
    put(f, ver, md);
    fputs(md ? " | " : ", date ", f);
    fputs(date ? date : "unknown", f);
    fputs(md ? " |\n" : "\n", f);
}

static void print_text(FILE *f, const diff_view *v, int md)
{
    const diff_cmd *c = v->cmd;
    const diff_versions_result *vr = &v->v;
    char d1[11], d2[11];
    if (c->sections_only) {
        print_section_list(f, v, md);
        return;
    }
    const char *ov = vr->old_version ? vr->old_version : "unknown";
    const char *nv = vr->new_version ? vr->new_version : "unknown";
    const char *od = fmt_date(vr->old_date, d1), *nd = fmt_date(vr->new_date, d2);
    if (md) {
        fprintf(f, "# cpslint diff\n\n| | file | version | date |\n|---|---|---|---|\n");
    }
    print_doc_line(f, "old", v->old_a->d.file, ov, od, md);
    print_doc_line(f, "new", v->new_a->d.file, nv, nd, md);
    fputc('\n', f);
    if (md)
        fputs("## Version, date, revision table\n\n", f);
    const char *li = md ? "- " : "";
    if (v->old_p && v->new_p) {
        char po[96], pn[96];
        profile_summary(v->old_p, po, sizeof po);
        profile_summary(v->new_p, pn, sizeof pn);
        fprintf(f, "%sprofile: old %s, new %s%s\n", li, po, pn,
                strcmp(po, pn) ? " (CHANGED: rules may apply differently)" : "");
    }
    fprintf(f, "%sversion ", li);
    put(f, ov, md);
    fputs(" -> ", f);
    put(f, nv, md);
    fprintf(f, ": %s\n",
            vr->version_incremented ? "incremented"
            : vr->version_cmp == 2  ? "NOT CHECKED (version not found)"
            : vr->version_cmp == 0  ? "NOT INCREMENTED (same version)"
                                    : "NOT INCREMENTED (lower version)");
    fprintf(f, "%sdate %s -> %s: %s\n", li, od ? od : "unknown", nd ? nd : "unknown",
            vr->date_advanced                                ? "advanced"
            : vr->old_date == DATE_NONE || vr->new_date == DATE_NONE ? "NOT CHECKED (date not found)"
                                                                     : "NOT ADVANCED");
    if (vr->new_row) {
        char d3[11];
        fprintf(f, "%srevision table: new row ", li);
        put(f, vr->new_row->version ? vr->new_row->version : "", md);
        fprintf(f, "%s%s: added\n", vr->new_row->version ? ", " : "",
                fmt_date(vr->new_row->date, d3));
    } else {
        fprintf(f, "%srevision table: %s\n", li,
                vr->new_has_table ? "NO NEW DATED ROW"
                                  : "NOT FOUND in the new version (no new dated row)");
    }
    fputc('\n', f);
    print_section_list(f, v, md);
    const diff_result *r = &v->s;
    for (size_t k = 0; k < r->npairs; k++) {
        const diff_pair *p = &r->pairs[k];
        if (!p->text_changed)
            continue;
        const diff_side *n = &r->new[p->new_i];
        if (p->kind == DIFF_RENUMBERED)
            fprintf(f, md ? "\n### %s -> %s " : "\nchanged %s -> %s ",
                    r->old[p->old_i].sec->number, n->sec->number);
        else
            fprintf(f, md ? "\n### %s " : "\nchanged %s ", n->sec->number);
        put(f, sec_heading(n), md);
        fputs(md ? "\n\n" : "\n", f);
        segs g;
        build_segs(r, p, c->context, &g);
        print_segs_text(f, &g, md);
        segs_free(&g);
    }
    fputs(md ? "\n## Findings\n\n" : "\nfindings: ", f);
    if (!v->findings_compared) {
        fputs("not compared (this build has no check engine yet)\n", f);
    } else {
        fprintf(f, md ? "%zu introduced, %zu resolved, %zu persisting\n\n"
                      : "%zu introduced, %zu resolved, %zu persisting\n",
                v->fd.nintroduced, v->fd.nresolved, v->fd.npersisting);
        if (v->fd.nintroduced)
            fputs(md ? "### Introduced\n\n" : "introduced:\n", f);
        for (size_t i = 0; i < v->fd.nintroduced; i++)
            print_finding_text(f, &v->fnew[v->fd.introduced[i]], md);
        if (v->fd.nresolved)
            fputs(md ? "\n### Resolved\n\n" : "resolved:\n", f);
        for (size_t i = 0; i < v->fd.nresolved; i++)
            print_finding_text(f, &v->fold[v->fd.resolved[i]], md);
    }
    fputc('\n', f);
    if (v->nproblems) {
        fputs(md ? "**Result: FAIL**\n\n" : "result: FAIL\n", f);
        for (size_t i = 0; i < v->nproblems; i++)
            fprintf(f, "%s%s\n", md ? "- " : "  ", v->problems[i]);
    } else {
        fputs(md ? "**Result: pass**\n" : "result: pass\n", f);
    }
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

static void json_diff(json_w *w, const diff_view *v, const diff_pair *p)
{
    segs g;
    build_segs(&v->s, p, v->cmd->context, &g);
    json_key(w, "diff");
    json_arr_begin(w);
    for (size_t i = 0; i < g.n; i++) {
        char op[2] = {g.s[i].op, '\0'};
        json_obj_begin(w);
        json_kv_str(w, "op", op);
        json_kv_str(w, "text", g.s[i].text);
        json_obj_end(w);
    }
    json_arr_end(w);
    json_kv_int(w, "words_removed", (long long)p->wd.deleted);
    json_kv_int(w, "words_added", (long long)p->wd.inserted);
    if (g.note)
        json_kv_str(w, "note", g.note);
    segs_free(&g);
}

static void json_finding(json_w *w, const diff_finding *x)
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
    json_obj_end(w);
}

static void json_findings(json_w *w, const char *name, const diff_finding *list,
                          const size_t *idx, size_t n)
{
    json_key(w, name);
    json_arr_begin(w);
    for (size_t i = 0; i < n; i++)
        json_finding(w, &list[idx[i]]);
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
        if (p->text_changed && !v->cmd->sections_only)
            json_diff(w, v, p);
    } else {
        const diff_side *s = ns ? ns : os;
        json_kv_str(w, "number", s->sec->number);
        json_kv_str(w, "heading", s->sec->heading);
        if (p->kind == DIFF_CHANGED && !v->cmd->sections_only)
            json_diff(w, v, p);
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
        json_kv_str(w, "note", RENUMBER_NOTE);
        json_kv_int(w, "renumber_skipped", (long long)r->renumber_skipped);
    }
    json_break(w);
    json_kv_int(w, "unchanged", (long long)r->unchanged);
    json_obj_end(w);
}

/* Compact JSON, a line per part and per section (json.h). */
static void print_json(FILE *f, const diff_view *v)
{
    const diff_versions_result *vr = &v->v;
    char d[11];
    buf b = BUF_INIT;
    json_w w;
    json_init(&w, &b, 0);
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
    json_findings(&w, "persisting", v->fnew, v->fd.persisting, v->fd.npersisting);
    json_obj_end(&w);
    json_obj_end(&w);
    buf_putc(&b, '\n');
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

/* ---- HTML (diff_html.c) ---------------------------------------------------- */

static void print_html(FILE *f, const diff_view *v)
{
    char d[11];
    diff_html_view hv = {v->old_a, v->new_a, &v->v, &v->s, v->fold, v->fnew, v->nfold, v->nfnew,
                         v->findings_compared ? &v->fd : NULL, v->problems, v->nproblems,
                         v->cmd->as_of == DATE_NONE ? "each document's own date"
                                                    : fmt_date(v->cmd->as_of, d)};
    buf b = BUF_INIT;
    diff_html(&b, &hv);
    fwrite(buf_cstr(&b), 1, b.len, f);
    buf_free(&b);
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
    }
    for (size_t k = 0; k < c->res.nitems; k++)
        if (c->res.items[k].status == ST_ERROR)
            return cps_err_set(e, CPS_E_LIMIT, a->d.file, 0, "rule %s could not run: %s",
                               c->res.items[k].rule->id,
                               c->res.items[k].note ? c->res.items[k].note : "");
    return 0;
}

/* ---- the command --------------------------------------------------------- */

/* Options into *cmd and *aopts: 0, -1 after --help, or EXIT_TROUBLE. */
static int parse_diff_args(int argc, char **argv, cli_env *env, diff_cmd *cmd,
                           analysis_opts *aopts)
{
    static const struct option opts[] = {
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
        {"ruleset", required_argument, NULL, 'r'},
        {"disable", required_argument, NULL, 'D'},
        {"enable", required_argument, NULL, 'E'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
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
        case 'C': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (end == optarg || *end || n < 0 || n > 1000000)
                return cli_fail(env, "diff: invalid --context '%s' (a number of sentences)",
                                optarg);
            cmd->context = (int)n;
            break;
        }
        case 's':
            cmd->sections_only = 1;
            break;
        case 'F':
            if ((cmd->fail_on = cli_parse_severity(optarg, 1)) < 0)
                return cli_fail(env, "diff: invalid --fail-on '%s' (error, warning, notice, never)",
                                optarg);
            break;
        case 'a':
            if (!strcmp(optarg, "doc") || !strcmp(optarg, "document"))
                cmd->as_of = DATE_NONE;
            else if (!strcmp(optarg, "today") || !strcmp(optarg, "now"))
                cmd->as_of = date_today();
            else if ((cmd->as_of = date_parse_iso(optarg)) == DATE_NONE)
                return cli_fail(env, "diff: invalid --as-of '%s' (YYYY-MM-DD, doc or today)", optarg);
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
        case 'r':
        case 'D':
        case 'E':
            if (cli_rules_add(env, &cmd->sel, c == 'r' ? 'r' : c == 'E' ? 'e' : 'd', optarg))
                return EXIT_TROUBLE;
            break;
        case 'h':
            fputs(diff_usage, env->out);
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
        if (cmd.fmt == FMT_JSON)
            print_json(env->out, &v);
        else if (cmd.fmt == FMT_HTML)
            print_html(env->out, &v);
        else
            print_text(env->out, &v, cmd.fmt == FMT_MARKDOWN);
        status = v.nproblems ? EXIT_FINDINGS : EXIT_CLEAN;
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

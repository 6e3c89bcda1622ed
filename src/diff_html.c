/* diff_html.c — the diff of two versions as one HTML page (diff_html.h). */
#include "diff_html.h"

#include <stdlib.h>
#include <string.h>

#include "diff_render.h"
#include "html_out.h"
#include "sha256.h"

static const char style[] =
    ":root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--mut:#5c5c5c;--line:#d0d0d0;"
    "--del:#ffd7d5;--ins:#ccf2d4;--bad:#a4000f;--good:#1e6b2f}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--mut:#a8a8a8;"
    "--line:#444;--del:#5c1f1c;--ins:#1d4d29;--bad:#ff7b86;--good:#7bd88f}}"
    "body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);"
    "margin:0 auto;max-width:70rem;padding:0 1.5rem}"
    "h1{font-size:1.4rem}h2{font-size:1.2rem;border-bottom:1px solid var(--line)}"
    "h3{font-size:1rem;margin:1.2rem 0 .3rem}"
    "table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.25rem .5rem;"
    "text-align:left;vertical-align:top;overflow-wrap:anywhere}"
    ".redline{overflow-wrap:anywhere;unicode-bidi:isolate;white-space:pre-wrap}"
    "del{background:var(--del);text-decoration:line-through}"
    "ins{background:var(--ins);text-decoration:underline}"
    "del::before{content:'[-'}del::after{content:'-]'}"
    "ins::before{content:'{+'}ins::after{content:'+}'}"
    "del::before,del::after,ins::before,ins::after{font-size:.75em;color:var(--mut)}"
    ".kind{font-weight:bold;text-transform:uppercase;font-size:.8em;margin-right:.4em}"
    ".bad{color:var(--bad);font-weight:bold}.good{color:var(--good);font-weight:bold}"
    ".mut{color:var(--mut)}.ctl{border:1px dashed var(--bad);font-size:.8em}"
    ".unch{margin:0;font-size:.85em}:target{outline:3px solid var(--mut)}"
    "@media print{body{max-width:none}}";

/* The words w0..w1 of t as escaped text. */
static void words(buf *b, const wdiff_text *t, size_t w0, size_t w1)
{
    if (w1 <= w0)
        return;
    char *x = wdiff_words_text(t, w0, w1);
    html_cstr(b, x);
    free(x);
}

static void redline(buf *b, const diff_result *r, const diff_pair *p)
{
    const wdiff_text *a = diff_side_prose(&r->old[p->old_i]);
    const wdiff_text *n = diff_side_prose(&r->new[p->new_i]);
    buf_puts(b, "<div class=\"redline\">");
    for (size_t k = 0; k < p->wd.n; k++) {
        const wdiff_op *o = &p->wd.ops[k];
        if (k)
            buf_putc(b, ' ');
        if (o->op == WDIFF_DEL) {
            buf_puts(b, "<del>");
            words(b, a, o->a0, o->a1);
            buf_puts(b, "</del>");
        } else if (o->op == WDIFF_INS) {
            buf_puts(b, "<ins>");
            words(b, n, o->b0, o->b1);
            buf_puts(b, "</ins>");
        } else {
            words(b, n, o->b0, o->b1);
        }
    }
    if (p->wd.gave_up)
        buf_puts(b, "<p class=\"mut\">(too different for a word diff: the differing part "
                    "is shown as replaced)</p>");
    buf_puts(b, "</div>\n");
}

/* The changed rows of its tables, one paragraph each (diff_render.h). */
static void rows(buf *b, const diff_result *r, const diff_pair *p)
{
    for (size_t k = 0; k < p->nrows; k++) {
        if (p->rows[k].kind == DIFF_ROW_SAME)
            continue;
        diff_segs g;
        diff_segs_row(r, p, k, &g);
        buf name = BUF_INIT;
        diff_row_name(&name, r, p, k);
        if (p->rows[k].kind != DIFF_ROW_CHANGED)
            buf_puts(&name, p->rows[k].kind == DIFF_ROW_ADDED ? " added" : " removed");
        buf_puts(b, "<p class=\"redline\">");
        html_cstr(b, buf_cstr(&name));
        buf_puts(b, ":");
        for (size_t i = 0; i < g.n; i++) {
            const char *tag = g.s[i].op == '-' ? "del" : g.s[i].op == '+' ? "ins" : NULL;
            buf_putc(b, ' ');
            if (g.s[i].op == '|') {
                buf_puts(b, "|");
                continue;
            }
            if (tag)
                buf_printf(b, "<%s>", tag);
            html_cstr(b, g.s[i].text);
            if (tag)
                buf_printf(b, "</%s>", tag);
        }
        buf_puts(b, "</p>\n");
        buf_free(&name);
        diff_segs_free(&g);
    }
}

static void whole(buf *b, const diff_side *s, const char *tag)
{
    buf_printf(b, "<div class=\"redline\"><%s>", tag);
    words(b, &s->text, 0, s->text.n);
    buf_printf(b, "</%s></div>\n", tag);
}

static void anchor(buf *b, const char *prefix, const char *number)
{
    buf_printf(b, "%s", prefix);
    html_id(b, number);
}

static void section_block(buf *b, const diff_result *r, const diff_pair *p)
{
    const diff_side *o = p->old_i >= 0 ? &r->old[p->old_i] : NULL;
    const diff_side *n = p->new_i >= 0 ? &r->new[p->new_i] : NULL;
    const diff_side *s = n ? n : o;
    if (p->kind == DIFF_UNCHANGED && !p->text_changed) {
        /* by its heading only, so that links to it land */
        buf_puts(b, "<p class=\"mut unch\" id=\"");
        anchor(b, "s-", s->sec->number);
        buf_puts(b, "\">unchanged ");
        html_cstr(b, s->sec->number);
        buf_putc(b, ' ');
        html_cstr(b, s->sec->heading ? s->sec->heading : "");
        buf_puts(b, "</p>\n");
        return;
    }
    buf_printf(b, "<section class=\"%s\" id=\"", diff_kind_name(p->kind));
    anchor(b, n ? "s-" : "old-s-", s->sec->number);
    buf_printf(b, "\"><h3><span class=\"kind\">%s</span> ", diff_kind_name(p->kind));
    if (p->kind == DIFF_RENUMBERED) {
        html_cstr(b, o->sec->number);
        buf_puts(b, " &#8594; ");
    }
    html_cstr(b, s->sec->number);
    buf_putc(b, ' ');
    html_cstr(b, s->sec->heading ? s->sec->heading : "");
    buf_puts(b, "</h3>\n");
    if (p->text_changed && o && n) {
        redline(b, r, p);
        rows(b, r, p);
    }
    else if (p->kind == DIFF_ADDED)
        whole(b, n, "ins");
    else if (p->kind == DIFF_REMOVED)
        whole(b, o, "del");
    buf_puts(b, "</section>\n");
}

static void verdict(buf *b, const diff_html_view *v)
{
    const diff_versions_result *vr = v->d.v;
    char d1[11], d2[11], d3[11];
    date_format(vr->old_date, d1);
    date_format(vr->new_date, d2);
    buf_puts(b, "<table><thead><tr><th scope=\"col\"></th><th scope=\"col\">File</th>"
                "<th scope=\"col\">Version</th><th scope=\"col\">Date</th></tr></thead><tbody>"
                "<tr><th scope=\"row\">old</th><td>");
    html_cstr(b, v->d.old_a->d.file);
    buf_puts(b, "</td><td>");
    html_cstr(b, vr->old_version ? vr->old_version : "unknown");
    buf_printf(b, "</td><td>%s</td></tr><tr><th scope=\"row\">new</th><td>", d1[0] ? d1 : "unknown");
    html_cstr(b, v->d.new_a->d.file);
    buf_puts(b, "</td><td>");
    html_cstr(b, vr->new_version ? vr->new_version : "unknown");
    buf_printf(b, "</td><td>%s</td></tr></tbody></table>\n<ul>\n", d2[0] ? d2 : "unknown");
    buf_printf(b, "<li>version: %s</li>\n",
               vr->version_incremented ? "<span class=\"good\">incremented</span>"
               : vr->version_cmp == 2  ? "<span class=\"bad\">NOT CHECKED</span> (version not found)"
               : vr->version_cmp == 0  ? "<span class=\"bad\">NOT INCREMENTED</span> (same version)"
                                       : "<span class=\"bad\">NOT INCREMENTED</span> (lower version)");
    buf_printf(b, "<li>date: %s</li>\n",
               vr->date_advanced ? "<span class=\"good\">advanced</span>"
               : vr->old_date == DATE_NONE || vr->new_date == DATE_NONE
                   ? "<span class=\"bad\">NOT CHECKED</span> (date not found)"
                   : "<span class=\"bad\">NOT ADVANCED</span>");
    if (vr->new_row) {
        date_format(vr->new_row->date, d3);
        buf_puts(b, "<li>revision table: <span class=\"good\">new row</span> ");
        html_cstr(b, vr->new_row->version ? vr->new_row->version : "");
        buf_printf(b, " %s</li>\n", d3);
    } else {
        buf_printf(b, "<li>revision table: <span class=\"bad\">%s</span></li>\n",
                   vr->new_has_table ? "NO NEW DATED ROW" : "NOT FOUND in the new version");
    }
    buf_puts(b, "</ul>\n");
    if (v->d.nproblems) {
        buf_puts(b, "<p><span class=\"bad\">Result: FAIL</span></p>\n<ul>\n");
        for (size_t i = 0; i < v->d.nproblems; i++) {
            buf_puts(b, "<li>");
            html_cstr(b, v->d.problems[i]);
            buf_puts(b, "</li>\n");
        }
        buf_puts(b, "</ul>\n");
    } else {
        buf_puts(b, "<p><span class=\"good\">Result: pass</span></p>\n");
    }
}

/* 1 if the page has an anchor prefix+number (section_block's ids). */
static int anchored(const diff_result *r, const char *prefix, const char *number)
{
    int old = prefix[0] == 'o';
    for (size_t k = 0; k < r->npairs; k++) {
        const diff_pair *p = &r->pairs[k];
        const diff_side *s = old ? (p->new_i < 0 && p->old_i >= 0 ? &r->old[p->old_i] : NULL)
                                 : (p->new_i >= 0 ? &r->new[p->new_i] : NULL);
        if (s && !strcmp(s->sec->number, number))
            return 1;
    }
    return 0;
}

/* One finding, linked to its section in the page: introduced ones to the
 * new number, resolved ones to the new number of their old section (or,
 * removed, to the old section). */
static void finding_item(buf *b, const diff_html_view *v, const diff_finding *x, int resolved)
{
    buf_puts(b, "<li><strong>");
    html_cstr(b, x->rule);
    buf_printf(b, "</strong> <span class=\"mut\">[%s]</span> ",
               x->severity_name ? x->severity_name : "?");
    if (x->section && *x->section) {
        const char *num = x->section;
        const char *prefix = "s-";
        if (resolved) {
            const char *nn = diff_new_number(v->d.s, x->section);
            if (nn)
                num = nn;
            else
                prefix = "old-s-";
        }
        int link = anchored(v->d.s, prefix, num); /* a missing section has no place */
        if (link) {
            buf_puts(b, "<a href=\"#");
            anchor(b, prefix, num);
            buf_puts(b, "\">");
        }
        buf_puts(b, "section ");
        html_cstr(b, x->section);
        if (link)
            buf_puts(b, "</a>");
    } else {
        buf_puts(b, "(document)");
    }
    if (x->line > 0)
        buf_printf(b, ", line %ld", x->line);
    buf_puts(b, ": ");
    html_cstr(b, x->message ? x->message : "");
    if (x->snippet && *x->snippet) {
        buf_puts(b, "<br><q>");
        html_cstr(b, x->snippet);
        buf_puts(b, "</q>");
    }
    buf_puts(b, "</li>\n");
}

static void findings(buf *b, const diff_html_view *v)
{
    buf_puts(b, "<h2>Findings</h2>\n");
    const diff_findings_result *fd = v->d.fd;
    if (!fd) {
        buf_puts(b, "<p>Not compared.</p>\n");
        return;
    }
    buf_printf(b, "<p>%zu introduced, %zu resolved, %zu persisting", fd->nintroduced,
               fd->nresolved, fd->npersisting);
    if (fd->nmoved)
        buf_printf(b, " (%zu moved)", fd->nmoved);
    buf_puts(b, ".</p>\n");
    if (fd->nintroduced) {
        buf_puts(b, "<h3>Introduced</h3>\n<ul>\n");
        for (size_t i = 0; i < fd->nintroduced; i++)
            finding_item(b, v, &v->d.fnew[fd->introduced[i]], 0);
        buf_puts(b, "</ul>\n");
    }
    if (fd->nresolved) {
        buf_puts(b, "<h3>Resolved</h3>\n<ul>\n");
        for (size_t i = 0; i < fd->nresolved; i++)
            finding_item(b, v, &v->d.fold[fd->resolved[i]], 1);
        buf_puts(b, "</ul>\n");
    }
    if (fd->nmoved) {
        buf_puts(b, "<h3>Persisting (moved)</h3>\n<ul>\n");
        for (size_t i = 0; i < fd->npersisting; i++) {
            if (!fd->moved[i])
                continue;
            const diff_finding *was = &v->d.fold[fd->persisting_old[i]];
            finding_item(b, v, &v->d.fnew[fd->persisting[i]], 0);
            buf_printf(b, "<li class=\"mut\">moved from line %ld", was->line);
            if (was->snippet && *was->snippet) {
                buf_puts(b, ": <q>");
                html_cstr(b, was->snippet);
                buf_puts(b, "</q>");
            }
            buf_puts(b, "</li>\n");
        }
        buf_puts(b, "</ul>\n");
    }
}

void diff_html(buf *out, const diff_html_view *v)
{
    char hs[45];
    sha256_base64(style, sizeof style - 1, hs);
    const diff_result *r = v->d.s;
    buf_printf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'sha256-%s'; base-uri 'none'; form-action 'none'\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>cpslint diff</title>\n<style>%s</style>\n</head>\n<body>\n"
                    "<h1>cpslint diff</h1>\n<p class=\"mut\">Findings as of ",
               hs, style);
    html_cstr(out, v->as_of);
    buf_puts(out, ".</p>\n<h2>Version, date, revision table</h2>\n");
    verdict(out, v);
    findings(out, v);
    buf_printf(out, "<h2>Sections</h2>\n<p>%zu changed, %zu added, %zu removed, %zu renumbered, "
                    "%zu unchanged.</p>\n",
               r->changed, r->added, r->removed, r->renumbered, r->unchanged);
    if (r->renumber_skipped)
        buf_printf(out, "<p class=\"mut\">Too many similar sections to search them all for "
                        "renumbering: %zu old sections not compared, which may show as "
                        "removed.</p>\n",
                   r->renumber_skipped);
    for (size_t k = 0; k < r->npairs; k++)
        section_block(out, r, &r->pairs[k]);
    buf_puts(out, "</body></html>\n");
}

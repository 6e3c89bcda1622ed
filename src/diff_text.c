/* diff_text.c — the text and Markdown reports of `cpslint diff`
 * (diff_text.h). */
#include "diff_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_render.h"
#include "escape.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_CYAN "\033[36m"

/* ---- escaping and wrapping -------------------------------------------------- */

/* Document text and names, escaped for where they go (escape.h): Markdown
 * structure or terminal controls in a file name or heading stay text. */
static void put(buf *b, const char *s, int md)
{
    if (md)
        esc_md(b, s);
    else
        esc_text(b, s);
}

/* A file name: a code span in Markdown when it can be one. */
static void put_name(buf *b, const char *s, int md)
{
    if (md)
        esc_md_code(b, s);
    else
        esc_text(b, s);
}

/* Text laid out in lines of at most width columns, broken at spaces,
 * continuation lines indented; a word longer than a line is cut. */
typedef struct wrap {
    buf *b;
    int width, indent, col;
    int color;
    int fresh;          /* nothing on the line yet */
} wrap;

static size_t cols(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static void wrap_newline(wrap *w)
{
    buf_putc(w->b, '\n');
    for (int i = 0; i < w->indent; i++)
        buf_putc(w->b, ' ');
    w->col = w->indent;
    w->fresh = 1;
}

/* Start a wrapped paragraph at column col (the caller printed that much);
 * continuation lines are indented by indent. */
static void wrap_start(wrap *w, buf *b, int width, int col, int indent, int color)
{
    *w = (wrap){b, width, indent, col, color, 1};
}

/* One word (no spaces), in style (an SGR sequence, or NULL). */
static void wrap_word(wrap *w, const char *s, size_t n, const char *style)
{
    size_t c = cols(s, n);
    if (!w->fresh) {
        if ((size_t)w->col + 1 + c > (size_t)w->width)
            wrap_newline(w);
        else
            buf_putc(w->b, ' '), w->col++;
    }
    while (n) {
        size_t take = n, tc = c;
        size_t room = w->width > w->col ? (size_t)(w->width - w->col) : 0;
        if (!room && w->fresh) /* a line with no room at all: a character */
            room = 1;
        if (c > room) { /* cut at a character boundary */
            take = 0, tc = 0;
            while (take < n && tc < room) {
                take++;
                while (take < n && ((unsigned char)s[take] & 0xC0) == 0x80)
                    take++;
                tc++;
            }
            if (!take) {
                wrap_newline(w);
                continue;
            }
        }
        if (style && w->color)
            buf_puts(w->b, style);
        buf_put(w->b, s, take);
        if (style && w->color)
            buf_puts(w->b, C_RESET);
        w->col += (int)tc;
        w->fresh = 0;
        s += take, n -= take, c -= tc;
        if (n)
            wrap_newline(w);
    }
}

/* Text already escaped, word by word. */
static void wrap_words(wrap *w, const char *p, const char *style)
{
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n)
            wrap_word(w, p, n, style);
        p += n;
    }
}

/* Document text, escaped, split into words; open/close marks glued to the
 * first and last word. */
static void wrap_text(wrap *w, const char *open, const char *s, const char *close,
                      const char *style)
{
    buf t = BUF_INIT;
    buf_puts(&t, open);
    esc_text(&t, s);
    buf_puts(&t, close);
    wrap_words(w, buf_cstr(&t), style);
    buf_free(&t);
}

/* ---- hunks and rows --------------------------------------------------------- */

static void hunk_header(buf *b, const diff_text_view *v, const diff_pair *p,
                        const diff_seg *s, const char *row)
{
    const char *num = v->d.s->new[p->new_i].sec->number;
    buf h = BUF_INIT;
    buf_printf(&h, "@@ %s", num);
    if (row) {
        buf_puts(&h, " ");
        buf_puts(&h, row);
    }
    if (s->old_line > 0 || s->new_line > 0) {
        buf_puts(&h, " (");
        diff_lines_text(&h, s->old_line, s->old_page, s->new_line, s->new_page);
        buf_putc(&h, ')');
    }
    buf_puts(&h, " @@");
    if (v->markdown) {
        buf_puts(b, "\n`");
        buf_put(b, h.ptr, h.len); /* numbers only: safe in a code span */
        buf_puts(b, "`\n\n");
    } else {
        buf_puts(b, v->color ? C_CYAN : "");
        esc_text(b, buf_cstr(&h));
        buf_puts(b, v->color ? C_RESET "\n" : "\n");
    }
    buf_free(&h);
}

/* Segments from..to (one hunk, or a row after its name) as one paragraph. */
static void print_run(buf *b, const diff_text_view *v, const diff_segs *g, size_t from,
                      size_t to, const char *lead)
{
    if (v->markdown) {
        buf_puts(b, "> ");
        if (lead) {
            esc_md(b, lead);
            buf_puts(b, ": ");
        }
        for (size_t i = from; i < to; i++) {
            const diff_seg *s = &g->s[i];
            const char *mark = s->op == '-' ? "~~" : s->op == '+' ? "**" : "";
            if (i > from)
                buf_putc(b, ' ');
            if (s->op == '|') {
                buf_puts(b, "\\|");
                continue;
            }
            buf_puts(b, mark);
            esc_md(b, s->text);
            buf_puts(b, mark);
        }
        buf_putc(b, '\n');
        return;
    }
    wrap w;
    buf_puts(b, "    ");
    wrap_start(&w, b, v->width, 4, 4, v->color);
    if (lead) {
        buf t = BUF_INIT;
        buf_printf(&t, "%s:", lead);
        wrap_text(&w, "", buf_cstr(&t), "", NULL);
        buf_free(&t);
    }
    for (size_t i = from; i < to; i++) {
        const diff_seg *s = &g->s[i];
        if (s->op == '-')
            wrap_text(&w, "[-", s->text, "-]", C_RED);
        else if (s->op == '+')
            wrap_text(&w, "{+", s->text, "+}", C_GREEN);
        else if (s->op == '|')
            wrap_word(&w, "|", 1, NULL);
        else
            wrap_text(&w, "", s->text, "", NULL);
    }
    buf_putc(b, '\n');
}

static void print_changes(buf *b, const diff_text_view *v, const diff_pair *p)
{
    diff_segs g;
    diff_segs_build(v->d.s, p, v->context, &g);
    for (size_t i = 0; i < g.n;) {
        size_t j = i + 1;
        while (j < g.n && !g.s[j].hunk)
            j++;
        hunk_header(b, v, p, &g.s[i], NULL);
        print_run(b, v, &g, i, j, NULL);
        i = j;
    }
    if (g.note)
        buf_printf(b, v->markdown ? ">\n> *(%s)*\n" : "    (%s)\n", g.note);
    diff_segs_free(&g);
    for (size_t k = 0; k < p->nrows; k++) {
        diff_row_kind kind = p->rows[k].kind;
        if (kind == DIFF_ROW_SAME)
            continue;
        diff_segs_row(v->d.s, p, k, &g);
        buf name = BUF_INIT;
        diff_row_name(&name, v->d.s, p, k);
        if (kind != DIFF_ROW_CHANGED)
            buf_puts(&name, kind == DIFF_ROW_ADDED ? " added" : " removed");
        if (g.n) {
            hunk_header(b, v, p, &g.s[0], NULL);
            print_run(b, v, &g, 0, g.n, buf_cstr(&name));
        }
        buf_free(&name);
        diff_segs_free(&g);
    }
}

/* ---- the parts of the report --------------------------------------------------- */

static const char *sec_heading(const diff_side *s)
{
    return s->sec->heading ? s->sec->heading : "";
}

static const char *fmt_date(cps_date d, char out[11])
{
    date_format(d, out);
    return out[0] ? out : NULL;
}

static void print_section_list(buf *b, const diff_text_view *v)
{
    const diff_result *r = v->d.s;
    int md = v->markdown;
    buf_printf(b, md ? "## Sections\n\n%zu changed, %zu added, %zu removed, %zu renumbered, "
                       "%zu unchanged\n\n"
                     : "sections: %zu changed, %zu added, %zu removed, %zu renumbered, "
                       "%zu unchanged\n",
               r->changed, r->added, r->removed, r->renumbered, r->unchanged);
    if (r->renumber_skipped)
        buf_printf(b, md ? "*(%s: %zu)*\n\n" : "  (%s: %zu)\n", DIFF_RENUMBER_NOTE,
                   r->renumber_skipped);
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
            buf_printf(b, "- %s **%s** ", diff_kind_name(p->kind), num);
        else
            buf_printf(b, "  %-11s %-18s ", diff_kind_name(p->kind), num);
        put(b, sec_heading(s), md);
        buf_printf(b, "%s\n", extra);
    }
}

/* The quote of a finding, its match between >> <<. */
static void quote(buf *b, const diff_finding *x, int md)
{
    const char *s = x->snippet;
    size_t n = strlen(s), ms = x->mark_start, me = x->mark_end;
    buf q = BUF_INIT;
    buf_putc(&q, '"');
    if (ms < me && me <= n) {
        buf_put(&q, s, ms);
        buf_puts(&q, ">>");
        buf_put(&q, s + ms, me - ms);
        buf_puts(&q, "<<");
        buf_puts(&q, s + me);
    } else {
        buf_puts(&q, s);
    }
    buf_putc(&q, '"');
    put(b, buf_cstr(&q), md);
    buf_free(&q);
}

/* `line 57: "quote"` under a finding; side "old ", "new " or "". */
static void finding_where(buf *b, const diff_text_view *v, const diff_finding *x,
                          const char *side)
{
    int md = v->markdown, has_quote = x->snippet && *x->snippet;
    if (x->line <= 0 && !has_quote)
        return;
    buf t = BUF_INIT;
    if (x->line > 0)
        buf_printf(&t, "%sline %ld", side, x->line);
    else if (*side)
        buf_printf(&t, "%s", side);
    if (has_quote) {
        buf_puts(&t, t.len ? ": " : "");
        quote(&t, x, md);
    }
    if (md) {
        buf_puts(b, "  - ");
        buf_put(b, t.ptr, t.len);
        buf_putc(b, '\n');
    } else {
        wrap w;
        buf_puts(b, "      ");
        wrap_start(&w, b, v->width, 6, 6, 0);
        wrap_words(&w, buf_cstr(&t), NULL);
        buf_putc(b, '\n');
    }
    buf_free(&t);
}

/* A finding: rule, severity, section, message; then where (for a moved
 * one, where it was and where it is). */
static void print_finding(buf *b, const diff_text_view *v, const diff_finding *x,
                          const diff_finding *was)
{
    int md = v->markdown;
    buf t = BUF_INIT;
    if (md) {
        buf_puts(&t, "- ");
        put_name(&t, x->rule, 1);
        buf_printf(&t, " %s, section ", x->severity_name ? x->severity_name : "?");
    } else {
        put(&t, x->rule, 0);
        buf_printf(&t, " [%s] section ", x->severity_name ? x->severity_name : "?");
    }
    put(&t, x->section && *x->section ? x->section : "(document)", md);
    if (x->heading) {
        buf_putc(&t, ' ');
        put(&t, x->heading, md);
    }
    buf_puts(&t, ": ");
    put(&t, x->message ? x->message : (x->snippet ? x->snippet : ""), md);
    if (md) {
        buf_put(b, t.ptr, t.len);
    } else {
        wrap w;
        buf_puts(b, "  ");
        wrap_start(&w, b, v->width, 2, 4, 0);
        wrap_words(&w, buf_cstr(&t), NULL);
    }
    buf_putc(b, '\n');
    buf_free(&t);
    if (was)
        finding_where(b, v, was, "old ");
    finding_where(b, v, x, was ? "new " : "");
}

/* "LABEL: FILE  version V, date D" (text) or a table row (Markdown). */
static void print_doc_line(buf *b, const char *label, const char *file, const char *ver,
                           const char *date, int md)
{
    buf_printf(b, md ? "| %s | " : "%s: ", label);
    put_name(b, file, md);
    buf_puts(b, md ? " | " : "  version ");
    put(b, ver, md);
    buf_puts(b, md ? " | " : ", date ");
    buf_puts(b, date ? date : "unknown");
    buf_puts(b, md ? " |\n" : "\n");
}

/* Files, profile, version, date, revision table. */
static void print_versions(buf *b, const diff_text_view *v)
{
    const diff_versions_result *vr = v->d.v;
    int md = v->markdown;
    char d1[11], d2[11];
    const char *ov = vr->old_version ? vr->old_version : "unknown";
    const char *nv = vr->new_version ? vr->new_version : "unknown";
    const char *od = fmt_date(vr->old_date, d1), *nd = fmt_date(vr->new_date, d2);
    if (md)
        buf_puts(b, "# cpslint diff\n\n| | file | version | date |\n|---|---|---|---|\n");
    print_doc_line(b, "old", v->d.old_a->d.file, ov, od, md);
    print_doc_line(b, "new", v->d.new_a->d.file, nv, nd, md);
    buf_putc(b, '\n');
    if (md)
        buf_puts(b, "## Version, date, revision table\n\n");
    const char *li = md ? "- " : "";
    if (v->old_p && v->new_p) {
        char po[96], pn[96];
        profile_summary(v->old_p, po, sizeof po);
        profile_summary(v->new_p, pn, sizeof pn);
        buf_printf(b, "%sprofile: old %s, new %s%s\n", li, po, pn,
                   strcmp(po, pn) ? " (CHANGED: rules may apply differently)" : "");
    }
    buf_printf(b, "%sversion ", li);
    put(b, ov, md);
    buf_puts(b, " -> ");
    put(b, nv, md);
    buf_printf(b, ": %s\n",
               vr->version_incremented ? "incremented"
               : vr->version_cmp == 2  ? "NOT CHECKED (version not found)"
               : vr->version_cmp == 0  ? "NOT INCREMENTED (same version)"
                                       : "NOT INCREMENTED (lower version)");
    buf_printf(b, "%sdate %s -> %s: %s\n", li, od ? od : "unknown", nd ? nd : "unknown",
               vr->date_advanced ? "advanced"
               : vr->old_date == DATE_NONE || vr->new_date == DATE_NONE
                   ? "NOT CHECKED (date not found)"
                   : "NOT ADVANCED");
    if (vr->new_row) {
        char d3[11];
        buf_printf(b, "%srevision table: new row ", li);
        put(b, vr->new_row->version ? vr->new_row->version : "", md);
        buf_printf(b, "%s%s: added\n", vr->new_row->version ? ", " : "",
                   fmt_date(vr->new_row->date, d3));
    } else {
        buf_printf(b, "%srevision table: %s\n", li,
                   vr->new_has_table ? "NO NEW DATED ROW"
                                     : "NOT FOUND in the new version (no new dated row)");
    }
    buf_putc(b, '\n');
}

static void print_sections(buf *b, const diff_text_view *v)
{
    const diff_result *r = v->d.s;
    int md = v->markdown;
    for (size_t k = 0; k < r->npairs; k++) {
        const diff_pair *p = &r->pairs[k];
        if (!p->text_changed)
            continue;
        const diff_side *n = &r->new[p->new_i];
        const char *pre = md ? "\n### " : v->color ? "\n" C_BOLD "changed " : "\nchanged ";
        if (p->kind == DIFF_RENUMBERED)
            buf_printf(b, "%s%s -> %s ", pre, r->old[p->old_i].sec->number, n->sec->number);
        else
            buf_printf(b, "%s%s ", pre, n->sec->number);
        put(b, sec_heading(n), md);
        buf_puts(b, md ? "\n" : v->color ? C_RESET "\n" : "\n");
        print_changes(b, v, p);
    }
}

static void print_findings(buf *b, const diff_text_view *v)
{
    int md = v->markdown;
    const diff_findings_result *fd = v->d.fd;
    buf_puts(b, md ? "\n## Findings\n\n" : "\nfindings: ");
    if (!fd) {
        buf_puts(b, "not compared (this build has no check engine yet)\n");
        return;
    }
    buf_printf(b, "%zu introduced, %zu resolved, %zu persisting", fd->nintroduced,
               fd->nresolved, fd->npersisting);
    if (fd->nmoved)
        buf_printf(b, " (%zu moved)", fd->nmoved);
    buf_puts(b, md ? "\n\n" : "\n");
    if (fd->nintroduced)
        buf_puts(b, md ? "### Introduced\n\n" : "introduced:\n");
    for (size_t i = 0; i < fd->nintroduced; i++)
        print_finding(b, v, &v->d.fnew[fd->introduced[i]], NULL);
    if (fd->nresolved)
        buf_puts(b, md ? "\n### Resolved\n\n" : "resolved:\n");
    for (size_t i = 0; i < fd->nresolved; i++)
        print_finding(b, v, &v->d.fold[fd->resolved[i]], NULL);
    if (fd->nmoved)
        buf_puts(b, md ? "\n### Persisting (moved)\n\n" : "persisting (moved):\n");
    for (size_t i = 0; i < fd->npersisting; i++)
        if (fd->moved[i])
            print_finding(b, v, &v->d.fnew[fd->persisting[i]], &v->d.fold[fd->persisting_old[i]]);
}

void diff_text(buf *b, const diff_text_view *v)
{
    int md = v->markdown;
    if (v->sections_only) {
        print_section_list(b, v);
        return;
    }
    print_versions(b, v);
    print_section_list(b, v);
    print_sections(b, v);
    print_findings(b, v);
    buf_putc(b, '\n');
    if (v->d.nproblems) {
        const char *fail = md ? "**Result: FAIL**\n\n" : v->color ? C_RED "result: FAIL" C_RESET "\n"
                                                                  : "result: FAIL\n";
        buf_puts(b, fail);
        for (size_t i = 0; i < v->d.nproblems; i++)
            buf_printf(b, "%s%s\n", md ? "- " : "  ", v->d.problems[i]);
    } else {
        buf_puts(b, md ? "**Result: pass**\n" : v->color ? C_GREEN "result: pass" C_RESET "\n"
                                                         : "result: pass\n");
    }
}

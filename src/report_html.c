/* report_html.c — the check report as one self-contained HTML page.
 *
 * Per document: the facts (file, version, date, as-of date, counts), the
 * checklist as a table (rule, status, severity, section, citation,
 * message; one row per finding of a failing rule, one row per other rule),
 * the findings that have no place in the text, the manual checks, an
 * outline of RFC 3647 sections with their defects, and the document itself
 * rendered from cpslint's own model (blocks, not the original markup) with
 * every finding marked where it stands. A finding's marker in the text
 * links to its checklist row and the row links back.
 *
 * Safety: the page is built only from escaped text; the document's links,
 * images and markup are never copied. Bidirectional controls are shown as
 * visible code points. The only script and style are the page's own,
 * allowed by their SHA-256 in a Content-Security-Policy that forbids
 * everything else (no request can leave the page). Reading needs no
 * script; the filters (status, severity, source, text) do, and read their
 * initial state from the URL fragment (#status=fail,error&q=caa).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "html_out.h"
#include "sha256.h"

/* ---- the page's own style and script ------------------------------------ */

static const char style[] =
    ":root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--mut:#5c5c5c;--line:#d0d0d0;"
    "--err:#a4000f;--warn:#7a4d00;--note:#1f4f8a;--mark:#ffe58a;--pass:#1e6b2f}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--mut:#a8a8a8;"
    "--line:#444;--err:#ff7b86;--warn:#f0b860;--note:#8ab8ff;--mark:#6b5400;--pass:#7bd88f}}"
    "body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0}"
    "header,main>section{padding:0 1.5rem}"
    "h1{font-size:1.4rem}h2{font-size:1.25rem;border-bottom:1px solid var(--line)}"
    ".doc{display:grid;grid-template-columns:minmax(12rem,18rem) 1fr;gap:1.5rem}"
    ".doc>nav{position:sticky;top:0;max-height:100vh;overflow:auto;font-size:.85rem}"
    ".doc>nav ol{list-style:none;padding-left:0}.doc>nav li{margin:.1rem 0}"
    ".lv2{padding-left:.7rem}.lv3{padding-left:1.4rem}.lv4{padding-left:2.1rem}"
    ".doc>div{min-width:0}"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}"
    "dl.facts dt{font-weight:bold}dl.facts dd{margin:0}"
    ".checklist :is(th,td):nth-child(-n+3){white-space:nowrap;width:1%}"
    ".checklist :is(th,td):nth-child(6){width:45%}"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);"
    "padding:.25rem .4rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}"
    ".text p,.text li,.text td,.text pre{overflow-wrap:anywhere;unicode-bidi:isolate}"
    ".text pre{white-space:pre-wrap}"
    ".st{font-weight:bold;white-space:nowrap}.st-fail,.sev-error{color:var(--err)}"
    ".st-upcoming,.sev-warning{color:var(--warn)}.sev-notice{color:var(--note)}"
    ".st-pass{color:var(--pass)}.st-n\\/a,.st-not-effective{color:var(--mut)}"
    "mark{background:var(--mark);color:inherit}"
    "a.fref{font-size:.75em;vertical-align:super;font-weight:bold;text-decoration:none;"
    "border:1px solid currentColor;border-radius:3px;padding:0 .15em;margin:0 .1em}"
    ".defect{color:var(--err);font-size:.8em}.ctl{border:1px dashed var(--err);font-size:.8em}"
    "q{quotes:'\\201C' '\\201D'}.cite,.note{color:var(--mut);font-size:.9em}"
    "#filters{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;"
    "padding:.5rem 0}#filters fieldset{border:1px solid var(--line)}"
    ":target{outline:3px solid var(--note)}"
    "@media print{#filters,.doc>nav{display:none}.doc{display:block}a.fref{border:none}}";

static const char script[] =
    "(function(){'use strict';"
    "var f=document.getElementById('filters');if(!f)return;f.hidden=false;"
    "var rows=[].slice.call(document.querySelectorAll('tr[data-status]'));"
    "var q=document.getElementById('q'),src=document.getElementById('source'),"
    "out=document.getElementById('shown');"
    "function on(n){return [].slice.call(f.querySelectorAll('input[name='+n+']:checked'))"
    ".map(function(x){return x.value;});}"
    "function apply(){var st=on('status'),sv=on('severity'),s=src.value,t=q.value.toLowerCase(),"
    "n=0;rows.forEach(function(r){var ok=st.indexOf(r.dataset.status)>=0&&"
    "sv.indexOf(r.dataset.severity)>=0&&(!s||r.dataset.source===s)&&"
    "(!t||r.textContent.toLowerCase().indexOf(t)>=0);r.hidden=!ok;if(ok)n++;});"
    "out.textContent=n+' of '+rows.length+' rows shown';}"
    "var h={};location.hash.replace(/^#/,'').split('&').forEach(function(p){"
    "var kv=p.split('=');if(kv.length===2)h[kv[0]]=decodeURIComponent(kv[1]);});"
    "['status','severity'].forEach(function(n){if(h[n]===undefined)return;var v=h[n].split(',');"
    "f.querySelectorAll('input[name='+n+']').forEach(function(x){x.checked=v.indexOf(x.value)>=0;});});"
    "if(h.q!==undefined)q.value=h.q;if(h.source!==undefined)src.value=h.source;"
    "f.addEventListener('change',apply);q.addEventListener('input',apply);apply();"
    "document.documentElement.dataset.ready=String(Math.round(performance.now()));"
    "})();";

/* ---- checklist ------------------------------------------------------------ */

static const check_status status_order[] = {ST_FAIL, ST_UPCOMING, ST_ERROR,
                                            ST_PASS, ST_NA,       ST_NOT_EFFECTIVE};

static void row_open(buf *b, int di, const char *idkind, size_t i, const rule *r,
                     check_status st, rule_severity sev)
{
    buf_printf(b, "<tr id=\"d%d-%s%zu\" data-status=\"%s\" data-severity=\"%s\" data-source=\"",
               di, idkind, i, check_status_name(st), rule_severity_name(sev));
    html_attr(b, r->source ? r->source : "");
    buf_puts(b, "\"><td>");
    html_cstr(b, r->id);
    buf_printf(b, "</td><td class=\"st st-%s\">", check_status_name(st));
    for (const char *p = check_status_name(st); *p; p++)
        buf_putc(b, (*p >= 'a' && *p <= 'z') ? (char)(*p - 'a' + 'A') : *p);
    buf_printf(b, "</td><td class=\"sev-%s\">%s</td><td>", rule_severity_name(sev),
               rule_severity_name(sev));
}

static void quote(buf *b, const finding *f)
{
    if (!f->snippet || !*f->snippet)
        return;
    size_t n = strlen(f->snippet);
    size_t ms = f->mark_start <= n ? f->mark_start : n;
    size_t me = f->mark_end <= n && f->mark_end >= ms ? f->mark_end : ms;
    buf_puts(b, "<br><q>");
    html_put(b, f->snippet, ms);
    if (me > ms) {
        buf_puts(b, "<mark>");
        html_put(b, f->snippet + ms, me - ms);
        buf_puts(b, "</mark>");
    }
    html_put(b, f->snippet + me, n - me);
    buf_puts(b, "</q>");
}

static void finding_row(buf *b, const report_doc *d, int di, size_t i)
{
    const finding *f = &d->res->f[i];
    row_open(b, di, "c", i, f->rule, f->status, f->severity);
    if (f->section[0]) {
        html_cstr(b, f->section);
        if (f->heading) {
            buf_putc(b, ' ');
            html_cstr(b, f->heading);
        }
    } else {
        buf_puts(b, "(document)");
    }
    buf_puts(b, "</td><td class=\"cite\">");
    html_cstr(b, f->rule->cite);
    buf_puts(b, "</td><td>");
    html_cstr(b, f->message);
    quote(b, f);
    const char *why = report_baselined(d, i);
    if (why) {
        buf_puts(b, "<br><span class=\"note\">accepted by the baseline: ");
        html_cstr(b, why);
        buf_puts(b, "</span>");
    } else if ((why = report_suppressed(d, i))) {
        buf_printf(b, "<br><span class=\"note\">suppressed in the document (line %ld): ",
                   d->res->f[i].suppressed_line);
        html_cstr(b, why);
        buf_puts(b, "</span>");
    }
    buf_printf(b, " <a href=\"#d%d-f%zu\">in the text [%zu]</a></td></tr>\n", di, i, i + 1);
}

static void item_row(buf *b, int di, size_t j, const check_item *it)
{
    row_open(b, di, "r", j, it->rule, it->status, it->severity);
    buf_puts(b, "</td><td class=\"cite\">");
    html_cstr(b, it->rule->cite);
    buf_puts(b, "</td><td>");
    html_cstr(b, it->rule->title);
    if (it->note) {
        buf_puts(b, "<br><span class=\"note\">");
        html_cstr(b, it->note);
        buf_puts(b, "</span>");
    }
    buf_puts(b, "</td></tr>\n");
}

static void checklist(buf *b, const report_doc *d, int di, const report_opts *o)
{
    const check_result *res = d->res;
    buf_printf(b, "<h3 id=\"d%d-checklist\">Checklist</h3>\n<table class=\"checklist\">"
                  "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Status</th>"
                  "<th scope=\"col\">Severity</th><th scope=\"col\">Section</th>"
                  "<th scope=\"col\">Citation</th><th scope=\"col\">Message</th></tr></thead>"
                  "<tbody>\n", di);
    /* findings are stored in item order: item j's are [first[j], first[j] + nfindings) */
    size_t *first = xcalloc(res->nitems ? res->nitems : 1, sizeof *first);
    for (size_t j = 0, k = 0; j < res->nitems; k += res->items[j].nfindings, j++)
        first[j] = k;
    for (size_t s = 0; s < sizeof status_order / sizeof status_order[0]; s++)
        for (size_t j = 0; j < res->nitems; j++) {
            const check_item *it = &res->items[j];
            if (it->status != status_order[s] || it->rule->kind == KIND_MANUAL)
                continue;
            size_t shown = 0;
            for (size_t i = first[j]; i < first[j] + it->nfindings; i++)
                if (report_shown(d, i, o)) {
                    finding_row(b, d, di, i);
                    shown++;
                }
            if (!shown)
                item_row(b, di, j, it);
        }
    free(first);
    buf_puts(b, "</tbody></table>\n");
}

static void manual_checks(buf *b, const check_result *res)
{
    int any = 0;
    for (size_t j = 0; j < res->nitems; j++) {
        const rule *r = res->items[j].rule;
        if (r->kind != KIND_MANUAL)
            continue;
        if (!any++)
            buf_puts(b, "<h3>Manual checks</h3>\n<p>Text cannot decide these; a reviewer "
                        "checks them.</p>\n<ul>\n");
        buf_puts(b, "<li><strong>");
        html_cstr(b, r->id);
        buf_puts(b, "</strong>: ");
        html_cstr(b, r->message);
        buf_puts(b, " <span class=\"cite\">(");
        html_cstr(b, r->cite);
        buf_puts(b, ")</span></li>\n");
    }
    if (any)
        buf_puts(b, "</ul>\n");
}

/* ---- the document ------------------------------------------------------- */

/* Where finding i stands in the rendered text: its block and span, or,
 * without one, the end of its section's heading; none: not in the text. */
typedef struct place {
    size_t block, s, e;
    size_t i;         /* finding index */
} place;

#define NO_PLACE ((size_t)-1)

static int place_cmp(const void *x, const void *y)
{
    const place *a = x, *b = y;
    if (a->block != b->block)
        return a->block < b->block ? -1 : 1;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static size_t place_of(const report_doc *d, const finding *f, size_t *s, size_t *e)
{
    const analysis *a = d->a;
    if (!f->translation && f->block != CHECK_NO_BLOCK && f->block < a->d.nblocks &&
        a->o.roles[f->block] != ROLE_TOC && !(a->d.blocks[f->block].flags & BLOCK_TOC)) {
        size_t len = a->d.blocks[f->block].len;
        *s = f->bstart <= len ? f->bstart : len;
        *e = f->bend <= len && f->bend >= *s ? f->bend : *s;
        return f->block;
    }
    if (!f->translation && f->section[0]) {
        int si = outline_find(&a->o, f->section);
        if (si >= 0 && a->o.secs[si].heading_block != (size_t)-1) {
            size_t hb = a->o.secs[si].heading_block;
            *s = *e = a->d.blocks[hb].len;
            return hb;
        }
    }
    return NO_PLACE;
}

static void fref(buf *b, int di, const place *p, const finding *f)
{
    buf_printf(b, "<a class=\"fref sev-%s\" id=\"d%d-f%zu\" href=\"#d%d-c%zu\" title=\"",
               rule_severity_name(f->severity), di, p->i, di, p->i);
    html_attr(b, f->rule->id);
    buf_puts(b, ": ");
    html_attr(b, f->message);
    buf_printf(b, "\">%zu</a>", p->i + 1);
}

/* Block text with the findings of places[0..n) (all of this block, by
 * start) marked: a numbered link at each start, <mark> over each span. */
static void block_text(buf *b, const doc_block *blk, int di, const place *pl, size_t n,
                       const check_result *res)
{
    size_t pos = 0;
    size_t k = 0;
    while (pos < blk->len || k < n) {
        while (k < n && pl[k].s <= pos) {
            fref(b, di, &pl[k], &res->f[pl[k].i]);
            k++;
        }
        /* the next boundary: a start, or the end of a span covering pos */
        size_t next = k < n ? pl[k].s : blk->len;
        int covered = 0;
        for (size_t j = 0; j < k; j++)
            if (pl[j].s <= pos && pl[j].e > pos) {
                covered = 1;
                if (pl[j].e < next)
                    next = pl[j].e;
            }
        if (next > blk->len)
            next = blk->len;
        if (next <= pos) {
            if (k >= n)
                break;
            continue;
        }
        /* never split a UTF-8 sequence */
        while (next < blk->len && ((unsigned char)blk->text[next] & 0xC0) == 0x80)
            next++;
        if (covered)
            buf_puts(b, "<mark>");
        html_put(b, blk->text + pos, next - pos);
        if (covered)
            buf_puts(b, "</mark>");
        pos = next;
    }
}

static const char *block_tag(const analysis *a, size_t bi, char *tag)
{
    const doc_block *blk = &a->d.blocks[bi];
    int si = a->o.block_sec[bi];
    if (a->o.roles[bi] == ROLE_HEADING || blk->kind == BLOCK_HEADING) {
        int lv = blk->kind == BLOCK_HEADING && blk->level > 0 ? blk->level : 3;
        if (a->o.roles[bi] == ROLE_HEADING && si >= 0)
            lv = a->o.secs[si].level + 1;
        snprintf(tag, 4, "h%d", lv > 6 ? 6 : lv < 3 ? 3 : lv);
        return tag;
    }
    switch (blk->kind) {
    case BLOCK_LIST_ITEM: return "li";
    case BLOCK_TABLE_CELL: return blk->flags & BLOCK_HEADER_CELL ? "th" : "td";
    case BLOCK_PRE: return "pre";
    default: return "p";
    }
}

/* Close the list or table that block bi (or the end, bi == n) leaves. */
static void close_groups(buf *b, const analysis *a, size_t bi, int *in_list, int *in_table,
                         int *row)
{
    const doc_block *blk = bi < a->d.nblocks ? &a->d.blocks[bi] : NULL;
    if (*in_list && (!blk || blk->kind != BLOCK_LIST_ITEM)) {
        buf_puts(b, "</ul>\n");
        *in_list = 0;
    }
    if (*in_table && (!blk || blk->kind != BLOCK_TABLE_CELL || blk->table != *in_table)) {
        buf_puts(b, "</tr></table>\n");
        *in_table = 0;
    }
    (void)row;
}

static void document_text(buf *b, const report_doc *d, int di, place *pl, size_t npl)
{
    const analysis *a = d->a;
    const check_result *res = d->res;
    int in_list = 0, in_table = 0, row = -1;
    size_t k = 0;
    buf_printf(b, "<h3 id=\"d%d-text\">The document</h3>\n<div class=\"text\">\n", di);
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        const doc_block *blk = &a->d.blocks[bi];
        size_t k0 = k;
        while (k < npl && pl[k].block == bi)
            k++;
        if ((a->o.roles[bi] == ROLE_TOC || (blk->flags & BLOCK_TOC)) && k == k0)
            continue;
        close_groups(b, a, bi, &in_list, &in_table, &row);
        if (blk->kind == BLOCK_LIST_ITEM && !in_list) {
            buf_puts(b, "<ul>\n");
            in_list = 1;
        }
        if (blk->kind == BLOCK_TABLE_CELL) {
            if (!in_table) {
                buf_puts(b, "<table><tr>");
                in_table = blk->table;
                row = blk->row;
            } else if (blk->row != row) {
                buf_puts(b, "</tr>\n<tr>");
                row = blk->row;
            }
        }
        char tagbuf[4];
        const char *tag = block_tag(a, bi, tagbuf);
        int si = a->o.block_sec[bi];
        buf_printf(b, "<%s", tag);
        if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && si >= 0 &&
            a->o.secs[si].heading_block == bi) {
            buf_printf(b, " id=\"d%d-s-", di);
            html_id(b, a->o.secs[si].number);
            buf_putc(b, '"');
        }
        buf_putc(b, '>');
        block_text(b, blk, di, pl + k0, k - k0, res);
        buf_printf(b, "</%s>", tag);
        if (!in_table)
            buf_putc(b, '\n');
    }
    close_groups(b, a, a->d.nblocks, &in_list, &in_table, &row);
    buf_puts(b, "</div>\n");
}

/* ---- outline -------------------------------------------------------------- */

static void outline_nav(buf *b, const analysis *a, int di)
{
    buf_printf(b, "<nav aria-label=\"Outline\"><h3>Outline</h3>\n<p class=\"note\">%zu of %zu "
                  "RFC 3647 sections found</p>\n<ol>\n",
               outline_present(&a->o), a->o.expected);
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        buf_printf(b, "<li class=\"lv%d\">", s->level > 4 ? 4 : s->level);
        if (s->status != SEC_MISSING) {
            buf_printf(b, "<a href=\"#d%d-s-", di);
            html_id(b, s->number);
            buf_puts(b, "\">");
        }
        html_cstr(b, s->number);
        buf_putc(b, ' ');
        html_cstr(b, s->heading ? s->heading : "");
        if (s->status != SEC_MISSING)
            buf_puts(b, "</a>");
        if (s->status == SEC_MISSING)
            buf_puts(b, " <span class=\"defect\">[missing]</span>");
        else if (s->status == SEC_OUT_OF_ORDER)
            buf_puts(b, " <span class=\"defect\">[out of order]</span>");
        else if (s->status == SEC_DUPLICATE)
            buf_puts(b, " <span class=\"defect\">[duplicate]</span>");
        if (s->status != SEC_MISSING && s->empty)
            buf_puts(b, " <span class=\"defect\">[blank]</span>");
        if (s->status != SEC_MISSING && s->title_match == 0)
            buf_puts(b, " <span class=\"defect\">[title differs]</span>");
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ol></nav>\n");
}

/* ---- the page --------------------------------------------------------- */

/* The document profile (profile.h): its first line, then its evidence. */
static void profile_fact(buf *b, const doc_profile *p)
{
    buf t = BUF_INIT;
    profile_write_text(&t, p, 1, 0);
    const char *s = buf_cstr(&t);
    buf_puts(b, "<dt>Profile</dt><dd>");
    int in_list = 0;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n >= 2 && s[0] == '-' && s[1] == ' ') {
            buf_puts(b, in_list ? "<li>" : "<ul><li>");
            in_list = 1;
            html_put(b, s + 2, n - 2);
            buf_puts(b, "</li>");
        } else if (n > 9 && !strncmp(s, "profile: ", 9)) {
            html_put(b, s + 9, n - 9);
        }
        s += n + (e ? 1 : 0);
    }
    buf_puts(b, in_list ? "</ul></dd>" : "</dd>");
    buf_free(&t);
}

static void facts(buf *b, const report_doc *d, cps_date as_of)
{
    const analysis *a = d->a;
    const check_result *res = d->res;
    char ds[11];
    buf_puts(b, "<dl class=\"facts\"><dt>Format</dt><dd>");
    html_cstr(b, a->d.format);
    buf_puts(b, "</dd><dt>Language</dt><dd>");
    html_cstr(b, a->lang[0] ? a->lang : "unknown");
    buf_puts(b, "</dd><dt>Version</dt><dd>");
    html_cstr(b, a->meta.version ? a->meta.version : "unknown");
    buf_puts(b, "</dd><dt>Date</dt><dd>");
    if (a->meta.date != DATE_NONE) {
        date_format(a->meta.date, ds);
        html_cstr(b, ds);
    } else {
        buf_puts(b, "unknown");
    }
    date_format(res->as_of != DATE_NONE ? res->as_of : as_of, ds);
    buf_printf(b, "</dd><dt>Checked as of</dt><dd>%s</dd>", ds);
    if (res->profile)
        profile_fact(b, res->profile);
    if (d->translation) {
        buf_puts(b, "<dt>English version</dt><dd>");
        html_cstr(b, d->translation);
        buf_puts(b, "</dd>");
    }
    buf_printf(b, "<dt>Summary</dt><dd>%zu errors, %zu warnings, %zu notices; rules: %zu fail, "
                  "%zu upcoming, %zu error, %zu pass, %zu n/a, %zu not effective</dd></dl>\n",
               res->errors, res->warnings, res->notices, res->by_status[ST_FAIL],
               res->by_status[ST_UPCOMING], res->by_status[ST_ERROR], res->by_status[ST_PASS],
               res->by_status[ST_NA], res->by_status[ST_NOT_EFFECTIVE]);
}

/* Findings with no place in the text: a missing section, the document as
 * a whole, the English version. */
static void elsewhere(buf *b, const report_doc *d, int di, const unsigned char *placed,
                      const report_opts *o)
{
    int any = 0;
    for (size_t i = 0; i < d->res->nf; i++) {
        if (placed[i] || !report_shown(d, i, o))
            continue;
        const finding *f = &d->res->f[i];
        if (!any++)
            buf_printf(b, "<h3 id=\"d%d-elsewhere\">Findings not in the text</h3>\n<ul>\n", di);
        buf_puts(b, "<li>");
        place p = {NO_PLACE, 0, 0, i};
        fref(b, di, &p, f);
        buf_puts(b, " <strong>");
        html_cstr(b, f->rule->id);
        buf_puts(b, "</strong>");
        if (f->section[0]) {
            buf_puts(b, " (section ");
            html_cstr(b, f->section);
            buf_puts(b, ")");
        }
        if (f->translation)
            buf_puts(b, " (in the English version)");
        buf_puts(b, ": ");
        html_cstr(b, f->message);
        quote(b, f);
        buf_puts(b, "</li>\n");
    }
    if (any)
        buf_puts(b, "</ul>\n");
}

static void document(buf *b, const report_doc *d, int di, cps_date as_of, const report_opts *o)
{
    buf_printf(b, "<section id=\"d%d\" aria-labelledby=\"d%d-title\">\n<h2 id=\"d%d-title\">",
               di, di, di);
    html_cstr(b, report_doc_file(d));
    buf_puts(b, "</h2>\n");
    if (!d->a || !d->res) {
        buf_puts(b, "<p class=\"st st-fail\">ERROR: this input could not be checked: ");
        html_cstr(b, d->error ? d->error : "unknown error");
        buf_puts(b, "</p>\n</section>\n");
        return;
    }
    facts(b, d, as_of);
    const check_result *res = d->res;
    place *pl = xcalloc(res->nf ? res->nf : 1, sizeof *pl);
    unsigned char *placed = xcalloc(res->nf ? res->nf : 1, 1);
    size_t npl = 0;
    for (size_t i = 0; i < res->nf; i++) {
        if (!report_shown(d, i, o))
            continue;
        size_t s, e, blk = place_of(d, &res->f[i], &s, &e);
        if (blk == NO_PLACE)
            continue;
        pl[npl++] = (place){blk, s, e, i};
        placed[i] = 1;
    }
    qsort(pl, npl, sizeof *pl, place_cmp);
    checklist(b, d, di, o);
    elsewhere(b, d, di, placed, o);
    manual_checks(b, res);
    buf_puts(b, "<div class=\"doc\">\n");
    outline_nav(b, d->a, di);
    buf_puts(b, "<div>\n");
    document_text(b, d, di, pl, npl);
    buf_puts(b, "</div></div>\n</section>\n");
    free(pl);
    free(placed);
}

/* The writer's state: documents are rendered as they come and held back,
 * since the page's head, index and filters (which list the rules' sources)
 * come before them and are known only at the end. */
typedef struct html_state {
    report_spool docs;
    buf index;               /* one <li> per document */
    char *first;             /* the first document's name (the <title> of one) */
    const char *sources[32]; /* rule sources seen, first-seen order (borrowed) */
    size_t nsources;
} html_state;

static void note_sources(html_state *st, const check_result *res)
{
    for (size_t j = 0; res && j < res->nitems; j++) {
        const char *src = res->items[j].rule->source;
        if (!src)
            continue;
        size_t k = 0;
        while (k < st->nsources && strcmp(st->sources[k], src))
            k++;
        if (k == st->nsources && st->nsources < sizeof st->sources / sizeof st->sources[0])
            st->sources[st->nsources++] = src;
    }
}

static void filters(buf *b, const html_state *st)
{
    /* hidden until the script shows it: without scripts every row shows */
    buf_puts(b, "<form id=\"filters\" hidden aria-label=\"Filter the checklist\">"
                "<fieldset><legend>Status</legend>");
    for (size_t s = 0; s < sizeof status_order / sizeof status_order[0]; s++) {
        const char *nm = check_status_name(status_order[s]);
        buf_printf(b, "<label><input type=\"checkbox\" name=\"status\" value=\"%s\"%s> %s"
                      "</label> ",
                   nm, status_order[s] <= ST_ERROR ? " checked" : "", nm);
    }
    buf_puts(b, "</fieldset><fieldset><legend>Severity</legend>");
    static const char *const sev[] = {"error", "warning", "notice"};
    for (size_t s = 0; s < 3; s++)
        buf_printf(b, "<label><input type=\"checkbox\" name=\"severity\" value=\"%s\" checked> "
                      "%s</label> ",
                   sev[s], sev[s]);
    buf_puts(b, "</fieldset><label>Source <select id=\"source\"><option value=\"\">all"
                "</option>");
    for (size_t k = 0; k < st->nsources; k++) {
        buf_puts(b, "<option value=\"");
        html_attr(b, st->sources[k]);
        buf_puts(b, "\">");
        html_cstr(b, st->sources[k]);
        buf_puts(b, "</option>");
    }
    buf_puts(b, "</select></label><label>Text <input type=\"search\" id=\"q\"></label>"
                "<output id=\"shown\" aria-live=\"polite\"></output></form>\n");
}

static void html_begin(report_run *r)
{
    r->priv = xcalloc(1, sizeof(html_state));
}

static void html_document(report_run *r, const report_doc *d)
{
    html_state *st = r->priv;
    int di = (int)r->ndocs + 1;
    buf b = BUF_INIT;
    document(&b, d, di, d->res ? d->res->as_of : DATE_NONE, r->o);
    report_spool_put(&st->docs, &b);
    buf_free(&b);
    if (!st->first)
        st->first = xstrdup(report_doc_file(d));
    buf_printf(&st->index, "<li><a href=\"#d%d\">", di);
    html_cstr(&st->index, report_doc_file(d));
    buf_puts(&st->index, "</a>");
    if (d->res)
        buf_printf(&st->index, " &#8212; %zu errors, %zu warnings, %zu notices", d->res->errors,
                   d->res->warnings, d->res->notices);
    else
        buf_puts(&st->index, " &#8212; could not be checked");
    buf_puts(&st->index, "</li>\n");
    note_sources(st, d->res);
}

static void html_end(report_run *r)
{
    html_state *st = r->priv;
    buf *out = &r->out;
    char hs[45], hj[45], ds[11];
    sha256_base64(style, sizeof style - 1, hs);
    sha256_base64(script, sizeof script - 1, hj);
    date_format(r->as_of, ds);
    buf_printf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'sha256-%s'; script-src 'sha256-%s'; base-uri 'none'; "
                    "form-action 'none'\">\n<meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"cpslint %s\">\n<title>cpslint report",
               hs, hj, CPSLINT_VERSION);
    if (r->ndocs == 1 && st->first) {
        buf_puts(out, ": ");
        html_attr(out, st->first); /* <title> is text without markup */
    }
    buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>cpslint "
                    "report</h1>\n<p>Checked as of %s against the rulesets of cpslint %s.</p>\n",
               style, ds[0] ? ds : "each document's own date", CPSLINT_VERSION);
    if (r->ndocs > 1)
        buf_printf(out, "<nav aria-label=\"Documents\"><h2>Documents</h2><ol>\n%s</ol></nav>\n",
                   buf_cstr(&st->index));
    filters(out, st);
    buf_puts(out, "</header>\n<main>\n");
    report_flush(r);
    report_spool_copy(r, &st->docs);
    buf_printf(out, "</main>\n<script>%s</script>\n</body></html>\n", script);
    buf_free(&st->index);
    free(st->first);
    free(st);
    r->priv = NULL;
}

const report_writer report_writer_html = {
    .name = "html",
    .description = "one self-contained page: the checklist, the outline and the document "
                   "with every finding in place",
    .begin = html_begin,
    .document = html_document,
    .end = html_end,
};

/* history_report.c — text, JSON and Markdown for `cpslint history`
 * (history_report.h). */
#include "history_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_out.h"
#include "json.h"

int history_format_parse(const char *name, history_format *fmt)
{
    static const struct {
        const char *name;
        history_format f;
    } names[] = {{"text", HISTORY_TEXT}, {"json", HISTORY_JSON}, {"markdown", HISTORY_MARKDOWN},
                 {"md", HISTORY_MARKDOWN}, {"html", HISTORY_HTML}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i].name)) {
            *fmt = names[i].f;
            return 0;
        }
    return -1;
}

/* ---- shared ---------------------------------------------------------------- */

static const history_version *at(const history_version *v, const history *h, size_t k)
{
    return &v[h->order[k]];
}

static char cell(const history_version *x, int last, const rule *r)
{
    if (!x->a)
        return '?';
    switch (history_status(x, r, last)) {
    case ST_FAIL: return 'X';
    case ST_UPCOMING: return 'u';
    case ST_ERROR: return 'E';
    case ST_PASS: return '.';
    default: return '-';
    }
}

/* 1 if rule r failed, was upcoming or could not run in some version, or
 * has a late window: the rules worth a row. */
static int notable(const history_version *v, const history *h, const rule *r)
{
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = at(v, h, k);
        if (!x->a || !x->checked)
            continue;
        int a = history_status(x, r, 0), b = history_status(x, r, 1);
        if (a == ST_FAIL || a == ST_UPCOMING || a == ST_ERROR || b == ST_FAIL || b == ST_ERROR)
            return 1;
    }
    return 0;
}

static const char *vname(const history_version *x)
{
    return x->version ? x->version : "?";
}

static void date_or(buf *b, cps_date d, const char *none)
{
    char s[11];
    date_format(d, s);
    buf_puts(b, d != DATE_NONE ? s : none);
}

/* "br.3.2.2.4.6.retired [error]: failed by 2.0 (2019-03-01), 2.1 (2020-07-14)
 * while in force from 2020-06-04 (its effective date); passed again in 2.2 of
 * 2020-11-30: 179 days late" */
static void window_text(buf *b, const history_version *v, const history *h,
                        const history_window *w)
{
    buf_printf(b, "%s [%s]: failed by ", w->rule->id, rule_severity_name(w->rule->severity));
    size_t end = w->fixed == HISTORY_OPEN ? h->n : w->fixed;
    for (size_t k = w->first; k < end; k++) {
        const history_version *x = at(v, h, k);
        if (!x->a)
            continue;
        buf_printf(b, "%s%s (", k > w->first ? ", " : "", vname(x));
        date_or(b, x->date, "undated");
        buf_putc(b, ')');
    }
    buf_puts(b, " while in force from ");
    date_or(b, w->start, "?");
    if (w->rule->effective != DATE_NONE && w->start == w->rule->effective)
        buf_puts(b, " (its effective date)");
    if (w->fixed == HISTORY_OPEN) {
        buf_puts(b, "; still failing on ");
        date_or(b, h->as_of, "?");
        buf_printf(b, ": %ld days so far", w->days);
    } else {
        buf_printf(b, "; passed again in %s of ", vname(at(v, h, w->fixed)));
        date_or(b, w->end, "?");
        /* late: counted from the rule's effective date; otherwise the
         * nonconformity was there from the first failing version */
        buf_printf(b, ": %ld days%s", w->days,
                   w->rule->effective != DATE_NONE && w->start == w->rule->effective ? " late" : "");
    }
}

static void issue_text(buf *b, const history_version *v, const history *h, const history_issue *s)
{
    const history_version *x = s->i < h->n ? at(v, h, s->i) : NULL;
    const history_version *p = NULL;
    for (size_t k = s->i < h->n ? s->i : h->n; k-- > 0 && !p;)
        if (at(v, h, k)->a && at(v, h, k)->date != DATE_NONE)
            p = at(v, h, k);
    switch (s->kind) {
    case HISTORY_GAP:
        if (!x) {
            buf_printf(b, "gap: the newest version, %s of ", p ? vname(p) : "?");
            date_or(b, p ? p->date : DATE_NONE, "?");
            buf_printf(b, ", is %ld days old on ", s->days);
            date_or(b, h->as_of, "?");
            buf_printf(b, ": more than %d", HISTORY_MAX_GAP);
            return;
        }
        buf_printf(b, "gap: %ld days between %s (", s->days, p ? vname(p) : "?");
        date_or(b, p ? p->date : DATE_NONE, "?");
        buf_printf(b, ") and %s (", vname(x));
        date_or(b, x->date, "?");
        buf_printf(b, "): more than %d", HISTORY_MAX_GAP);
        return;
    case HISTORY_VERSION_STILL:
        buf_printf(b, "version-unchanged: %s keeps the number of the version before it", x->label);
        return;
    case HISTORY_DATE_STILL:
        buf_printf(b, "date-unchanged: %s (%s) keeps the date of the version before it", x->label,
                   vname(x));
        return;
    case HISTORY_DATE_BACKWARDS:
        buf_printf(b, "date-backwards: %s (%s) is dated before the version before it", x->label,
                   vname(x));
        return;
    case HISTORY_NO_ROW:
        buf_printf(b, "no-revision-row: the revision table of %s (%s) has no row for it",
                   x->label, vname(x));
        return;
    case HISTORY_DUPLICATE:
        buf_printf(b, "duplicate: %s has the number and date of another version", x->label);
        return;
    case HISTORY_NO_DATE:
        buf_printf(b, "no-date: %s has no effective date (and no commit date)", x->label);
        return;
    case HISTORY_UNREADABLE:
        buf_printf(b, "unreadable: %s", x->error ? x->error : x->label);
        return;
    }
}

/* ---- text ------------------------------------------------------------------ */

static void text_versions(buf *b, const history_version *v, const history *h)
{
    buf_printf(b, "%3s  %-10s %-22s %-11s %s\n", "#", "version", "date", "in force to", "source");
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = at(v, h, k);
        buf_printf(b, "%3zu  %-10.10s ", k + 1, x->a ? vname(x) : "-");
        buf d = BUF_INIT;
        date_or(&d, x->date, "undated");
        if (x->date_from_commit)
            buf_puts(&d, " (commit)");
        buf_printf(b, "%-22s ", x->a ? buf_cstr(&d) : "unreadable");
        buf_free(&d);
        buf e = BUF_INIT;
        date_or(&e, x->a ? x->last_day : DATE_NONE, "-");
        buf_printf(b, "%-11s %s\n", buf_cstr(&e), x->label);
        buf_free(&e);
    }
}

static void text_table(buf *b, const history_version *v, const history *h, const ruleset *rs)
{
    size_t w = 4, shown = 0, quiet = 0;
    for (size_t i = 0; i < rs->n; i++)
        if (rs->rules[i].enabled && notable(v, h, &rs->rules[i]) && strlen(rs->rules[i].id) > w)
            w = strlen(rs->rules[i].id);
    buf_printf(b, "\n%-*s ", (int)w, "rule");
    for (size_t k = 0; k < h->n; k++)
        buf_printf(b, "%zu", (k + 1) % 10);
    buf_puts(b, " now\n");
    const history_version *newest = NULL;
    for (size_t k = h->n; k-- > 0 && !newest;)
        if (at(v, h, k)->a)
            newest = at(v, h, k);
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        if (!r->enabled)
            continue;
        if (!notable(v, h, r)) {
            quiet++;
            continue;
        }
        shown++;
        buf_printf(b, "%-*s ", (int)w, r->id);
        for (size_t k = 0; k < h->n; k++)
            buf_putc(b, cell(at(v, h, k), 0, r));
        buf_printf(b, "  %c\n", newest ? cell(newest, 1, r) : '?');
    }
    buf_printf(b, "(%zu rules shown; %zu more passed or did not apply in every version. Each "
                  "column is a version as of its own date, 'now' the newest as of ",
               shown, quiet);
    date_or(b, h->as_of, "?");
    buf_puts(b, ". X fail, u upcoming, . pass, - n/a or not effective, E error, ? unreadable)\n");
}

static void report_text(buf *b, const history_version *v, const history *h, const ruleset *rs)
{
    buf_printf(b, "cpslint history: %zu versions, the newest in force until ", h->n);
    date_or(b, h->as_of, "?");
    buf_puts(b, "\n\n");
    text_versions(b, v, h);
    text_table(b, v, h, rs);
    buf_printf(b, "\nlate windows: %zu\n", h->nw);
    for (size_t i = 0; i < h->nw; i++) {
        buf_puts(b, "  ");
        window_text(b, v, h, &h->w[i]);
        buf_putc(b, '\n');
    }
    buf_printf(b, "\nrecord of updates:%s\n", h->nissues ? "" : " no problem");
    for (size_t i = 0; i < h->nissues; i++) {
        buf_puts(b, "  ");
        issue_text(b, v, h, &h->issues[i]);
        buf_putc(b, '\n');
    }
}

/* ---- Markdown ---------------------------------------------------------------- */

static void md_put(buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\n' || *s == '\r')
            buf_putc(b, ' ');
        else if (strchr("\\`*_[]<>|~&#!", *s))
            buf_putc(b, '\\'), buf_putc(b, *s);
        else
            buf_putc(b, *s);
    }
}

static void report_markdown(buf *b, const history_version *v, const history *h,
                            const ruleset *rs)
{
    buf_printf(b, "# cpslint history\n\n%zu versions, the newest in force until ", h->n);
    date_or(b, h->as_of, "?");
    buf_puts(b, ".\n\n| # | version | date | in force to | source |\n|---|---|---|---|---|\n");
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = at(v, h, k);
        buf_printf(b, "| %zu | ", k + 1);
        md_put(b, x->a ? vname(x) : "unreadable");
        buf_puts(b, " | ");
        date_or(b, x->date, "undated");
        buf_puts(b, x->date_from_commit ? " (commit) | " : " | ");
        date_or(b, x->a ? x->last_day : DATE_NONE, "-");
        buf_puts(b, " | ");
        md_put(b, x->label);
        buf_puts(b, " |\n");
    }
    buf t = BUF_INIT;
    text_table(&t, v, h, rs);
    buf_puts(b, "\n```");
    buf_put(b, t.ptr ? t.ptr : "", t.len);
    buf_puts(b, "```\n");
    buf_free(&t);
    buf_printf(b, "\n## Late windows (%zu)\n\n", h->nw);
    for (size_t i = 0; i < h->nw; i++) {
        buf x = BUF_INIT;
        window_text(&x, v, h, &h->w[i]);
        buf_puts(b, "- ");
        md_put(b, buf_cstr(&x));
        buf_putc(b, '\n');
        buf_free(&x);
    }
    buf_printf(b, "\n## Record of updates\n\n%s", h->nissues ? "" : "No problem.\n");
    for (size_t i = 0; i < h->nissues; i++) {
        buf x = BUF_INIT;
        issue_text(&x, v, h, &h->issues[i]);
        buf_puts(b, "- ");
        md_put(b, buf_cstr(&x));
        buf_putc(b, '\n');
        buf_free(&x);
    }
}

/* ---- JSON ------------------------------------------------------------------ */

static void kv_date(json_w *w, const char *key, cps_date d)
{
    char s[11];
    date_format(d, s);
    json_kv_str(w, key, d != DATE_NONE ? s : NULL);
}

static void json_versions(json_w *w, const history_version *v, const history *h)
{
    json_key(w, "versions");
    json_arr_begin(w);
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = at(v, h, k);
        json_obj_begin(w);
        json_kv_int(w, "index", (long long)k + 1);
        json_kv_str(w, "source", x->label);
        json_kv_str(w, "commit", x->commit);
        if (!x->a) {
            json_kv_str(w, "error", x->error);
            json_obj_end(w);
            continue;
        }
        json_kv_str(w, "version", x->version);
        kv_date(w, "date", x->date);
        json_kv_str(w, "date_source", x->date == DATE_NONE ? NULL
                                      : x->date_from_commit ? "commit" : "document");
        kv_date(w, "in_force_until", x->last_day);
        json_obj_end(w);
    }
    json_arr_end(w);
}

static void json_statuses(json_w *w, const char *key, const history_version *v,
                          const history *h, const rule *r, int last)
{
    json_key(w, key);
    json_arr_begin(w);
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = at(v, h, k);
        int st = x->a && x->checked ? history_status(x, r, last) : -1;
        json_str(w, st < 0 ? NULL : check_status_name((check_status)st));
    }
    json_arr_end(w);
}

static void json_rules(json_w *w, const history_version *v, const history *h, const ruleset *rs)
{
    json_key(w, "rules");
    json_arr_begin(w);
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        if (!r->enabled || !notable(v, h, r))
            continue;
        json_obj_begin(w);
        json_kv_str(w, "rule", r->id);
        json_kv_str(w, "severity", rule_severity_name(r->severity));
        kv_date(w, "effective", r->effective);
        json_statuses(w, "as_of_own_date", v, h, r, 0);
        json_statuses(w, "in_force", v, h, r, 1);
        json_obj_end(w);
    }
    json_arr_end(w);
}

static void json_windows(json_w *w, const history_version *v, const history *h)
{
    json_key(w, "late_windows");
    json_arr_begin(w);
    for (size_t i = 0; i < h->nw; i++) {
        const history_window *x = &h->w[i];
        json_obj_begin(w);
        json_kv_str(w, "rule", x->rule->id);
        json_kv_str(w, "severity", rule_severity_name(x->rule->severity));
        kv_date(w, "effective", x->rule->effective);
        json_kv_int(w, "first_failing", (long long)x->first + 1);
        json_key(w, "fixed_by");
        if (x->fixed == HISTORY_OPEN)
            json_null(w);
        else
            json_int(w, (long long)x->fixed + 1);
        kv_date(w, "start", x->start);
        kv_date(w, "end", x->end);
        json_kv_int(w, "days", x->days);
        json_key(w, "open");
        json_bool(w, x->fixed == HISTORY_OPEN);
        buf t = BUF_INIT;
        window_text(&t, v, h, x);
        json_kv_str(w, "message", buf_cstr(&t));
        buf_free(&t);
        json_obj_end(w);
    }
    json_arr_end(w);
}

static void report_json(buf *b, const history_version *v, const history *h, const ruleset *rs)
{
    json_w w;
    json_init(&w, b, 0);
    json_obj_begin(&w);
    json_key(&w, "tool");
    json_obj_begin(&w);
    json_kv_str(&w, "name", "cpslint");
    json_kv_str(&w, "version", CPSLINT_VERSION);
    json_obj_end(&w);
    kv_date(&w, "as_of", h->as_of);
    json_versions(&w, v, h);
    json_rules(&w, v, h, rs);
    json_windows(&w, v, h);
    json_key(&w, "record");
    json_arr_begin(&w);
    for (size_t i = 0; i < h->nissues; i++) {
        const history_issue *s = &h->issues[i];
        json_obj_begin(&w);
        json_kv_str(&w, "kind", history_issue_name(s->kind));
        json_key(&w, "version");
        if (s->i < h->n)
            json_int(&w, (long long)s->i + 1);
        else
            json_null(&w);
        if (s->kind == HISTORY_GAP)
            json_kv_int(&w, "days", s->days);
        buf t = BUF_INIT;
        issue_text(&t, v, h, s);
        json_kv_str(&w, "message", buf_cstr(&t));
        buf_free(&t);
        json_obj_end(&w);
    }
    json_arr_end(&w);
    json_obj_end(&w);
    buf_putc(b, '\n');
}

/* The HTML page (history_html.c) with the windows and the record as
 * escaped list items. */
static void report_html_page(buf *out, const history_version *v, const history *h)
{
    buf w = BUF_INIT, r = BUF_INIT, t = BUF_INIT;
    for (size_t i = 0; i < h->nw; i++) {
        buf_truncate(&t, 0);
        window_text(&t, v, h, &h->w[i]);
        buf_puts(&w, "<li>");
        html_cstr(&w, buf_cstr(&t));
        buf_puts(&w, "</li>\n");
    }
    for (size_t i = 0; i < h->nissues; i++) {
        buf_truncate(&t, 0);
        issue_text(&t, v, h, &h->issues[i]);
        buf_puts(&r, "<li>");
        html_cstr(&r, buf_cstr(&t));
        buf_puts(&r, "</li>\n");
    }
    if (!h->nissues)
        buf_puts(&r, "<li>no problem</li>\n");
    history_report_html(out, v, h, &w, &r);
    buf_free(&w);
    buf_free(&r);
    buf_free(&t);
}

void history_report(buf *out, history_format fmt, const history_version *v, const history *h,
                    const ruleset *rs)
{
    switch (fmt) {
    case HISTORY_TEXT: report_text(out, v, h, rs); break;
    case HISTORY_JSON: report_json(out, v, h, rs); break;
    case HISTORY_MARKDOWN: report_markdown(out, v, h, rs); break;
    case HISTORY_HTML: report_html_page(out, v, h); break;
    }
}

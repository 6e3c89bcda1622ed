/* history_html.c — `cpslint history --format html`: one self-contained
 * page, no script: the versions, a timeline drawn as inline SVG (one band
 * per version from its date to its last day in force, one bar per late
 * window below), the late windows and the record of updates in words.
 * Every string goes through html_out.c; a Content-Security-Policy allows
 * only the page's own style, by hash. */
#include <stdio.h>
#include <string.h>

#include "history_report.h"
#include "html_out.h"
#include "sha256.h"

static const char style[] =
    ":root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--mut:#5c5c5c;--line:#d0d0d0;"
    "--ver:#3b6ea8;--late:#b3261e}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--mut:#a8a8a8;"
    "--line:#444;--ver:#8ab8ff;--late:#ff7b86}}"
    "body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);"
    "margin:0 auto;max-width:72rem;padding:0 1.5rem;overflow-wrap:anywhere}"
    "table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.25rem .5rem;"
    "text-align:left}svg{width:100%;height:auto}svg text{fill:var(--fg);font-size:11px}"
    ".v{fill:var(--ver)}.l{fill:var(--late)}.axis{stroke:var(--mut)}";

static void date_text(buf *b, cps_date d)
{
    char s[11];
    date_format(d, s);
    buf_puts(b, d != DATE_NONE ? s : "undated");
}

/* x in [40, 980] for date d between lo and hi */
static double xpos(cps_date d, cps_date lo, cps_date hi)
{
    return hi > lo ? 40.0 + 940.0 * (double)(d - lo) / (double)(hi - lo) : 40.0;
}

static void timeline(buf *b, const history_version *v, const history *h)
{
    cps_date lo = DATE_NONE, hi = h->as_of;
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = &v[h->order[k]];
        if (x->a && x->date != DATE_NONE && (lo == DATE_NONE || x->date < lo))
            lo = x->date;
    }
    if (lo == DATE_NONE || hi == DATE_NONE)
        return;
    double height = 60.0 + 18.0 * (double)h->nw;
    buf_printf(b, "<svg viewBox=\"0 0 1000 %.0f\" role=\"img\" aria-labelledby=\"tl\"><title "
                  "id=\"tl\">Versions and late windows over time</title>\n",
               height);
    buf_printf(b, "<line class=\"axis\" x1=\"40\" y1=\"36\" x2=\"980\" y2=\"36\"/>\n");
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = &v[h->order[k]];
        if (!x->a || x->date == DATE_NONE)
            continue;
        double x0 = xpos(x->date, lo, hi), x1 = xpos(x->last_day + 1, lo, hi);
        buf_printf(b, "<rect class=\"v\" x=\"%.1f\" y=\"20\" width=\"%.1f\" height=\"14\" "
                      "opacity=\"%.2f\"><title>",
                   x0, x1 - x0 > 1 ? x1 - x0 - 1 : 1, k % 2 ? 0.55 : 0.85);
        html_attr(b, x->version ? x->version : "?");
        buf_puts(b, ": ");
        date_text(b, x->date);
        buf_puts(b, "</title></rect>\n");
        buf_printf(b, "<text x=\"%.1f\" y=\"14\">", x0);
        html_attr(b, x->version ? x->version : "?");
        buf_puts(b, "</text>\n");
    }
    for (size_t i = 0; i < h->nw; i++) {
        const history_window *w = &h->w[i];
        if (w->start == DATE_NONE || w->end == DATE_NONE)
            continue;
        double x0 = xpos(w->start, lo, hi), x1 = xpos(w->end, lo, hi), y = 48.0 + 18.0 * (double)i;
        buf_printf(b, "<rect class=\"l\" x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"10\">"
                      "<title>",
                   x0, y, x1 - x0 > 1 ? x1 - x0 : 1);
        html_attr(b, w->rule->id);
        buf_printf(b, ": %ld days</title></rect>\n<text x=\"%.1f\" y=\"%.0f\">", w->days,
                   x1 + 4 < 900 ? x1 + 4 : x0, y + 9);
        html_attr(b, w->rule->id);
        buf_printf(b, " (%ld days)</text>\n", w->days);
    }
    buf_puts(b, "</svg>\n");
}

void history_report_html(buf *b, const history_version *v, const history *h, const buf *windows,
                         const buf *record)
{
    char hs[45];
    sha256_base64(style, sizeof style - 1, hs);
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'sha256-%s'; base-uri 'none'; form-action 'none'\">\n"
                  "<title>cpslint history</title>\n<style>%s</style>\n</head>\n<body>\n"
                  "<h1>cpslint history</h1>\n<p>%zu versions, the newest in force until ",
               hs, style, h->n);
    date_text(b, h->as_of);
    buf_puts(b, ".</p>\n");
    timeline(b, v, h);
    buf_puts(b, "<h2>Versions</h2>\n<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">"
                "Version</th><th scope=\"col\">Date</th><th scope=\"col\">In force to</th>"
                "<th scope=\"col\">Source</th></tr></thead><tbody>\n");
    for (size_t k = 0; k < h->n; k++) {
        const history_version *x = &v[h->order[k]];
        buf_printf(b, "<tr><td>%zu</td><td>", k + 1);
        html_cstr(b, x->a ? (x->version ? x->version : "?") : "unreadable");
        buf_puts(b, "</td><td>");
        date_text(b, x->date);
        if (x->date_from_commit)
            buf_puts(b, " (commit)");
        buf_puts(b, "</td><td>");
        date_text(b, x->a ? x->last_day : DATE_NONE);
        buf_puts(b, "</td><td>");
        html_cstr(b, x->label);
        buf_puts(b, "</td></tr>\n");
    }
    buf_printf(b, "</tbody></table>\n<h2>Late windows (%zu)</h2>\n<ul>\n%s</ul>\n"
                  "<h2>Record of updates</h2>\n<ul>\n%s</ul>\n</body></html>\n",
               h->nw, windows->ptr ? windows->ptr : "", record->ptr ? record->ptr : "");
}

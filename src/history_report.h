/* history_report.h — the reports of `cpslint history` (history.h).
 *
 * Text: the versions in order (number, date and where it came from, in
 * force until, source); a table with the rules that failed somewhere down
 * and the versions across, one character per cell (the status as of the
 * version's own date: X fail, u upcoming, . pass, - n/a or not effective,
 * E error, ? unreadable), and a last column for the newest version as of
 * the as-of date; then every late window in words, and the record of
 * updates. JSON: the same data (docs/json.md). Markdown: the text report's
 * content as tables, for an issue or a pull request. HTML: one page with
 * the timeline drawn as inline SVG (history_html.c), no script.
 *
 * Ownership: the writers borrow everything.
 */
#ifndef CPSLINT_HISTORY_REPORT_H
#define CPSLINT_HISTORY_REPORT_H

#include "buf.h"
#include "history.h"
#include "ruleset.h"

typedef enum { HISTORY_TEXT = 0, HISTORY_JSON, HISTORY_MARKDOWN, HISTORY_HTML } history_format;

/* "text", "json", "markdown", "html" -> *fmt; -1 if unknown. */
int history_format_parse(const char *name, history_format *fmt);

/* The HTML page (history_html.c): windows and record are ready-escaped
 * <li> items. */
void history_report_html(buf *b, const history_version *v, const history *h, const buf *windows,
                         const buf *record);

void history_report(buf *out, history_format fmt, const history_version *v, const history *h,
                    const ruleset *rs);

#endif

/* report.h — turning check results into reports.
 *
 * One emitter per format, each appending to a buf (the caller writes it to
 * stdout, or atomically to -o FILE). A report covers one or more checked
 * documents with the same as-of date.
 *
 * Text: per document, a header line, then the checklist grouped by status
 * (fail, upcoming, error, then pass, n/a, not-effective) and, within a
 * status, by section; under each failing rule its findings: section and
 * heading, line, the sentence quoted with the match marked (>>match<< or,
 * with colour, bold red), the message and the citation. The last line is
 * the summary: errors, warnings, notices and the rule counts.
 *
 * JSON: the contract of DESIGN.md ("tool", "as_of", "documents": [{file,
 * format, encoding, language, version, date, sections: {found, expected,
 * missing}, checklist: [{rule, status, severity}], findings: [...]}]),
 * plus "summary" objects.
 *
 * Ownership: emitters borrow everything.
 */
#ifndef CPSLINT_REPORT_H
#define CPSLINT_REPORT_H

#include <stddef.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"

typedef struct report_doc {
    analysis *a;
    const check_result *res;
    const char *translation;   /* --translation FILE, or NULL */
} report_doc;

typedef struct report_opts {
    int color;     /* ANSI colour */
    int quiet;     /* only the summary line */
    int verbose;   /* also the notes of passing and n/a rules */
} report_opts;

void report_text(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                 const report_opts *o);
void report_json(buf *out, const report_doc *docs, size_t n, cps_date as_of);

/* "5 errors, 1 warning, 0 notices" over all documents. */
void report_summary_counts(const report_doc *docs, size_t n, size_t *errors,
                           size_t *warnings, size_t *notices);

#endif

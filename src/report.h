/* report.h — turning check results into reports.
 *
 * One emitter per format (report_FORMAT.c), each appending to a buf (the
 * caller writes it to stdout, or atomically to -o FILE). A report covers
 * one or more inputs with the same as-of date, in input order. An input
 * that could not be read or parsed is a report_doc with a == NULL and
 * error set: every format shows it as an error entry for that file
 * without hiding the others.
 *
 * What is shown and what fails are separate (report_opts):
 *   min_level  findings below this severity are not shown in any format
 *              (their rules keep their checklist status);
 *   marks      per finding: accepted by a baseline entry (with its
 *              reason) — such a finding never fails the run. Text,
 *              Markdown, GitHub and SARIF leave it out (GitHub code
 *              scanning does not honour SARIF suppressions, it would open
 *              an alert); JSON keeps it with "baseline": {reason, ...};
 *              JUnit lists it in the rule's system-out. Summaries count
 *              baselined findings apart;
 *   fail_on    the severity from which an unbaselined finding fails the
 *              run (0: never), shown or not; JUnit writes <failure> for
 *              those only.
 *
 * Text: per document, a header line, then the checklist grouped by status
 * (fail, upcoming, error, then pass, n/a, not-effective) and, within a
 * status, by section; under each failing rule its findings: section and
 * heading, line, the sentence quoted with the match marked (>>match<< or,
 * with colour, bold red), the message and the citation. The last line is
 * the summary: errors, warnings, notices and the rule counts.
 *
 * Every format shows the document profile (profile.h) at the top of each
 * document: text and Markdown its line and evidence, JSON "profile", SARIF
 * the run's properties.profiles, JUnit a "profile" property, HTML a fact.
 *
 * JSON: specified key by key in docs/json.md, with the JSON Schema
 * docs/schema/check.schema.json ("tool", "as_of", "documents": [{file,
 * format, encoding, language, version, date, profile, sections: {found, expected,
 * missing}, checklist: [{rule, status, severity}], findings: [...]}]),
 * plus "summary" objects; an unreadable input is {"file", "error"}.
 *
 * SARIF 2.1.0 (GitHub code scanning), JUnit XML (GitLab, Jenkins),
 * Markdown (a table to paste into a pull request) and GitHub Actions
 * workflow commands: see docs/ci.md.
 *
 * Ownership: emitters borrow everything.
 */
#ifndef CPSLINT_REPORT_H
#define CPSLINT_REPORT_H

#include <stddef.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"

/* What a baseline decided about one finding. */
typedef struct report_mark {
    const char *reason;   /* accepted by a baseline entry (does not fail), else NULL */
    cps_date expired;     /* matched an entry that expired on this date: fails
                             again; DATE_NONE otherwise */
} report_mark;

typedef struct report_doc {
    analysis *a;               /* NULL for an input that could not be checked */
    const check_result *res;   /* NULL likewise */
    const char *translation;   /* --translation FILE, or NULL */
    const char *file;          /* the input as named; NULL: a->d.file */
    const char *error;         /* why the input could not be checked, or NULL */
    const report_mark *marks;  /* res->nf entries, or NULL: nothing baselined */
} report_doc;

/* A run-level message: stale or expired baseline entries. */
typedef struct report_note {
    const char *file;          /* the file it is about, or NULL */
    long line;                 /* its line, 0 if none */
    const char *message;
} report_note;

typedef struct report_opts {
    int color;     /* ANSI colour */
    int quiet;     /* only the summary line */
    int verbose;   /* also the notes of passing and n/a rules */
    int show_evidence; /* text: under each pass, the sentences that earned it */
    int min_level; /* SEV_*: findings below are not shown; 0 shows all */
    int fail_on;   /* SEV_*: unbaselined findings from here fail; 0 never */
    const report_note *notes;
    size_t nnotes;
    const char *srcroot; /* SARIF: absolute directory that relative paths are
                            relative to (the working directory), or NULL */
} report_opts;

typedef enum {
    REPORT_TEXT = 0,
    REPORT_JSON,
    REPORT_SARIF,
    REPORT_JUNIT,
    REPORT_MARKDOWN,
    REPORT_GITHUB,
    REPORT_HTML
} report_format;

/* "text", "json", ... -> format; -1 if unknown. */
int report_format_parse(const char *name);

/* Emit the report of docs[0..n) in format fmt. */
void report_write(buf *out, report_format fmt, const report_doc *docs, size_t n,
                  cps_date as_of, const report_opts *o);

void report_text(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                 const report_opts *o);
/* JSON with every finding shown, nothing baselined. */
void report_json(buf *out, const report_doc *docs, size_t n, cps_date as_of);
void report_json_opts(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                      const report_opts *o);
void report_sarif(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                  const report_opts *o);
void report_junit(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                  const report_opts *o);
void report_markdown(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                     const report_opts *o);
void report_github(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                   const report_opts *o);
/* One self-contained HTML page (report_html.c). */
void report_html(buf *out, const report_doc *docs, size_t n, cps_date as_of,
                 const report_opts *o);

/* ---- shared by the emitters and baselines (report_util.c) ---- */

#define REPORT_FP_LEN 17 /* 16 hex digits and NUL */

/* A fingerprint of rule id + section + the normalised match (folded text,
 * whitespace runs collapsed; "" when the finding has no match): stable
 * when the document is edited elsewhere, so SARIF alerts and baseline
 * entries survive edits. 64-bit FNV-1a with a final mix (fmix64), in
 * lower-case hex. */
void report_fingerprint(const finding *f, char out[REPORT_FP_LEN]);

/* The file name of a report_doc. */
const char *report_doc_file(const report_doc *d);

/* The line a finding points at: its own, else (a missing section, or a
 * finding without a line) the heading line of the nearest section before
 * it in the outline, else 1. */
long report_finding_line(const report_doc *d, const finding *f);

/* 1 if finding i of d is shown (severity at or above o->min_level). */
int report_shown(const report_doc *d, size_t i, const report_opts *o);
/* The baseline reason accepting finding i of d, or NULL. */
const char *report_baselined(const report_doc *d, size_t i);
/* 1 if finding i of d fails the run: not baselined, severity at or above
 * o->fail_on (never when fail_on is 0). min_level does not matter: what
 * is shown and what fails are separate. */
int report_fails(const report_doc *d, size_t i, const report_opts *o);

typedef struct report_counts {
    size_t errors, warnings, notices; /* shown, not baselined */
    size_t baselined;                 /* shown and baselined */
    size_t hidden;                    /* below min_level */
    size_t failing;                   /* report_fails (shown or not) */
    size_t unreadable;                /* inputs that could not be checked */
} report_counts;

/* Counts over docs[0..n) (or one doc with n == 1). */
void report_count(const report_doc *docs, size_t n, const report_opts *o, report_counts *c);

#endif

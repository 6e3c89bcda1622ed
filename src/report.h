/* report.h — turning check results into reports.
 *
 * One writer per format (report_FORMAT.c, listed in the table of
 * report_writers.c), called once per document in input order and
 * appending to a buf that the run hands to a sink (stdout, or the -o file
 * of outfile.h) after each call. A report covers one or more inputs with
 * the same as-of date, in input order. An input
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
 * Text: per document, a header line and the profile; then the answer
 * first (report_text_find.h): errors, rules that could not run and
 * upcoming deadlines, then warnings and notices, each in document order
 * (section, line), identical findings folded into one entry naming their
 * places, missing sections as ranges; each entry gives where, the sentence
 * quoted with the match marked (>>match<< or, with colour, bold red), the
 * message, the rule's why and its citation. Then the manual checks, then
 * one line counting the rules that passed, were n/a or not effective
 * (--show-all lists them as rows, by status then section, with their
 * notes and --show-evidence's evidence under passing rows; --show-evidence
 * alone lists only the passing rules that have evidence). The last line
 * is the summary: errors, warnings, notices and the rule counts.
 *
 * JSON: the contract of DESIGN.md ("tool", "as_of", "documents": [{file,
 * format, encoding, language, version, date, sections: {found, expected,
 * missing}, checklist: [{rule, status, severity}], findings: [...]}]),
 * plus "summary" objects; an unreadable input is {"file", "error"}.
 *
 * SARIF 2.1.0 (GitHub code scanning), JUnit XML (GitLab, Jenkins),
 * Markdown (a table to paste into a pull request) and GitHub Actions
 * workflow commands: see docs/ci.md.
 *
 * Ownership: writers borrow everything; a report_run owns its buf and its
 * writer's state from report_begin to report_end.
 */
#ifndef CPSLINT_REPORT_H
#define CPSLINT_REPORT_H

#include <stddef.h>
#include <stdio.h>

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
    int verbose;   /* text: --show-all, with the notes of passing and
                      not-effective rules */
    int show_all;  /* text: also the rules that passed, were n/a or not
                      effective (else one count line) */
    int show_evidence; /* text: the sentences that satisfied each passing rule */
    int min_level; /* SEV_*: findings below are not shown; 0 shows all */
    int fail_on;   /* SEV_*: unbaselined findings from here fail; 0 never */
    const report_note *notes;
    size_t nnotes;
    const char *srcroot; /* SARIF: absolute directory that relative paths are
                            relative to (the working directory), or NULL */
} report_opts;

typedef struct report_counts {
    size_t errors, warnings, notices; /* shown, not baselined */
    size_t baselined;                 /* shown and baselined */
    size_t suppressed;                /* shown, not baselined, suppressed in the
                                         document (cpslint-disable) */
    size_t hidden;                    /* below min_level */
    size_t failing;                   /* report_fails (shown or not) */
    size_t unreadable;                /* inputs that could not be checked */
} report_counts;

/* ---- writers: one table row per format (report_writers.c) -------------
 *
 * A report is written document by document, in input order, as each one
 * is ready: report_begin, report_document for each, report_end. Only the
 * totals and each writer's small state are kept between documents; what a
 * format must print before the documents but can only know after them
 * (JSON's as_of, SARIF's invocation and artifacts, JUnit's totals) is
 * spooled (report_spool: memory, then a temporary file past 1 MiB) and
 * copied out at the end, so the bytes are those of a report written at
 * once. After each call the text is handed to the sink, if any. */

typedef struct report_writer report_writer;

typedef struct report_run {
    const report_writer *w;
    const report_opts *o;
    buf out;              /* writers append here; drained to the sink */
    void (*sink)(void *ctx, const char *p, size_t n); /* NULL: out keeps all */
    void *ctx;
    cps_date as_of;       /* the run's as-of date (set by report_end) */
    size_t ndocs;         /* documents written so far */
    report_counts totals; /* report_count over them */
    void *priv;           /* the writer's own state (its begin and end) */
} report_run;

struct report_writer {
    const char *name;        /* --format NAME */
    const char *alias;       /* another accepted name, or NULL */
    const char *description; /* for --help */
    int terminal;            /* for people at a terminal: coloured on a tty,
                                baseline notes shown in the report itself */
    void (*begin)(report_run *r);                        /* may be NULL */
    void (*document)(report_run *r, const report_doc *d);
    void (*end)(report_run *r);
};

/* The table (report_writers.c), ended by NULL. */
extern const report_writer *const report_writers[];

/* The writer named name (or its alias); NULL if none. */
const report_writer *report_writer_find(const char *name);

/* "text, json, ... or line" into b (for usage and error messages). */
void report_writer_names(buf *b);

void report_begin(report_run *r, const report_writer *w, const report_opts *o,
                  void (*sink)(void *ctx, const char *p, size_t n), void *ctx);
void report_document(report_run *r, const report_doc *d);
/* Finish with the run's as-of date; r->out is freed when there is a sink
 * (else the caller frees it with buf_free). */
void report_end(report_run *r, cps_date as_of);
/* Hand r->out to the sink now (no-op without one). */
void report_flush(report_run *r);

/* Text a writer must hold back until the end. */
typedef struct report_spool {
    buf mem;
    FILE *f;    /* past 1 MiB, or NULL */
    int failed; /* a temporary file could not be written: kept in memory */
} report_spool;
void report_spool_put(report_spool *s, buf *b); /* moves b's text (b emptied) */
void report_spool_copy(report_run *r, report_spool *s); /* to the output, then freed */

/* The whole report of docs[0..n) into out at once (tests, fuzzing). */
void report_write(buf *out, const report_writer *w, const report_doc *docs, size_t n,
                  cps_date as_of, const report_opts *o);

/* Whole-report shorthands for each original format (report_write). */
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

/* ---- shared by the JSON writers (report_json.c) ---- */

struct json_w;
/* Finding i of rd as the object of docs/json.md (its "findings" items). */
void report_json_finding(struct json_w *w, const report_doc *rd, size_t i);
/* "file", "line" (null if 0) and "message" of a run note, in the open
 * object. */
void report_json_note(struct json_w *w, const report_note *n);
/* "key": "YYYY-MM-DD", or null for DATE_NONE. */
void report_json_date(struct json_w *w, const char *key, cps_date d);

/* ---- shared by the emitters and baselines (report_util.c) ---- */

#define REPORT_FP_LEN 17 /* 16 hex digits and NUL */

/* A fingerprint of rule id + section + the normalised match (folded text,
 * whitespace runs collapsed; "" when the finding has no match): stable
 * when the document is edited elsewhere, so SARIF alerts and baseline
 * entries survive edits. 64-bit FNV-1a with a final mix (fmix64), in
 * lower-case hex. */
void report_fingerprint(const finding *f, char out[REPORT_FP_LEN]);
/* The same with the file's path and the occurrence of that fingerprint in
 * the file (0 the first) mixed in: unique across files and repeats
 * (GitLab Code Quality keys issues by fingerprint alone). */
void report_fingerprint_at(const char *path, const finding *f, unsigned occurrence,
                           char out[REPORT_FP_LEN]);

/* The marked span of f's snippet, clamped to it: [*ms, *me) within
 * strlen(f->snippet) (which is returned). */
size_t report_mark_span(const finding *f, size_t *ms, size_t *me);

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
/* The reason of the cpslint-disable directive suppressing finding i of d
 * (check.h), or NULL. */
const char *report_suppressed(const report_doc *d, size_t i);
/* 1 if finding i of d is an open finding the report lists: shown, not
 * baselined, not suppressed. */
int report_open(const report_doc *d, size_t i, const report_opts *o);
/* 1 if finding i of d fails the run: not baselined, not suppressed, severity at or above
 * o->fail_on (never when fail_on is 0). min_level does not matter: what
 * is shown and what fails are separate. */
int report_fails(const report_doc *d, size_t i, const report_opts *o);


/* fn(ctx, rule, "rule could not run: WHY") for each rule of d in status
 * error, in checklist order. */
void report_each_rule_error(const report_doc *d,
                            void (*fn)(void *ctx, const rule *r, const char *message),
                            void *ctx);

/* Counts over docs[0..n) (or one doc with n == 1). */
void report_count(const report_doc *docs, size_t n, const report_opts *o, report_counts *c);

/* "5 errors, 1 warning, 0 notices" over all documents (every finding). */
void report_summary_counts(const report_doc *docs, size_t n, size_t *errors,
                           size_t *warnings, size_t *notices);

#endif

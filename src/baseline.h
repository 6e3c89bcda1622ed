/* baseline.h — findings a CA has accepted, with a reason, so that they do
 * not fail the gate (format and workflow: docs/ci.md).
 *
 * A baseline is a JSON file a person edits:
 *
 *   {"cpslint_baseline": 1,
 *    "entries": [{"file": "cps/cps.html", "rule": "br.1.5.2.contact-means",
 *                 "section": "1.5.2", "fingerprint": "0123456789abcdef",
 *                 "reason": "why it is accepted", "expires": "2027-01-31",
 *                 "finding": "what it was (ignored)"}]}
 *
 * An entry accepts one finding of that file with the same rule, section
 * ("" or null for the whole document) and fingerprint (report.h: rule +
 * section + normalised match). From the day after "expires" it no longer
 * accepts it: the finding fails again and a note says so. An entry that
 * accepts nothing while its file was checked is stale (a note). The
 * loader is strict: unknown keys, a missing or empty reason, the
 * placeholder reason --write-baseline puts there, a bad date or
 * fingerprint are errors naming FILE:LINE (CPS_E_INPUT; exit 2).
 *
 * Ownership: a baseline owns its entries and strings (baseline_free);
 * notes from baseline_notes are owned by the caller (baseline_notes_free).
 */
#ifndef CPSLINT_BASELINE_H
#define CPSLINT_BASELINE_H

#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "date.h"
#include "err.h"
#include "report.h"

#define BASELINE_VERSION 1
#define BASELINE_PLACEHOLDER "TODO: replace with the reason this finding is accepted"

typedef struct baseline_entry {
    char *file;         /* normalised path (no "./", no "//") */
    char *rule;
    char *section;      /* "" for the whole document */
    char fingerprint[REPORT_FP_LEN];
    char *reason;
    cps_date expires;   /* last day it applies; DATE_NONE: no expiry */
    long line;          /* line of the entry in the baseline file */
    size_t used;        /* findings it matched in this run */
    int expired_hit;    /* it matched a finding after expiring */
} baseline_entry;

typedef struct baseline {
    char *path;
    baseline_entry *e;
    size_t n;
} baseline;

/* Read and validate path. On failure *b is left freed. */
int baseline_load(const char *path, baseline *b, cps_err *e);

/* Decide for each finding of one checked document (named file) whether
 * an entry accepts it, as of today: marks[0..res->nf) are set. */
void baseline_apply(baseline *b, const char *file, const check_result *res, cps_date today,
                     report_mark *marks);

/* Notes for entries that expired and matched, and for stale entries of
 * the files in checked[0..nchecked) (entries of files not checked in this
 * run are not stale). Returns the count; *notes is caller-owned. */
size_t baseline_notes(const baseline *b, const char *const *checked, size_t nchecked,
                      report_note **notes);
void baseline_notes_free(report_note *notes, size_t n);

/* A baseline of every finding of docs (those with results) but those a
 * cpslint-disable directive suppresses (their reason is in the document).
 * A finding an entry of old (may be NULL) accepts keeps that entry's
 * reason and expiry; the others get BASELINE_PLACEHOLDER, which the loader refuses
 * until a person replaces it. */
void baseline_write(buf *out, const report_doc *docs, size_t n, const baseline *old);

/* Normalise a path for comparison: "./a//b" -> "a/b". Caller frees. */
char *baseline_norm_path(const char *path);

void baseline_free(baseline *b);

#endif

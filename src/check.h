/* check.h — evaluating a ruleset over an analysed document, as of a date.
 *
 * Every enabled rule ends in one status (the checklist):
 *   not-effective  as-of date outside [effective, until) (UTC dates,
 *                  effective inclusive, until exclusive), and not upcoming;
 *   upcoming       as-of date before `effective`, at most CHECK_UPCOMING_DAYS
 *                  days before it, and the rule would fail: its findings are
 *                  reported as warnings (a notice stays a notice);
 *   n/a            the rule is outside the document's profile (profile.h:
 *                  a CPS duty on a stand-alone CP, a CP duty on a stand-
 *                  alone CPS, a duty a CP hands to its CPS in words, a
 *                  TLS rule on an S/MIME document, any rule on a document
 *                  that is not a CA's policy), the document is dated
 *                  outside [doc-dated-from, doc-dated-until), or a forbid
 *                  rule's scope sections are all absent;
 *   error          the rule could not run (a PCRE2 limit was hit): never a
 *                  silent pass;
 *   fail / pass    the rule ran and found nonconformities, or none.
 *
 * Kinds (ruleset.h): forbid looks at every clause (text_clauses: sentence
 * or list item) of every block in scope; a match is a finding unless an
 * `unless` pattern occurs in the same clause. A heading that names the
 * thing (e.g. "3.2.2.4.5 Domain Authorization Document") counts only when
 * its section has text of its own, and the heading plus the first clause
 * of that text is the clause for `unless` ("Not used", "Reserved"). A list
 * item introduced by a paragraph ending in ':' is also cancelled by an
 * `unless` in that paragraph's last clause. Blocks of the table of
 * contents and the revision history are never in scope.
 *
 * Kind require reads the sections of its scope, their subsections and (but
 * for `scope-strict` rules) the sections their text refers to explicitly
 * ("see Section 4.9.1", "voir la section 4.9.1"), one hop; never headings
 * (unless `headings = yes`, and then only a heading whose section has
 * text), definitions, references, bibliography or glossary parts; a
 * pattern tagged with a language reads only blocks in that language. A
 * pass keeps its evidence (check_item.evidence).
 *
 * Ownership: a check_result owns its findings' strings and items; rules
 * are borrowed from the ruleset, which must outlive the result.
 */
#ifndef CPSLINT_CHECK_H
#define CPSLINT_CHECK_H

#include <stddef.h>

#include "analysis.h"
#include "date.h"
#include "err.h"
#include "match.h"
#include "outline.h"
#include "profile.h"
#include "ruleset.h"

#define CHECK_UPCOMING_DAYS 180
/* Findings listed per rule and document (more than the 270 RFC 3647
 * sections, so a missing-section rule lists them all); the rest are counted
 * in the item note. */
#define CHECK_MAX_FINDINGS 300

typedef enum {
    ST_FAIL = 0,
    ST_UPCOMING,
    ST_ERROR,
    ST_PASS,
    ST_NA,
    ST_NOT_EFFECTIVE
} check_status;

#define ST_COUNT 6

typedef struct finding {
    const rule *rule;
    rule_severity severity;   /* the rule's; at most SEV_WARNING for upcoming */
    check_status status;      /* ST_FAIL or ST_UPCOMING */
    char section[OUTLINE_NUM_MAX]; /* "" for the whole document */
    char *heading;            /* section heading as written (or RFC title), or NULL */
    long line;                /* 0 unknown */
    char *snippet;            /* quoted document text, or NULL */
    size_t mark_start, mark_end; /* the match inside snippet (equal: no mark) */
    char *message;
    char *match;              /* matching text of the match (folded), or NULL */
    int translation;          /* 1 if found in the --translation document */
    size_t block;             /* the block quoted (index in the document's blocks), or
                                 CHECK_NO_BLOCK (a missing section, the document) */
    size_t bstart, bend;      /* the match in that block's display text (bytes) */
    char *suppressed;         /* the reason of the cpslint-disable directive whose
                                 section holds it (check_suppress.c; owned), or
                                 NULL: such a finding never fails the run */
    long suppressed_line;     /* that directive's line (0 unknown) */
} finding;

#define CHECK_NO_BLOCK ((size_t)-1)

/* What earned a require rule its pass: the sentence that holds a `match`
 * and, with `also`, the one that holds an `also` (with `also-in = clause`
 * one sentence holds both and is given once). */
typedef struct check_evidence {
    char section[OUTLINE_NUM_MAX]; /* "" for the front matter */
    long line;                /* 0 unknown */
    char *quote;              /* the clause as written (display text, at most ~300 bytes) */
    int also;                 /* 0 the `match` group, 1 the `also` group */
    size_t block, cs;         /* the block and folded offset of the sentence */
} check_evidence;

typedef struct check_item {
    const rule *rule;
    check_status status;
    rule_severity severity;   /* severity shown for the item */
    char *note;               /* why: "document dated 2018-11-25, before 2020-04-01", or NULL */
    size_t nfindings;
    check_evidence *evidence; /* pass of a require rule: what satisfied it (owned), or NULL */
    size_t nevidence;
    int dated;                /* 1: the evaluation compared the as-of date with a date
                                 of the document (a stop date, a schedule row, an
                                 end of permission, the newest revision), so another
                                 as-of date may give another status */
} check_item;

typedef struct check_result {
    cps_date as_of;
    const char *as_of_source; /* where as_of came from: "option", "document",
                                 "today" (static; set by the caller of
                                 check_run, NULL: not said) */
    check_item *items;        /* one per enabled rule, in ruleset order */
    size_t nitems;
    finding *f;               /* in item order, then document order */
    size_t nf, fcap;
    size_t by_status[ST_COUNT];
    size_t errors, warnings, notices; /* findings by effective severity */
    const doc_profile *profile; /* the profile the rules were applied to (borrowed
                                   from check_input; NULL: none, every rule applied) */
} check_result;

typedef struct check_input {
    analysis *doc;            /* the document */
    analysis *translation;    /* --translation FILE, or NULL */
    cps_date as_of;
    const outline_spec *spec; /* for the titles of missing sections; may be NULL */
    const doc_profile *profile; /* what the document is (profile.h), or NULL: every
                                   rule applies. Borrowed; must outlive the result. */
} check_input;

/* Run every enabled rule of rs. Returns 0 (rule errors are statuses, not
 * failures of the run) or a negative CPS_E_* code. */
int check_run(const ruleset *rs, const check_input *in, matcher *m,
              check_result *out, cps_err *e);

/* The status of every item of prev (a check_run of in->doc with rs) as of
 * in->as_of instead of prev->as_of, into status[i] for prev->items[i]. Only
 * the items whose status can differ are evaluated again: those whose rule
 * has a date (effective, upcoming window, until, adopted, a step of its
 * schedule, ...) between the two dates, and those whose evaluation compared
 * the as-of date with a date of the document (check_item.dated). The others
 * keep their status: the same text, rules and dates give the same answer.
 * `cpslint history` uses it for each version's last day in force. */
void check_statuses_at(const ruleset *rs, const check_input *in, matcher *m,
                       const check_result *prev, check_status *status);

/* Evaluate one rule ignoring its dates: appends its findings to out and
 * returns ST_FAIL, ST_PASS, ST_NA or ST_ERROR (note set for errors). */
check_status check_eval_rule(const rule *r, const check_input *in, matcher *m,
                             check_result *out, char **note);

/* Run one example of r: build a small synthetic document (the example in
 * the rule's example section, or a complete outline edited by "without N"
 * / "blank N" for structure rules), evaluate r on it and set *fired. */
int check_example(const rule *r, const rule_example *x, const outline_spec *spec,
                  matcher *m, int *fired, char **detail, cps_err *e);

/* The same, as of a date, through the rule's dates (effective, until,
 * upcoming) as check_run applies them: *status is the checklist status. */
int check_example_at(const rule *r, const rule_example *x, const outline_spec *spec,
                     matcher *m, cps_date as_of, check_status *status, char **detail,
                     cps_err *e);
/* The date check_example runs x as of: its @DATE, else the latest of the
 * rule's effective / authoritative-from / doc-dated-from dates (for limit
 * rules and undated rules: today if later), kept before `until`. */
cps_date check_example_default_date(const rule *r, const rule_example *x);

/* ---- the kind table (src/check_kinds.c) -------------------------------
 * One row per rule kind: what the rules loader, `cpslint rules --kinds`
 * and the engine know of it. Kinds are numbered 1..check_kind_count() in
 * table order (ruleset.h names the ones other code needs). */
typedef struct check_kind_info {
    const char *name;     /* as written in rules files: kind = NAME */
    const char *summary;  /* one line, for `cpslint rules --kinds` (@INPUT_NAMES@:
                             the input formats, cli_put_usage) */
    unsigned takes;       /* RULE_KEY_* (ruleset.h) it accepts beyond the common keys */
    unsigned needs;       /* RULE_KEY_* it requires */
    int examples;         /* 0: its rules have no examples (text cannot decide them) */
    /* Its own checks of a complete rule (it may complete r: a limit rule's
     * effective date from its first step): 0, or -1 with msg set. */
    int (*validate)(rule *r, char *msg, size_t size);
} check_kind_info;

size_t check_kind_count(void);
/* k's row, or NULL when k is no kind. */
const check_kind_info *check_kind(rule_kind k);
/* The kind called name, or 0. */
rule_kind check_kind_find(const char *name);
/* k's name, or "?". */
const char *rule_kind_name(rule_kind k);

void check_result_free(check_result *r);

/* A rule of cpslint's own, not in any rules file: the
 * cpslint.suppression.* rules about its cpslint-disable directives
 * (check_suppress.c). Static, never freed; NULL if id is not one. */
const rule *check_builtin_rule(const char *id);

const char *check_status_name(check_status s); /* "fail", "n/a", "not-effective"... */

#endif

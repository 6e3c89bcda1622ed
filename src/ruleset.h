/* ruleset.h — rules as data: records, loading, validation.
 *
 * A ruleset is the rules of one or more rulesets/NAME.rules files (format in
 * docs/rules-format.md). Loading validates everything a run relies on and
 * refuses the file otherwise, with "FILE:LINE: rule ID: message": unknown
 * keys, missing required keys, duplicate ids (across files too), bad or
 * inverted dates, scopes that are not RFC 3647 sections, patterns that do
 * not compile (PCRE2's message and offset), rules without an example.bad
 * and an example.good in each language their examples claim.
 *
 * The files: ruleset.c (records), ruleset_keys.c (values),
 * ruleset_load.c (files, complete rules); ruleset_internal.h between them.
 * What a kind takes and checks is its row of the kind table (check.h).
 *
 * Ownership: a ruleset owns its rules and everything in them (strings,
 * compiled patterns) and the prefilter over its patterns; ruleset_free
 * releases it all. Compiled patterns and the prefilter are read-only after
 * loading, so one ruleset may serve several matchers.
 */
#ifndef CPSLINT_RULESET_H
#define CPSLINT_RULESET_H

#include <stddef.h>

#include "date.h"
#include "err.h"
#include "match.h"
#include "outline.h"
#include "prefilter.h"

typedef enum {
    SEV_NOTICE = 1,
    SEV_WARNING = 2,
    SEV_ERROR = 3
} rule_severity;

/* A rule's kind: its row in the kind table (check.h, src/check_kinds.c),
 * which gives its name, the keys it takes and its evaluation. The kinds
 * other code names have a value here, in table order; a new kind needs
 * none (its value is its row's position). */
typedef unsigned rule_kind;
enum {
    KIND_FORBID = 1,  /* each match in scope is a finding unless `unless` in its clause */
    KIND_REQUIRE,     /* no `match` (and, if given, no `also`) in scope is a finding */
    KIND_LIMIT,       /* durations near a cue compared with a dated schedule */
    KIND_STRUCTURE,   /* built in: missing / blank RFC 3647 sections */
    KIND_LANGUAGE,    /* built in: an (authoritative) English version */
    KIND_META,        /* built in: version, revision table, annual update */
    KIND_TITLE,       /* `match` in the document title, unless `unless` there */
    KIND_HEADINGS,    /* `match` in a heading of the document (any heading) */
    KIND_MANUAL,      /* text cannot decide: always n/a, the message says what to check */
    KIND_TRANSLATION, /* built in: an original and its English version (translation.h) */
    KIND_PROFILE,     /* built in: what the document is (profile.h): check = not-a-policy */
    KIND_VERSION      /* a version number in a `match` older than the `min-version` in force */
};

/* The keys only some kinds take or need, as the kind table states them
 * (check_kind_info.takes / .needs); the loader refuses one given to a kind
 * that does not take it ("'near' is for limit rules"). */
enum {
    RULE_KEY_MATCH = 1u << 0,        /* match (needs only) */
    RULE_KEY_SCOPE = 1u << 1,        /* scope (needs only) */
    RULE_KEY_NEAR = 1u << 2,         /* near */
    RULE_KEY_SCHEDULE = 1u << 3,     /* max / min */
    RULE_KEY_SPAN = 1u << 4,         /* span = section */
    RULE_KEY_SUBJECT = 1u << 5,      /* subject */
    RULE_KEY_ALSO_WINS = 1u << 6,    /* also-wins = yes */
    RULE_KEY_HEADINGS_YES = 1u << 7, /* headings = yes */
    RULE_KEY_HEADINGS_NO = 1u << 8,  /* headings = no */
    RULE_KEY_READING = 1u << 9,      /* scope-strict, also-in */
    RULE_KEY_MIN_VERSION = 1u << 10, /* min-version */
    RULE_KEY_STANCE = 1u << 11       /* offer, mention, local */
};
/* The keys of one RULE_KEY_* bit as a rules file writes them ("max, min"),
 * or NULL for no bit. */
const char *rule_key_name(unsigned bit);

typedef enum {
    CHECK_NONE = 0,
    CHECK_MISSING_SECTIONS,   /* structure: check = missing */
    CHECK_BLANK_SECTIONS,     /* structure: check = blank */
    CHECK_SECTION_ORDER,      /* structure: check = order (sections out of RFC 3647 order) */
    CHECK_DUPLICATE_SECTIONS, /* structure: check = duplicate */
    CHECK_HEADING_TITLES,     /* structure: check = title (heading differs from RFC/BR/FR titles) */
    CHECK_ENGLISH_VERSION,    /* language: check = english-version */
    CHECK_CHANGELOG,          /* meta: check = changelog (version + dated revision rows) */
    CHECK_ANNUAL_UPDATE,      /* meta: check = annual-update (newest dated entry, max-age) */
    CHECK_EFFECTIVE_DATE,     /* meta: check = effective-date (a labelled date, or `match`) */
    CHECK_TRANSLATION_VERSION,   /* translation: check = version */
    CHECK_TRANSLATION_DATE,      /* translation: check = date */
    CHECK_TRANSLATION_SECTIONS,  /* translation: check = sections */
    CHECK_TRANSLATION_LENGTH,    /* translation: check = length */
    CHECK_TRANSLATION_AUTHORITATIVE, /* translation: check = authoritative */
    CHECK_NOT_A_POLICY,       /* profile: check = not-a-policy (a notice) */
    CHECK_CP_ALONE            /* profile: check = cp-alone, a stand-alone CP */
} rule_check;

/* One step of a limit schedule: from `from` (DATE_NONE: always) the limit
 * is value in unit ('h' hours, 'd' days, 'w' weeks, 'm' months, 'y' years). */
typedef struct limit_step {
    cps_date from;
    cps_date adopted;  /* "... from DATE adopted DATE": no upcoming before it */
    int value;
    char unit;
} limit_step;

/* One step of a `min-version` schedule: from `from` (DATE_NONE: always) a
 * version below v[0].v[1].v[2] is old. */
typedef struct version_step {
    cps_date from;
    int v[3];
} version_step;

typedef struct rule_example {
    char *text;
    int bad;          /* 1 example.bad (must fire), 0 example.good */
    char lang[4];     /* "en" unless the key says .fr etc. */
    cps_date as_of;   /* example.bad@2026-03-15: run as of that date; DATE_NONE default */
    long line;
} rule_example;

typedef struct rule_patterns {
    rule_pattern *v;
    size_t n;
} rule_patterns;

/* Which document a duty is addressed to (`addressed-to`). */
typedef enum {
    RULE_TO_ANY = 0,   /* the CP or the CPS, whichever carries it */
    RULE_TO_CPS,       /* the CPS or a combined CP/CPS ("Section 1.5.2 of their CPS") */
    RULE_TO_CP         /* the CP or a combined CP/CPS (Chrome 1.1.3) */
} rule_addressed_to;

/* effective.SECTION = DATE: the rule covers SECTION (and its subsections)
 * only from DATE, the date a later edition of the source extended it there. */
typedef struct section_date {
    char number[OUTLINE_NUM_MAX];
    cps_date from;
} section_date;

typedef struct rule {
    char *id;              /* stable, lower case: <source>.<section>.<slug> */
    char *title;
    char *message;         /* what a finding says */
    char *source;          /* "CA/Browser Forum Baseline Requirements" */
    char *cite;            /* "BR 4.9.3 (Ballot SC-006)" */
    char *url;             /* optional */
    rule_severity severity;
    rule_kind kind;
    rule_check check;
    cps_date effective;    /* inclusive; DATE_NONE = always */
    cps_date adopted;      /* the source was adopted/published (ballot adoption,
                              policy publication): no `upcoming` before it;
                              DATE_NONE: not said */
    section_date *sec_from; /* effective.SECTION keys, in file order */
    size_t nsec_from;
    cps_date until;        /* exclusive; DATE_NONE = never ends */
    cps_date doc_from;     /* n/a for documents dated before (DATE_NONE: any) */
    cps_date doc_until;    /* n/a for documents dated on or after */
    cps_date strict_from;  /* language: English must be authoritative from */
    char **scope;          /* "doc" or section numbers */
    size_t nscope;
    char **exclude;        /* section numbers */
    size_t nexclude;
    char example_section[OUTLINE_NUM_MAX]; /* where examples are placed */
    char *match_label;     /* require: what `match` looks for ("a contact means") */
    char *also_label;      /* require: what `also` looks for */
    rule_patterns match, also, unless, link;
    rule_patterns near;    /* limit: a cue that must occur in the clause */
    rule_patterns offer, mention, local; /* forbid: stance cues (stance.h); a forbid
                              rule with any of them reports a match only where
                              the document offers it; `unless` are its
                              disclaimer cues */
    limit_step *steps;     /* limit: the schedule, by ascending `from` */
    size_t nsteps;
    int limit_min;         /* limit: 1 the schedule is of minima (`min`), 0 maxima (`max`) */
    int max_age;           /* meta annual-update: days */
    int span_section;      /* forbid: `span = section`, match the whole own text of a section */
    int in_headings;       /* require: `headings = yes` (1), a heading whose section has
                              text counts too; forbid: `headings = no` (-1), headings
                              never match (RFC 3647 titles are not statements) */
    int scope_strict;      /* require: `scope-strict = yes`, the requirement names the
                              section itself: "see Section X" references not followed */
    int also_clause;       /* require: `also-in = clause` (1), an `also` match counts
                              only in the sentence of a `match` match (subject and
                              statement); `also-in = block` (2), in its block */
    version_step *versions; /* version: the `min-version` schedule, by ascending `from` */
    size_t nversions;
    int also_wins;         /* limit: `also-wins = yes` (formerly `subject = also`): an
                              `unless` cue does not set a duration aside when an `also`
                              cue stands beside it ("identity and domain data ... 825
                              days") */
    unsigned subject;      /* limit, forbid: the certificate classes the rule is about
                              (subject.h SUBJ_* bits); 0 = not said, every value counts */
    rule_addressed_to addressed_to; /* `addressed-to`: cp, cps, any */
    unsigned cert_scope;   /* `cert-scope`: PROFILE_SCOPE_* bits (profile.h); 0 = any */
    int profile_keys;      /* bit 0 addressed-to given, bit 1 cert-scope given */
    char *uncertain;       /* why the rule's source or date is doubtful, or NULL */
    char *dates;           /* where its dates come from (docs/rules.md), or NULL */
    char *description;     /* longer explanation, or NULL */
    rule_example *examples;
    size_t nexamples;
    int enabled;           /* 0 when disabled (--disable, enabled = no) */
    const char *file;      /* owned by the ruleset (files[]) */
    long line;             /* line of the [id] header */
} rule;

/* The distinct pattern sources of a ruleset and their prefilter
 * (prefilter.h), rebuilt after each file is loaded: a rule_pattern's pf is
 * the index of its source here. Read-only once loading is done. */
typedef struct ruleset_pf {
    char **src;            /* distinct sources (owned) */
    uint32_t *hash;        /* of each source */
    char ***lits;          /* necessary literals of each (owned) */
    size_t *nlits;         /* 0: none known, always run */
    rule_pattern *first;   /* a copy of the first pattern of each source,
                              whose compiled code the others share (its
                              pointers are borrowed: not freed here) */
    size_t n, cap;
    prefilter *pf;         /* owned */
} ruleset_pf;

typedef struct ruleset {
    rule *rules;
    size_t n, cap;
    char **files;
    size_t nfiles;
    ruleset_pf pf;
} ruleset;

void ruleset_init(ruleset *rs);
void ruleset_free(ruleset *rs);

/* Load one rules file and append its rules. spec (may be NULL: no scope
 * validation) is the expected outline. On error nothing of the file is
 * kept, rs stays as it was and e says FILE:LINE: rule ID: message. */
int ruleset_load_file(ruleset *rs, const char *path, const outline_spec *spec,
                      cps_err *e);
/* The same from memory: data[0..len) is the text of a rules file (need not
 * be NUL-terminated; NUL bytes are refused), name is used in messages and
 * kept as the rules' file. The caller keeps data. */
int ruleset_load_buffer(ruleset *rs, const char *name, const char *data, size_t len,
                        const outline_spec *spec, cps_err *e);
/* name is a path (contains '/' or ends with ".rules") or a ruleset name
 * ("cabf-br" -> <data_dir>/rulesets/cabf-br.rules). */
int ruleset_load_named(ruleset *rs, const char *name, const char *data_dir,
                       const outline_spec *spec, cps_err *e);
/* The NAMEs of <data_dir>/rulesets/NAME.rules, sorted (caller frees each
 * and the array, also on error). */
int ruleset_names(const char *data_dir, char ***names, size_t *n, cps_err *e);
/* Every <data_dir>/rulesets/NAME.rules, in name order. */
int ruleset_load_all(ruleset *rs, const char *data_dir,
                     const outline_spec *spec, cps_err *e);

/* Enable or disable by id; an id ending in ".*" or a prefix followed by
 * '.' selects a family ("br.3.2.2.4" covers br.3.2.2.4.1.retired).
 * Returns the number of rules changed, or CPS_E_USAGE if none matched. */
int ruleset_set_enabled(ruleset *rs, const char *id, int enabled, cps_err *e);
const rule *ruleset_find(const ruleset *rs, const char *id);

const char *rule_severity_name(rule_severity s);
/* "cp", "cps", "any". */
const char *rule_addressed_to_name(rule_addressed_to t);

/* 1 if step k of a limit rule's schedule is looser than step k-1 (a lower
 * minimum or a higher maximum). */
int ruleset_step_loosens(const rule *r, size_t k);


#endif

/* check_internal.h — what the rule kinds share inside the check engine.
 *
 * The engine is one module in several files:
 *   check.c          the driver: rule dates and statuses,
 *                    check_run (one prefilter pass, then every rule)
 *   check_common.c   findings, scope, pattern and clause helpers
 *   check_forbid.c   kind forbid (clauses; span = section)
 *   check_require.c  kind require
 *   check_limit.c    kind limit (durations against a dated schedule)
 *   check_doc.c      document-level kinds: structure, language, meta,
 *                    title, headings, translation
 *   check_example.c  rule examples as small documents (cpslint rules --test)
 *   check_suppress.c the document's cpslint-disable directives, after
 *                    every rule (check_run)
 *   check_subject.c  which certificate a value is about (subject.h over the
 *                    document: row label, column header, caption, lead-in,
 *                    section heading)
 *
 *   check_kinds.c    the kind table: one row per kind
 *
 * Adding a kind: one row of CHK_KINDS in check_kinds.c (name, example
 * document, keys it takes and needs, summary) and one new file defining
 * chk_eval_NAME and chk_validate_NAME. The rules loader, its messages and
 * `cpslint rules --kinds` follow the table.
 *
 * Nothing here is for other modules: they use check.h.
 */
#ifndef CPSLINT_CHECK_INTERNAL_H
#define CPSLINT_CHECK_INTERNAL_H

#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "prefilter.h"

/* Whether each section of one analysis is in one rule's scope, decided on
 * first use per section (0 unknown, 1 out, 2 in): blocks outnumber
 * sections, and comparing section numbers per block was 7% of a run. */
typedef struct scope_memo {
    const rule *r;
    const analysis *a;
    unsigned char *in;      /* a->o.n entries (owned) */
} scope_memo;

/* One rule's evaluation over one document. */
typedef struct evalctx {
    const rule *r;
    const outline_spec *spec;
    matcher *m;
    const pf_hits *hits;      /* prefilter of hits_doc's blocks, or NULL */
    const analysis *hits_doc;
    scope_memo scope;         /* chk_block_in_scope's (owned) */
    int failed;               /* a limit or error was hit */
    cps_date as_of;           /* the date the rule is evaluated as of */
    int dated;                /* a date of the document was compared with as_of
                                 (check_item.dated) */
    analysis *stance_doc;     /* forbid stance rules: the document classified */
    char errmsg[256];
    check_evidence *ev;       /* require: what satisfied the rule (owned; moved to the
                                 checklist item on a pass) */
    size_t nev;
} evalctx;

/* A subject that is not (part of) one block of the checked document. */
#define CHK_NO_BLOCK ((size_t)-1)

/* ---- the kinds (one file each; see the table in check.c) ---------------
 * Each appends its findings to out. It returns ST_PASS when the findings
 * decide the status (none: pass), or ST_NA with *note set (owned by the
 * caller) when the rule does not apply to the document. */
typedef check_status (*chk_eval_fn)(evalctx *c, const check_input *in, check_result *out,
                                    char **note);

/* Each kind's file says CHK_KIND_DECLARE(NAME); and defines chk_eval_NAME
 * (a chk_eval_fn) and chk_validate_NAME (check_kind_info.validate); the
 * table's row in check_kinds.c uses both. */
#define CHK_KIND_DECLARE(name)                                                                \
    check_status chk_eval_##name(evalctx *c, const check_input *in, check_result *out,        \
                                 char **note);                                                \
    int chk_validate_##name(rule *r, char *msg, size_t size)

/* A validate hook's refusal: msg set to the formatted text, returns -1. */
int chk_invalid(char *msg, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* What forbid, require and version refuse alike: 'check' and 'link'. */
int chk_validate_statement(const rule *r, char *msg, size_t size);

/* The example document of a rule (check_example.c): HTML appended to b. */
typedef void (*chk_example_fn)(const rule *r, const rule_example *x, const outline_spec *spec,
                               buf *b);
void chk_example_sections(const rule *r, const rule_example *x, const outline_spec *spec, buf *b);
void chk_example_outline(const rule *r, const rule_example *x, const outline_spec *spec, buf *b);
void chk_example_front(const rule *r, const rule_example *x, const outline_spec *spec, buf *b);
void chk_example_language(const rule *r, const rule_example *x, const outline_spec *spec, buf *b);

/* Which example document a kind's rules are tested on (a tag, not the
 * builder: the table stays below check_example.c, which runs the engine). */
typedef enum {
    CHK_EX_NONE = 0,  /* the kind builds its own (translation) or has none */
    CHK_EX_SECTIONS,  /* chk_example_sections */
    CHK_EX_OUTLINE,   /* chk_example_outline */
    CHK_EX_FRONT,     /* chk_example_front */
    CHK_EX_LANGUAGE   /* chk_example_language */
} chk_example_doc;

/* The kind table's row for r's kind (check_kinds.c). */
typedef struct chk_kind {
    check_kind_info info;
    chk_eval_fn eval;
    chk_example_doc example;
} chk_kind;
const chk_kind *chk_kind_of(const rule *r);

/* One rule as of in->as_of, with its dates: fills *it and appends findings
 * (check.c). hits is the prefilter of in->doc's blocks, or NULL. */
void chk_eval_item(const rule *r, const check_input *in, matcher *m, const pf_hits *hits,
                   check_result *out, check_item *it);

/* ---- inline suppression (check_suppress.c) ----------------------------- */

/* Apply the document's cpslint-disable directives to out's findings (set
 * finding.suppressed) and append the directives' own problems as findings
 * and checklist items of built-in rules. */
void chk_suppress(const ruleset *rs, const check_input *in, check_result *out);

/* ---- findings (check_common.c) ---------------------------------------- */

/* A new finding of rule r with its message (owned by out). */
finding *chk_add_finding(check_result *out, const rule *r);
void chk_finding_free(finding *f);
/* Section si's number, heading and line (si < 0: nothing). */
void chk_finding_at_section(finding *f, const analysis *a, int si);
/* Quote block bi of a around the folded match [ms, me). */
void chk_finding_snippet(finding *f, analysis *a, size_t bi, size_t ms, size_t me);

/* ---- scope (check_common.c) ------------------------------------------- */

/* 1 if number is one of list (or within one; "doc" covers all). */
int chk_number_in(const char *number, char **list, size_t n);
/* 1 if section number num is in r's scope and not excluded. */
int chk_section_in_scope(const rule *r, const char *num);
/* 1 if block bi is text the rule looks at (never TOC or revision rows). */
int chk_block_in_scope(scope_memo *memo, const rule *r, const analysis *a, size_t bi);
/* Index of the first present section inside the rule's scope, -1 if none
 * (-2 for a doc-wide rule). */
int chk_first_scope_section(const rule *r, const analysis *a);
/* ST_NA with the note "section X is not in the document". */
check_status chk_scope_absent(const rule *r, char **note);

/* ---- where statement rules read (check_scope.c) ----------------------- */

/* Per section of a (a->o.n entries, caller frees): 1 when r reads it: in
 * its scope, or, unless r is scope-strict, referred to from the text of a
 * section in scope ("see Section 4.9.1", "voir la section 4.9.1"; not
 * "Section 3.2 of the Baseline Requirements"), with its subsections. */
unsigned char *chk_scope_sections(const rule *r, analysis *a);
/* Per block of a (caller frees): 1 when it is in a definitions, acronyms,
 * references, bibliography, glossary or revision-history part (1.6.1-1.6.3,
 * or a heading so titled): text that names things and states nothing. */
unsigned char *chk_reference_zones(analysis *a);
/* Which language's patterns read blocks: per document, decided once. */
typedef struct chk_langs {
    int mono;                 /* 1: the document is in one language, a->lang */
    char doc[12];
} chk_langs;
void chk_langs_init(chk_langs *l, const analysis *a);
/* 1 if pattern p may run on block bi (its language tag is "" or the
 * block's language, or the block's language is undecided). */
int chk_pattern_reads(const chk_langs *l, analysis *a, size_t bi, const rule_pattern *p);
/* Append to c->ev the clause [cs, ce) of block bi's folded text that holds
 * the match [ms, me). */
void chk_add_evidence(evalctx *c, analysis *a, size_t bi, size_t cs, size_t ce, size_t ms,
                      size_t me, int also);
void chk_evidence_free(check_evidence *v, size_t n);

/* ---- patterns and clauses (check_common.c) ---------------------------- */

/* The block index the prefilter knows block bi of a by, or CHK_NO_BLOCK. */
size_t chk_pf_block(const evalctx *c, const analysis *a, size_t bi);
/* 0 when the prefilter proves that p matches nowhere in block blk. */
int chk_may_match(const evalctx *c, size_t blk, const rule_pattern *p);
/* A pattern could not run: the rule ends in status error. Returns -1. */
int chk_pattern_failed(evalctx *c, const rule_pattern *pat);
/* 1 if any pattern of ps occurs in s[0..n) (its span in *ms, *me when
 * given); 0 if none; -1 on error. s is (part of) the matching text of
 * block blk, or blk is CHK_NO_BLOCK. */
int chk_any_in(evalctx *c, size_t blk, const rule_patterns *ps, const char *s, size_t n,
               size_t *ms, size_t *me);
/* The clause holding pos: the last k with starts[k] <= pos. */
size_t chk_clause_of(const size_t *starts, size_t nc, size_t pos);
/* The first clause of the first non-empty own-text block of section si,
 * as a span of its folded text. Returns the block index or (size_t)-1. */
size_t chk_first_body_clause(analysis *a, int si, size_t *cs, size_t *ce);

/* ---- dates in text (check_subject.c) -------------------------------------- */

/* The window a date opens or closes, from the words just before it. */
typedef enum {
    DIR_NONE = 0,
    DIR_START,       /* from, on or after, as of, à partir du */
    DIR_START_AFTER, /* after, après le */
    DIR_END_INCL,    /* until, through, jusqu'au */
    DIR_END_EXCL     /* before, prior to, avant le */
} chk_date_dir;
/* The direction of the date starting at s[ds] (matching text); *cue_at is
 * where its cue word starts (ds when none). */
chk_date_dir chk_date_direction(const char *s, size_t ds, size_t *cue_at);

/* ---- which certificate a value is about (check_subject.c) -------------- */

/* The classes (subject.h) the surroundings of block bi name. */
typedef struct chk_value_ctx {
    unsigned near;    /* table cell: its row label (first cell), else its column
                         header, else the table's caption; list item or
                         paragraph: the paragraph ending with ':' that leads in */
    unsigned section; /* the heading of its section, else of the parent section */
    unsigned labels;  /* table cell: every row label and column header of the table */
} chk_value_ctx;
/* The labels of the last table asked about (memo->table 0 at first), so
 * the cells of one table cost one walk of it. */
typedef struct chk_table_memo {
    int table;
    unsigned labels;
} chk_table_memo;
void chk_value_context(analysis *a, size_t bi, chk_table_memo *memo, chk_value_ctx *v);
/* 1 when a value is another certificate's than r's `subject`: the first
 * class named, nearest first — seg (the clause or cell before the value),
 * v->near, clause (the whole clause), v->section — is none of the rule's;
 * or none is named and the value sits in a table whose labels name a class
 * the rule does not cover. 0 for a rule without `subject`. */
int chk_subject_other(const rule *r, unsigned seg, unsigned clause, const chk_value_ctx *v);
/* For a forbid rule with a `subject` (the algorithm rules): 1 when the
 * match at s[ms] in clause s[cs, ce) of block bi is not the document's own
 * use: the value is another certificate's (chk_subject_other), or the
 * clause, or the paragraph leading into it, is a permission with an end
 * date ("MAY ... until 1 January 2017", "jusqu'au ...") or a window that
 * ended by as_of ("Prior to 2016-01-01, ..."). */
/* 1 when the value at s[ms] is a requirement's, not the document's: in its
 * sentence of s[cs, ms), the requirements are the actor ("the Baseline
 * Requirements allow up to 398 days", "the BRs prohibit SHA-1", "les
 * exigences de base imposent ...") or the frame is a bygone version ("Under
 * earlier versions of the Baseline Requirements, ... 825 days"). "As the
 * BRs require, the CA ..." is the CA's own statement. */
int chk_requirement_voice(const char *s, size_t cs, size_t ms);
/* A finding in a table cell quotes the row's label before the cell
 * ("Subscriber certificates | 398 days"), or, in the label itself, the
 * value after it ("Minimum DSA modulus (bits) | L=2048 N=224"). */
void chk_finding_row_label(finding *f, analysis *a, size_t bi);
int chk_forbid_elsewhere(const rule *r, analysis *a, size_t bi, const char *s, size_t cs,
                         size_t ce, size_t ms, cps_date as_of, chk_table_memo *memo,
                         int *dated);

#endif

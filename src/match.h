/* match.h — running compiled PCRE2 patterns with explicit limits.
 *
 * A matcher holds everything a match needs that is not read-only: the
 * match data, the JIT stack and a match context carrying the match, depth
 * and heap limits. Compiled patterns (rule_pattern, owned by a ruleset)
 * are read-only and may be shared; a matcher may not: use one per thread.
 * There is no global state.
 *
 * Patterns are compiled with PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
 * PCRE2_NEVER_BACKSLASH_C when loaded (so a bad pattern is refused then),
 * and JIT-compiled on their first match, when JIT is available (falling
 * back to the interpreter otherwise): JIT compilation was a ninth of a
 * check run, and most patterns of a run never match anything (rules n/a by
 * date or scope, blocks ruled out by the prefilter). That first-use JIT
 * compilation is the one write to a pattern after loading; it takes the
 * pattern's lock, so patterns stay shareable between threads. Subjects are the matching text of
 * text.h, which is valid UTF-8, so matches pass PCRE2_NO_UTF_CHECK.
 */
#ifndef CPSLINT_MATCH_H
#define CPSLINT_MATCH_H

#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "err.h"

/* Default limits: generous for prose (a rule scans a few KB of text), far
 * below what would make a run hang. */
#define MATCH_DEFAULT_MATCH_LIMIT 1000000u
#define MATCH_DEFAULT_DEPTH_LIMIT 10000u
#define MATCH_DEFAULT_HEAP_LIMIT_KIB 65536u

#define MATCH_NO_PF UINT32_MAX

/* The work budget of one rule on one document (matcher_budget_start):
 * CPU time of the calling thread spent in PCRE2, in milliseconds. PCRE2's
 * match limit counts per start position (it restarts at each one), so a
 * pattern that stays under it everywhere can still take minutes over a
 * long block: (\w+)\1 on 8,000 letters took 54 s with JIT. A search is
 * therefore run in windows of MATCH_WINDOW start positions (PCRE2's offset
 * limit; same result as one call), and the budget is checked before each
 * window: one window overruns it by at most MATCH_WINDOW start positions
 * times the per-position limit. CPU time, not a count of match steps:
 * PCRE2 reports no count, and counting by callouts would slow every match.
 * Normal rules use a few milliseconds per document, so only a pattern
 * thousands of times slower than any sane one reaches the budget; for it
 * the outcome (status error) is the same run after run, though the point
 * where it stops may differ. */
#define MATCH_DEFAULT_WORK_MS 2000u
#define MATCH_WINDOW 64u

typedef struct match_jit match_jit;  /* first-use JIT state (match.c) */

typedef struct rule_pattern {
    char *src;           /* the pattern as written (owned) */
    pcre2_code *code;    /* read-only but for its first-use JIT; owned
                            through jit, which patterns of the same source
                            may share (match_pattern_share) */
    match_jit *jit;      /* owned (reference counted): the code, and the
                            lock and done flag of its JIT step */
    char lang[4];        /* "en", "fr" or "" (any) */
    uint32_t pf;         /* id in its ruleset's prefilter (ruleset.h),
                            MATCH_NO_PF outside a ruleset */
    long line;           /* line in the rules file, for messages */
} rule_pattern;

typedef struct matcher {
    pcre2_match_data *md;
    pcre2_match_context *mc;
    pcre2_jit_stack *js;
    uint32_t match_limit, depth_limit, heap_limit_kib;
    int last_rc;         /* last PCRE2 return code (for messages), or
                            MATCH_RC_BUDGET */
    /* the work budget (matcher_budget_start); budget_ms 0 = none */
    unsigned budget_ms;
    double wall_start, cpu_start; /* seconds, when the budget started */
    double wall_spent;   /* wall seconds inside PCRE2 since then */
} matcher;

#define MATCH_RC_BUDGET (-100000) /* last_rc: the work budget ran out */

/* Compile src into *p (which takes a copy of src). On a compile error,
 * returns CPS_E_RULES and fills e with "PCRE2 message at offset N" (the
 * caller adds file, line and rule id). */
int match_compile(rule_pattern *p, const char *src, cps_err *e);
void match_pattern_free(rule_pattern *p);
/* Make p use like's compiled code (and its JIT code, compiled once for
 * both), releasing its own: for patterns with the same source, which
 * compile to the same code. Not thread-safe: call while loading. */
void match_pattern_share(rule_pattern *p, const rule_pattern *like);

/* Limits of 0 mean the defaults above. */
int matcher_init(matcher *m, uint32_t match_limit, uint32_t depth_limit,
                 uint32_t heap_limit_kib, cps_err *e);
void matcher_free(matcher *m);

enum {
    MATCH_NONE = 0,
    MATCH_FOUND = 1,
    MATCH_E_LIMIT = -1,  /* match, depth, heap or JIT stack limit hit */
    MATCH_E_OTHER = -2,  /* any other PCRE2 error */
    MATCH_E_BUDGET = -3  /* the work budget (matcher_budget_start) is spent */
};

/* Start a new work budget of ms milliseconds of this thread's CPU time for
 * the searches that follow (0 = MATCH_DEFAULT_WORK_MS; UINT_MAX = none):
 * the check driver starts one per rule and document. Until it is called
 * a matcher has no budget. Once spent, match_find returns MATCH_E_BUDGET
 * without searching, until the next matcher_budget_start. */
void matcher_budget_start(matcher *m, unsigned ms);

/* Find the first match of p in s[0..n) starting at byte offset from.
 * Returns MATCH_FOUND with [*ms, *me), MATCH_NONE, or a negative
 * MATCH_E_* code; the PCRE2 code is in m->last_rc and
 * match_error_message describes it. Never returns MATCH_NONE for a
 * search that was cut short. An empty match counts as a match. The search
 * runs in windows of MATCH_WINDOW start positions, the budget checked
 * before each. */
int match_find(matcher *m, const rule_pattern *p, const char *s, size_t n,
               size_t from, size_t *ms, size_t *me);

/* A message for the last error of m ("match limit exceeded (-47)"). */
void match_error_message(const matcher *m, char *out, size_t n);

#endif

/* check_kinds.c — the kind table: one row per rule kind.
 *
 * A row: the kind's name, the example document its rules are tested on
 * (chk_example_doc), the RULE_KEY_* keys it takes beyond the common ones
 * and those it needs (ruleset.h), whether its rules have examples, and a
 * one-line summary. The row declares and uses chk_eval_NAME and
 * chk_validate_NAME, which the kind's own file defines. The rules loader
 * (kind names, "'near' is for limit rules", "a limit rule needs ..."),
 * `cpslint rules --kinds` and the engine all read this table, so a new
 * kind is one row here and one new file. Rows keep the order of the values
 * ruleset.h gives the kinds it names (test_kinds checks it).
 */
#include <string.h>

#include "check_internal.h"

#define TAKES_FORBID (RULE_KEY_SPAN | RULE_KEY_SUBJECT | RULE_KEY_HEADINGS_NO | RULE_KEY_STANCE)
#define TAKES_LIMIT (RULE_KEY_NEAR | RULE_KEY_SCHEDULE | RULE_KEY_SUBJECT | RULE_KEY_ALSO_WINS)
#define STATEMENT (RULE_KEY_MATCH | RULE_KEY_SCOPE)

/* X(name, example document, takes, needs, has examples, summary) */
#define CHK_KINDS(X)                                                                          \
    X(forbid, SECTIONS, TAKES_FORBID, STATEMENT, 1,                                           \
      "each match in scope is a finding, unless an `unless` pattern is in its clause")        \
    X(require, SECTIONS, RULE_KEY_HEADINGS_YES | RULE_KEY_READING, STATEMENT, 1,              \
      "a finding when no `match` (and, if given, no `also`) is in scope")                     \
    X(limit, SECTIONS, TAKES_LIMIT, RULE_KEY_SCHEDULE | RULE_KEY_NEAR | RULE_KEY_SCOPE, 1,    \
      "durations near a `near` cue compared with a dated `max`/`min` schedule")              \
    X(structure, OUTLINE, 0, 0, 1, "the RFC 3647 outline: missing, blank, out-of-order, "     \
                                   "duplicate sections, heading titles")                     \
    X(language, LANGUAGE, 0, 0, 1, "an English version, authoritative from a date")           \
    X(meta, FRONT, 0, 0, 1, "version, revision table, annual update, effective date")         \
    X(title, FRONT, 0, RULE_KEY_MATCH, 1, "`match` in the document title, unless `unless`")   \
    X(headings, FRONT, 0, RULE_KEY_MATCH, 1, "`match` in a heading of the document")          \
    X(manual, NONE, 0, 0, 0, "text cannot decide: always n/a, the message says what to check") \
    X(translation, NONE, 0, 0, 1, "an original against its English version")                  \
    X(profile, SECTIONS, 0, 0, 1, "what the document is: `check = not-a-policy`, `cp-alone`") \
    X(version, SECTIONS, RULE_KEY_MIN_VERSION, RULE_KEY_MIN_VERSION | STATEMENT, 1,                              \
      "a version number in a `match` older than the `min-version` in force")                 \
    X(format, NONE, 0, RULE_KEY_MATCH, 0,                                                     \
      "the file format read (@INPUT_NAMES@) against `match`: a match is a finding")

#define DECLARE(name, ex, takes, needs, examples, summary) CHK_KIND_DECLARE(name);
CHK_KINDS(DECLARE)

#define ROW(name, ex, takes, needs, examples, summary)                                        \
    {{#name, summary, takes, needs, examples, chk_validate_##name}, chk_eval_##name, CHK_EX_##ex},
static const chk_kind kinds[] = {{{NULL, NULL, 0, 0, 0, NULL}, NULL, CHK_EX_NONE}, /* 0: none */
                                 CHK_KINDS(ROW)};

#define NKINDS (sizeof kinds / sizeof kinds[0] - 1)

size_t check_kind_count(void)
{
    return NKINDS;
}

const check_kind_info *check_kind(rule_kind k)
{
    return k >= 1 && k <= NKINDS ? &kinds[k].info : NULL;
}

rule_kind check_kind_find(const char *name)
{
    for (rule_kind k = 1; k <= NKINDS; k++)
        if (!strcmp(kinds[k].info.name, name))
            return k;
    return 0;
}

const char *rule_kind_name(rule_kind k)
{
    return k >= 1 && k <= NKINDS ? kinds[k].info.name : "?";
}

const chk_kind *chk_kind_of(const rule *r)
{
    return &kinds[r->kind];
}

/* ruleset_internal.h — what the files of the ruleset module share.
 *
 * The module is one concern in three files, in dependency order:
 *   ruleset.c       the records: init/free, lookup, enable/disable, the
 *                   prefilter over the patterns, names of severities
 *   ruleset_keys.c  one `key = value` of a rule block applied to its rule
 *                   (every value parser; `let` macros)
 *   ruleset_load.c  a rules file through ini.h into rules: blocks, the
 *                   checks of a complete rule (the kind's keys and its
 *                   validate hook from the kind table, check.h), examples
 *
 * Nothing here is for other modules: they use ruleset.h.
 */
#ifndef CPSLINT_RULESET_INTERNAL_H
#define CPSLINT_RULESET_INTERNAL_H

#include "ini.h"
#include "ruleset.h"

/* ---- records (ruleset.c) ---------------------------------------------- */

void rs_strv_push(char ***v, size_t *n, const char *s);
void rs_strv_free(char **v, size_t n);
void rs_rule_init(rule *r);
void rs_rule_free(rule *r);
/* Give rules[from..] their prefilter ids and rebuild the automaton. */
void rs_pf_update(ruleset *rs, size_t from);

/* ---- the parser's state (ruleset_keys.c, ruleset_load.c) --------------- */

typedef struct rs_macro {
    char *name, *value;
} rs_macro;

typedef struct rs_parser {
    const char *file;
    const outline_spec *spec;
    cps_err *e;
    rs_macro *macros;
    size_t nmacros;
    rule *rules;
    size_t n, cap;
    rule *cur;         /* NULL outside a block */
    /* keys seen in the current rule, to refuse repeated single keys */
    char seen[32][INI_KEY_MAX];
    size_t nseen;
} rs_parser;

/* "FILE:LINE: rule ID: message" (without "rule ID: " outside a block). */
int rs_perr(rs_parser *p, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- keys (ruleset_keys.c) -------------------------------------------- */

/* Apply key = value to p->cur. */
int rs_apply_key(rs_parser *p, long line, const char *key, char *value);
/* `let NAME = value` outside a block. */
int rs_define_macro(rs_parser *p, long line, const char *name, const char *value);
/* INI_* flags of a rules-file key (ini.h). */
unsigned rs_key_flags(void *ctx, const char *key);
void rs_parser_free(rs_parser *p);

#endif

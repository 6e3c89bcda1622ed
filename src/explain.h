/* explain.h — one rule in words, for a person: what it requires and where
 * that comes from (source, citation, dates), what it looks at, the examples
 * that fire and do not, and what to write to comply. Used by `cpslint
 * explain RULE` and `cpslint rules RULE`.
 *
 * A URL is printed only where one exists: the rule's own `url` key, or the
 * rules documentation under a base given with --rules-url (an
 * organisation's copy of docs/rules.md); cpslint has no public address.
 *
 * Ownership: the caller owns out; r is borrowed.
 */
#ifndef CPSLINT_EXPLAIN_H
#define CPSLINT_EXPLAIN_H

#include "buf.h"
#include "ruleset.h"

/* Append the explanation of r to out; rules_url may be NULL. */
void explain_rule(buf *out, const rule *r, const char *rules_url);

/* What to write to comply with r, in one or two sentences (appended). */
void explain_comply(buf *out, const rule *r);

#endif

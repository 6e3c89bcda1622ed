/* version.h — what `cpslint --version` says: the program's version, the
 * rulesets it carries (each file with its number of rules, and the newest
 * requirement date they know), and the versions of the libraries it runs
 * with (libxml2, PCRE2, ICU, cmark-gfm), so a report can be traced to
 * exactly what produced it.
 *
 * Ownership: the caller owns the buf.
 */
#ifndef CPSLINT_VERSION_H
#define CPSLINT_VERSION_H

#include "buf.h"
#include "ruleset.h"

/* Append the version text; rs may be NULL (the rulesets could not be
 * loaded: say so instead). */
void version_text(buf *out, const ruleset *rs);

#endif

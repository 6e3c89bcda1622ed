/* diff.h — comparing two versions of a CP/CPS.
 *
 * Three independent parts, each a module with its own header, gathered
 * here for the callers that use all three (cmd_diff.c):
 *
 * 1. diff_version.h: was the version number incremented, did the
 *    effective date move forward, did the revision table gain a dated
 *    row? (Mozilla Root Store Policy 3.3 and BR 2.3 require all three.)
 * 2. diff_sections.h: sections paired by number; renumbered sections
 *    found by the similarity of their text; a word diff of each changed
 *    one.
 * 3. diff_findings.h: two lists of findings split into introduced,
 *    resolved and persisting (old section numbers translated through the
 *    renumbering of part 2).
 *
 * Ownership: see each header. No global state.
 */
#ifndef CPSLINT_DIFF_H
#define CPSLINT_DIFF_H

#include "diff_findings.h"
#include "diff_sections.h"
#include "diff_version.h"

/* What a diff of two versions found, as every renderer of it (text,
 * Markdown, HTML) reads it. Borrowed, like the views that hold it. */
typedef struct diff_outcome {
    const analysis *old_a, *new_a;
    const diff_versions_result *v;
    const diff_result *s;
    const diff_finding *fold, *fnew;   /* the findings of each version */
    size_t nfold, nfnew;
    const diff_findings_result *fd;    /* NULL: findings were not compared */
    const char *const *problems;       /* what fails the diff */
    size_t nproblems;
} diff_outcome;

#endif

/* diff_html.h — `cpslint diff --format html`: two versions of a CP/CPS as
 * one self-contained page.
 *
 * At the top, the verdict on the version number, the effective date and
 * the revision table, and the problems that fail the diff; then the
 * findings introduced and resolved, each linked to its section below, and
 * the persisting ones that moved, with where they were; then every section
 * in new-version order: a changed section as a word-level redline of its
 * prose (deletions struck through, insertions underlined, both also
 * labelled for screen readers and print) and its changed table rows, one
 * paragraph each (diff_render.h), an added section as one
 * insertion, a removed one as one deletion, a renumbered one with its old
 * and new numbers, an unchanged one by its heading only.
 *
 * The page follows report_html.c's rules: escaped text only, no external
 * resource, a Content-Security-Policy that allows only its own style (by
 * hash); it has no script.
 *
 * Ownership: the renderer borrows everything in the view.
 */
#ifndef CPSLINT_DIFF_HTML_H
#define CPSLINT_DIFF_HTML_H

#include <stddef.h>

#include "analysis.h"
#include "buf.h"
#include "diff.h"

typedef struct diff_html_view {
    diff_outcome d;                    /* what the diff found (diff.h) */
    const char *as_of;                 /* "doc" or YYYY-MM-DD */
} diff_html_view;

/* Append the page to out. */
void diff_html(buf *out, const diff_html_view *v);

#endif

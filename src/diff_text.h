/* diff_text.h — `cpslint diff` as text (for a terminal or a log) or
 * Markdown (for a merge request): the verdict on version, date and
 * revision table, the sections added, removed, renumbered and changed, the
 * word diff of each changed one as hunks introduced by their lines
 * (`@@ 6.3.2 (old 120, new 131) @@`) and its table rows cell by cell
 * (diff_render.h), then the findings introduced, resolved and persisting
 * but moved, each with its line and quote.
 *
 * Text is wrapped to v->width columns (continuation lines indented); with
 * v->color the removed words are red, the added ones green (ANSI SGR), the
 * [- -] {+ +} marks kept. Markdown is not wrapped and never coloured.
 * Document text goes through escape.h (esc_text, esc_md).
 *
 * Ownership: the renderer borrows everything in the view. No global state.
 */
#ifndef CPSLINT_DIFF_TEXT_H
#define CPSLINT_DIFF_TEXT_H

#include <stddef.h>

#include "analysis.h"
#include "buf.h"
#include "diff.h"
#include "profile.h"

typedef struct diff_text_view {
    diff_outcome d;                    /* what the diff found (diff.h) */
    const doc_profile *old_p, *new_p;  /* NULL when the checks did not run */
    int context;                       /* --context */
    int sections_only;                 /* --sections-only */
    int markdown;                      /* 1 Markdown, 0 text */
    int color;                         /* text: ANSI colours */
    int width;                         /* text: columns to wrap to (>= 20) */
} diff_text_view;

/* Append the report to out. */
void diff_text(buf *out, const diff_text_view *v);

#endif

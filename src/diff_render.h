/* diff_render.h — a changed section as segments ready to print: the word
 * diff of its prose cut into hunks with their source lines, and its table
 * rows cell by cell. What every diff format (text, Markdown, JSON) prints;
 * diff_text.c and cmd_diff.c only lay the segments out.
 *
 * A hunk is a run of changes with --context sentences of unchanged text
 * around it; the unchanged text between two hunks is left out. Each
 * segment carries the line (and PDF page) where it starts in each version,
 * so a hunk is introduced by `@@ 6.3.2 (old 120, new 131) @@`.
 *
 * Ownership: diff_segs owns its texts (diff_segs_free); everything else
 * is borrowed from the diff_result. No global state.
 */
#ifndef CPSLINT_DIFF_RENDER_H
#define CPSLINT_DIFF_RENDER_H

#include <stddef.h>

#include "buf.h"
#include "diff_sections.h"

typedef struct diff_seg {
    char op;                 /* '=' unchanged, '-' removed, '+' added,
                                '|' between two cells of a row (no text) */
    char *text;              /* owned */
    long old_line, new_line; /* where it starts in each version, 0 unknown */
    int old_page, new_page;  /* PDF pages, 0 otherwise */
    int hunk;                /* 1: the first segment of a hunk */
} diff_seg;

typedef struct diff_segs {
    diff_seg *s;
    size_t n, cap;
    const char *note;        /* static text (the word diff gave up), or NULL */
} diff_segs;

/* The prose word diff of the changed pair p of r, with `context` sentences
 * of unchanged text around each change (< 0: all of it). */
void diff_segs_build(const diff_result *r, const diff_pair *p, int context, diff_segs *g);

/* The row p->rows[k] (not DIFF_ROW_SAME) cell by cell: a changed row shows
 * its unchanged cells (but the label cell) as they are and a word diff of
 * each changed one, between '|' segments; an added or removed row is one
 * segment. The segment list's first segment carries the row's lines. */
void diff_segs_row(const diff_result *r, const diff_pair *p, size_t k, diff_segs *g);

/* How a row is named: `row "Validity"` (its first cell, shortened), or
 * `row 3` when that cell is empty; `table 2, ` before it for a section's
 * second and later tables. Appended to out, as plain (unescaped) text. */
void diff_row_name(buf *out, const diff_result *r, const diff_pair *p, size_t k);

/* "old 120, new 131" (PDF: "old 3:12"): appended to out; a side whose
 * line is unknown is left out. */
void diff_lines_text(buf *out, long old_line, int old_page, long new_line, int new_page);

void diff_segs_free(diff_segs *g);

#endif

/* diff_table.h — the tables of a section, compared row by row and cell by
 * cell (part of comparing two sections, diff_sections.h).
 *
 * A section's table cells (doc blocks of kind BLOCK_TABLE_CELL, or any
 * block with a table ordinal) are taken out of its prose and kept as rows:
 * the cells of one (table, row), by column, blocks of the same cell joined
 * by a space. The tables of two versions of a section are paired by their
 * order in the section; the rows of two paired tables by their label (the
 * matching text of the first cell, when it is unique in both tables), and
 * the rows left between two such anchors by position. A paired row whose
 * cells have the same matching text is unchanged; otherwise each changed
 * cell gets a word diff (wdiff.h), so a table edit reads as
 * `row "Validity": [-398 days-] {+200 days+}` instead of a word soup.
 *
 * Ownership: a diff_row owns its strings (diff_rows_free); a pairing is a
 * malloc'd array the caller frees. No global state.
 */
#ifndef CPSLINT_DIFF_TABLE_H
#define CPSLINT_DIFF_TABLE_H

#include <stddef.h>

#include "err.h"

typedef struct diff_row {
    int table;        /* which table of its section, 0-based */
    long line;        /* line of its first cell (0 unknown) */
    int page;         /* PDF page, 0 otherwise */
    char **cells;     /* owned: display text of each column ("" for a gap) */
    char **folded;    /* owned: matching text of each column */
    size_t ncells;
} diff_row;

/* Append a cell block (its table ordinal in the document, row, column,
 * display text) to rows[0..*n); a new row starts when the (table, row)
 * differs from the last one's. table_doc is the document-wide ordinal,
 * turned into the section's own order through *last_doc_table and
 * *tables (both start at 0). 0, or an error from text_fold. */
int diff_rows_add(diff_row **rows, size_t *n, size_t *cap, int table_doc, int row, int col,
                  const char *text, size_t len, long line, int page, int *last_doc_table,
                  int *last_row, int *tables, cps_err *e);
void diff_rows_free(diff_row *rows, size_t n);

typedef enum {
    DIFF_ROW_SAME = 0,
    DIFF_ROW_CHANGED,
    DIFF_ROW_ADDED,
    DIFF_ROW_REMOVED
} diff_row_kind;

typedef struct diff_row_pair {
    diff_row_kind kind;
    long old_r, new_r;  /* indexes into each list, -1 for none */
} diff_row_pair;

/* Pair the rows of two versions of a section. *out (malloc'd, the caller
 * frees) lists every row once, in new order, a removed row after the new
 * row that follows its old predecessor; returns the count. */
size_t diff_rows_pair(const diff_row *a, size_t na, const diff_row *b, size_t nb,
                      diff_row_pair **out);

/* 1 if two rows have the same matching text in every cell. */
int diff_rows_equal(const diff_row *a, const diff_row *b);

#endif

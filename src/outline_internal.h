/* outline_internal.h — shared by the outline module's files (outline.c,
 * outline_spec.c, outline_title.c); not for other modules. Nothing here
 * allocates what it returns.
 */
#ifndef CPSLINT_OUTLINE_INTERNAL_H
#define CPSLINT_OUTLINE_INTERNAL_H

#include <stddef.h>

#include "doc.h"
#include "outline.h"

/* 1 if heading (UTF-8, number removed) matches the RFC, BR or a French
 * title of en: folded words, stop words dropped, plural s, 5-letter stems,
 * "on-line" = "online", "CP/CPS" = "CPS". Loose: Dice >= 0.5. Strict:
 * every word of the heading is in the title and they are at least half of
 * its words. */
int outline_title_matches(const outline_entry *en, const char *heading, int strict);

/* The best Dice coefficient (0..1) of heading's words against en's titles. */
double outline_title_score(const outline_entry *en, const char *heading);

/* An unnumbered heading of the document, for the alignment. */
typedef struct outline_uh {
    size_t block;
    int level;       /* its level relative to the document's chapter level (1..) */
    int spec;        /* out: the spec entry it stands for, -1 none */
} outline_uh;

/* Align unnumbered headings h[0..n) (document order) to spec entries in RFC
 * order by level and order, title similarity as a score: a heading takes a
 * spec entry of its level; the alignment with the most (and most similar)
 * pairs wins. A pair is kept when the titles share a word, or when the
 * heading and the entry both follow the previous kept pair directly (the
 * order vouches for it). Sets h[i].spec. O(n * spec->n) time and memory;
 * n is capped by the caller. */
void outline_align(const doc *d, const outline_spec *spec, outline_uh *h, size_t n);

#endif

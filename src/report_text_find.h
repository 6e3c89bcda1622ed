/* report_text_find.h — the findings part of the text report (report.h):
 * answer first.
 *
 * The findings shown (report_shown) and not accepted by a baseline are
 * folded into entries and listed in two groups, each in document order
 * (numeric section order, then line):
 *   1. errors, rules that could not run and upcoming deadlines;
 *   2. warnings and notices.
 * Findings of one rule with the same message (the same sentence in
 * several product sections, or one limit in several rows of a table) are
 * one entry naming every place ("3 places: 10.1 (line 5), 10.2 (line 9),
 * 10.3 (line 14)"), each different sentence quoted once, after its
 * places when there are several sentences. The
 * per-section findings of the structure rules ("section 4.6.1 is
 * missing") are one entry per rule and what, their sections given as
 * ranges of the outline ("4.6.1–4.6.7, 5.2.3"): two sections are
 * contiguous when no RFC 3647 section lies between them in the outline
 * (sections the document adds do not break a range).
 *
 * Ownership: borrows everything; appends to b.
 */
#ifndef CPSLINT_REPORT_TEXT_FIND_H
#define CPSLINT_REPORT_TEXT_FIND_H

#include "buf.h"
#include "report.h"

#define RT_RESET "\033[0m"
#define RT_BOLD "\033[1m"
#define RT_RED "\033[31m"
#define RT_YELLOW "\033[33m"
#define RT_GREEN "\033[32m"
#define RT_DIM "\033[2m"
#define RT_CYAN "\033[36m"

/* code into b when o->color. */
void report_text_colour(buf *b, const report_opts *o, const char *code);

/* The two groups of entries of document d into b, each under its title
 * and followed by a blank line; nothing when there is nothing to show.
 * Returns the number of entries written. */
size_t report_text_findings(buf *b, const report_doc *d, const report_opts *o);

#endif

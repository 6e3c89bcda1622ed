/* outline.h — the RFC 3647 outline of a document.
 *
 * The expected outline is data (rulesets/rfc3647.outline): for each of the
 * 270 RFC 3647 numbers, the RFC title, the Baseline Requirements' title
 * where it differs, and French titles. outline_build finds the numbered
 * headings of a document (h1-h6, bold paragraphs, plain paragraphs that
 * start with a number and a heading-like title; "1.5.2", "1.5.2.",
 * "Section 1.5.2", "Article 4.9.3", "Art. 4.9.3", Roman chapters
 * "IV.9.3", and titles glued to their number: "1.5.2.Contact Person",
 * "1.5.2Contact", "1.INTRODUCTION"),
 * skips tables of contents (marked, dot leaders, or plain lines ending in
 * a page number whose number comes again) and tables, and maps every block
 * of the document to the section it belongs to. A number alone ("4.2.1.")
 * takes its title from the next bold line; a title wrapped onto the next
 * line (a PDF's "9 OTHER BUSINESS AND LEGAL" / "MATTERS") is joined when
 * the joined title matches the RFC's better. Among headings of one number
 * and strength, one whose title matches beats one that does not (a
 * footnote "6 Legacy applications ..." set as a heading).
 *
 * Headings without a number: a heading (or a bold line in capitals) whose
 * title matches one of the next 8 RFC sections after the last one
 * recognised stands for it ("unnumbered"); a numbered heading of the same
 * number wins over it. When the document is mostly unnumbered (fewer than
 * 27 numbered RFC headings, at least 54 unnumbered headings), its headings
 * are aligned to the RFC outline by level and order instead, title
 * similarity a score rather than a gate (outline_internal.h). Titles are
 * compared loosely: "On-line" = "Online", "CP/CPS" = "CPS".
 * Numbers are canonical: "1.5.2" (no trailing dot, Roman converted).
 *
 * A section's own text runs to the next recognised heading; its scope (the
 * section and its subsections) runs to the next heading of the same or a
 * higher level.
 *
 * Files: outline_spec.c (expected outline, numbers), outline_title.c
 * (titles, alignment), outline.c (recognition and building, in phases).
 */
#ifndef CPSLINT_OUTLINE_H
#define CPSLINT_OUTLINE_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

#define OUTLINE_NUM_MAX 32

typedef struct outline_entry {
    char number[OUTLINE_NUM_MAX];
    int level;          /* components in number: "1.5.2" -> 3 */
    char *title;        /* RFC 3647 title */
    char *title_br;     /* BR title where it differs, else NULL */
    char **titles_fr;   /* French titles */
    size_t nfr;
} outline_entry;

typedef struct outline_spec {
    outline_entry *e;   /* in RFC order */
    size_t n;
} outline_spec;

/* Load the expected outline. Format: one entry a line,
 * "number<TAB>title<TAB>BR title or -<TAB>French titles separated by |",
 * '#' comments and blank lines ignored. Errors name FILE:LINE. */
int outline_spec_load(const char *path, outline_spec *out, cps_err *e);
void outline_spec_free(outline_spec *s);
/* Index of number in spec, or -1. */
int outline_spec_find(const outline_spec *s, const char *number);

typedef enum {
    SEC_FOUND = 0,
    SEC_MISSING,
    SEC_EXTRA,        /* a number not in RFC 3647 (e.g. 3.2.2.4.7) */
    SEC_DUPLICATE,    /* a number seen before in the document */
    SEC_OUT_OF_ORDER  /* found, but not in RFC order */
} section_status;

typedef enum {
    ROLE_FRONT = 0,   /* before the first section: title page, front matter */
    ROLE_HEADING,     /* a recognised section heading */
    ROLE_BODY,        /* text of a section */
    ROLE_TOC,         /* table of contents */
    ROLE_REVISION     /* revision-history table */
} block_role;

typedef struct section {
    char number[OUTLINE_NUM_MAX];
    char *heading;      /* title as written, number removed; NULL if missing */
    long line;          /* line of the heading; 0 if missing or unknown (PDF:
                           the line within its page) */
    int page;           /* PDF: page of the heading; 0 otherwise */
    section_status status;
    int spec;           /* index in the spec, -1 for extras */
    int level;          /* components in number */
    int title_match;    /* 1 matches RFC/BR/FR title, 0 does not, -1 no reference */
    int empty;          /* no text of its own and no subsections (Mozilla "blank") */
    int unnumbered;     /* its heading has no number: recognised by its title,
                           as one of the 8 RFC sections after the last one
                           recognised */
    size_t heading_block;          /* doc block index; (size_t)-1 if missing */
    size_t body_start, body_end;   /* own text: blocks [body_start, body_end) */
    size_t scope_end;              /* with subsections: [heading_block, scope_end) */
    int parent;         /* index in secs of the enclosing section, -1 */
    char lang[12];      /* language of its own text ("" if too little text) */
} section;

typedef struct outline {
    section *secs;      /* sorted by number (document order among equals);
                           missing sections included */
    size_t n;
    block_role *roles;  /* per doc block */
    int *block_sec;     /* per doc block: index in secs, -1 outside sections */
    size_t nblocks;
    size_t expected, found, missing, extra, duplicate, out_of_order;
    size_t first_section_block; /* first heading block; nblocks if none */
} outline;

/* Build the outline of d against spec. On success *out owns its arrays
 * (outline_free). Never fails on odd input: a document with no headings
 * yields every section missing. */
int outline_build(const doc *d, const outline_spec *spec, outline *out,
                  cps_err *e);
void outline_free(outline *o);

/* RFC 3647 sections present in the document, in order or not
 * (found + out_of_order): what "N of 270 found" counts. */
size_t outline_present(const outline *o);

/* Index in o->secs of the first non-missing section numbered number, else
 * of its missing entry, else -1. */
int outline_find(const outline *o, const char *number);
/* Index in o->secs of the first section numbered number or after it
 * (o->n if none). The sections of number's subtree (outline_number_within)
 * follow it without a gap: the order is by number, component by
 * component. */
size_t outline_lower_bound(const outline *o, const char *number);

/* Compare two canonical numbers component by component ("4.9.10" > "4.9.9",
 * "3.2" < "3.2.1"). */
int outline_number_cmp(const char *a, const char *b);
/* Components of a number: "1.5.2" -> 3. */
int outline_number_level(const char *number);
/* 1 if number is scope or inside it ("3.2.2.4.1" is inside "3.2"). */
int outline_number_within(const char *number, const char *scope);

/* Parse a section number at the start of UTF-8 s: optional "Section",
 * "Chapter", "Chapitre", "Article", "Paragraphe", "Art.", "Chap.",
 * "Sect." (a separator after each), "§", then "1.5.2", "1.5.2.", "IV.9.3", "IV".
 * Writes the canonical number to out and returns the byte length consumed
 * (number and following separators), or 0 if s does not start with one. */
size_t outline_parse_number(const char *s, size_t n, char out[OUTLINE_NUM_MAX]);

const char *outline_status_name(section_status st);

#endif

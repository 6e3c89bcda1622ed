/* meta.h — what a document says about itself: version, dates, revisions.
 *
 * Sources, in order: Markdown YAML front matter (doc.fm_version,
 * doc.fm_date), then the front matter (blocks before the first section:
 * "Version 4.2", "Version: 5.18", "v2.0", "Révision 3", "Versión 2.1",
 * "Ver. 1.2", "Rev. 3"; "Date d'effet : 25 novembre 2018", "Effective
 * Date: May 4, 2018", "Fecha de entrada en vigor: 9 de mayo de 2019"; a
 * labelled effective date wins over another date), then the revision-
 * history table, whose newest dated row gives the version and date when
 * the front matter does not, then the document title (a date, or a
 * compact label such as "POLICY p20140731"). Nothing found is DATE_NONE
 * or NULL: never a guess.
 *
 * A revision table is the first table whose header row (row 0, or row 1
 * under a caption row) names a version column and a date column, in
 * English, French, Spanish or Italian (folded, whole words): version
 * "Version", "Ver.", "Rev.", "Revision", "Release", "Édition", "Versión",
 * "Versione"; date "Date", "Effective date", "Published", "Adopted",
 * "Approval", "Date d'effet", "Date d'application", "Fecha", "Fecha de
 * entrada en vigor", "Fecha de aprobación", "Data", "Data di entrata in
 * vigore". Among several date columns the one saying "effective" wins,
 * then published/adopted, then the first. Cells: version "1.2", "v2.0";
 * dates in every form date.h reads.
 *
 * Numeric dates whose day and month are both <= 12 ("09/05/2019") are read
 * only when the document decides their order: another numeric date of its
 * title page or revision table with a day > 12, else its language (day
 * first in French, Spanish, Italian...; month first only for "en-US"). An
 * English document with no such evidence leaves them unread.
 *
 * translation.c and diff.c read version/date/revs; check.c's meta rules
 * (changelog, annual-update, effective-date) read the same rows.
 */
#ifndef CPSLINT_META_H
#define CPSLINT_META_H

#include <stddef.h>

#include "date.h"
#include "doc.h"

typedef struct revision {
    char *version;     /* as written, or NULL */
    cps_date date;     /* DATE_NONE if the row has no date */
    long line;
} revision;

/* Where the date came from. */
typedef enum {
    META_DATE_NONE = 0,
    META_DATE_FRONT_MATTER, /* Markdown YAML front matter */
    META_DATE_LABEL,        /* title page, with an effective-date label */
    META_DATE_FRONT,        /* title page, another label or none */
    META_DATE_REVISION,     /* newest dated row of the revision table */
    META_DATE_TITLE         /* the document title, or a compact label */
} meta_date_source;

typedef struct doc_meta {
    char *version;        /* NULL if none found */
    cps_date date;        /* effective/publication date; DATE_NONE if none */
    long version_line, date_line;
    int date_from_label;  /* the date came with an "effective"/"en vigueur" label
                             (or YAML front matter) */
    meta_date_source date_source;
    date_order date_order; /* how ambiguous numeric dates were read */
    revision *revs;       /* rows of the revision table, in document order */
    size_t nrevs;
    int revision_table;   /* ordinal (doc_block.table) of the revision table, 0 none */
} doc_meta;

/* Which tables of d are revision-history tables: returns a malloc'd array
 * (caller frees) indexed by table ordinal 1..*ntables, 1 for a revision
 * table; *ntables is the highest ordinal. One pass over the blocks. */
unsigned char *meta_revision_tables(const doc *d, int *ntables);

/* Extract metadata; front is the number of leading blocks that are front
 * matter (outline.first_section_block). *m owns its strings (meta_free). */
void meta_extract(const doc *d, size_t front, const char *lang, doc_meta *m);
/* The newest revision-history row: the latest dated one, else the last
 * row; NULL without rows. Borrowed from m. */
const revision *meta_newest_revision(const doc_meta *m);

/* "none", "front-matter", "label", "title-page", "revision-table", "title". */
const char *meta_date_source_name(meta_date_source s);

void meta_free(doc_meta *m);

#endif

/* meta.h — what a document says about itself: version, dates, revisions.
 *
 * Sources, in order: Markdown YAML front matter (doc.fm_version,
 * doc.fm_date), then the front matter (blocks before the first section:
 * "Version 4.2", "Version: 5.18", "v2.0", "Révision 3"; "Date d'effet :
 * 25 novembre 2018", "Effective Date: May 4, 2018"), then the revision-
 * history table (a table whose header row names a version column and a
 * date column, in English or French), whose newest row gives the version
 * and date when the front matter does not.
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

typedef struct doc_meta {
    char *version;        /* NULL if none found */
    cps_date date;        /* effective/publication date; DATE_NONE if none */
    long version_line, date_line;
    int date_from_label;  /* the date came with an "effective"/"en vigueur" label */
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

void meta_free(doc_meta *m);

#endif

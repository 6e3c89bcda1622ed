/* translation.h — an English version and the document it translates.
 *
 * Two ways a non-English CP/CPS comes with English text:
 *
 * A pair: `cpslint check ORIG --translation EN` or `--pair ORIG EN`. The
 * pair checks (the `translation` rule kind, ccadb.translation-*) compare
 * the two analyses:
 *   version        the version numbers are the same ("v5.1", "5.1" and
 *                  "5.1.0" are; "5.1" and "5.10" are not), and so are the
 *                  newest rows of the revision histories when both have one;
 *   date           the document dates are the same;
 *   sections       every section found in one is found in the other (one
 *                  issue per missing or extra section, by number);
 *   length         a section whose English own text is empty while the
 *                  original's is not, or under TRANSLATION_LENGTH_RATIO of
 *                  the original's (in characters, i.e. code points, of the
 *                  display text of the section's own blocks), unless both
 *                  are shorter than TRANSLATION_SHORT_CHARS;
 *   authoritative  a disclaimer ("the French version shall prevail", "seule
 *                  la version française fait foi"): the rule's patterns, in
 *                  every block of either document but the table of contents
 *                  and the revision history.
 *
 * A bilingual document: French and English paragraphs side by side, two
 * columns of a table, or lang="en"/lang="fr" blocks. Each block of a
 * section's own text gets a language (translation_block_lang); the English
 * part counts as an English version when at least TRANSLATION_BILINGUAL_SHARE
 * of the sections with own text of a decided language have some English
 * text and at least one also has other text (another language, or
 * undecided), and, for a document whose language is English, some text
 * was decided to be in another language. Sections whose only text is
 * undecided are left out. Without --translation, the
 * sections, length and authoritative checks then compare the English and
 * the other-language text of each section of that one document (a section
 * lacks English only when all its text was decided to be in another
 * language: undecided short text may be the English); version and date do
 * not apply.
 *
 * Ownership: issues own their messages (translation_issues_free); the
 * analyses are borrowed (their folded text and per-block language
 * profiles are built on demand and cached in them, hence not const).
 */
#ifndef CPSLINT_TRANSLATION_H
#define CPSLINT_TRANSLATION_H

#include <stddef.h>

#include "analysis.h"
#include "buf.h"
#include "err.h"
#include "match.h"
#include "ruleset.h"

#define TRANSLATION_LENGTH_RATIO (1.0 / 3.0)
#define TRANSLATION_SHORT_CHARS 200
#define TRANSLATION_BILINGUAL_SHARE 0.6
/* A block's content decides its language over its lang attribute when the
 * profile counted at least this many function words with this confidence. */
#define TRANSLATION_BLOCK_WORDS 8
#define TRANSLATION_BLOCK_CONFIDENCE 0.6
#define TRANSLATION_NO_BLOCK ((size_t)-1)

typedef struct translation_issue {
    int english;      /* 1: located in the English version, 0: in the original
                         (a bilingual document is the original) */
    int sec;          /* index in that document's outline secs; -1: the document */
    size_t block;     /* block to quote, or TRANSLATION_NO_BLOCK */
    size_t ms, me;    /* span in the block's matching text to mark (ms == me: none) */
    long line;        /* source line when there is no block (0: unknown) */
    char *message;    /* owned */
} translation_issue;

typedef struct translation_issues {
    translation_issue *v;
    size_t n, cap;
} translation_issues;

void translation_issues_free(translation_issues *t);

/* Run one pair check (CHECK_TRANSLATION_*) of the original against its
 * English version en, or, when en is NULL, of a bilingual original against
 * its own English part. Appends issues to out. disclaimers are the rule's
 * patterns (used by CHECK_TRANSLATION_AUTHORITATIVE only; may be NULL).
 * Returns 0; 1 when the check does not apply (en is NULL and orig is not
 * bilingual, or en is NULL for version and date), with nothing appended;
 * or a negative CPS_E_LIMIT when a pattern hit a PCRE2 limit (e says which;
 * issues appended before stay and are the caller's to drop). */
int translation_compare(rule_check what, analysis *orig, analysis *en,
                        const rule_patterns *disclaimers, matcher *m,
                        translation_issues *out, cps_err *e);

/* Why translation_compare returned 1, for the checklist (a static string). */
const char *translation_na_note(rule_check what, analysis *orig, const analysis *en);

/* Version numbers compare equal: leading "v"/"V" dropped, components
 * compared as numbers, trailing ".0" components ignored; non-numeric
 * versions compared as written, ignoring case. NULLs are equal only to
 * NULL. */
int translation_same_version(const char *a, const char *b);

/* The language of block bi (primary subtag, "" when undecided): the
 * function-word profile of its text when it counts at least
 * TRANSLATION_BLOCK_WORDS function words with TRANSLATION_BLOCK_CONFIDENCE,
 * else its lang attribute when that differs from the ambient one (the
 * one inherited rather than declared: <html lang>, else the attribute at
 * least 80% of the body text carries, e.g. Word's <body lang>), else ""
 * (undecided). So a short block ("Not
 * applicable.") is English only when its markup says so specifically. */
void translation_block_lang(analysis *a, size_t bi, char out[12]);

/* Characters (code points) of the own text of section si: the display text
 * of its body blocks, table of contents and revision history excluded.
 * english: 1 counts only English blocks, 0 only the others, -1 all. */
size_t translation_section_chars(analysis *a, int si, int english);

typedef struct translation_coverage {
    size_t sections;        /* found sections with own text of a decided language */
    size_t english;         /* of those, with English text */
    size_t other;           /* of those, with text in another language or undecided */
    size_t english_chars, other_chars; /* over all own text (undecided in neither) */
} translation_coverage;

void translation_coverage_of(analysis *a, translation_coverage *c);

/* 1 if a's English part counts as an English version (see above). */
int translation_bilingual(analysis *a);

/* Build the synthetic pair for a translation rule's example (see
 * docs/rules-format.md, "Running the examples"): an example tagged "en"
 * is the English side, any other tag the original side (French). Fills
 * orig and en with complete HTML documents (caller frees both bufs). */
void translation_example_pair(const rule_example *x, buf *orig, buf *en);

#endif

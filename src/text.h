/* text.h — the text cpslint matches, and the way back to the text users read.
 *
 * Display text is NFC. Matching text is built per code point from the NFC
 * text: case folded (u_foldCase), decomposed (NFKD), combining marks dropped
 * (so "Révocation" -> "revocation", "ŒUVRE" -> "œuvre" -> kept as "oe"), with
 * typographic characters mapped: ’ ‘ ʼ ´ ` -> ', « » “ ” „ -> ", ‐ ‑ ‒ – — ―
 * − -> -, NBSP, U+202F, U+2007, U+2009 and other spaces -> ' ', soft hyphen
 * and zero-width characters removed, ligatures expanded (NFKC/NFKD), and
 * whitespace runs collapsed to one space. French spacing before : ; ! ? and
 * inside « » therefore becomes an ordinary space and never breaks a match.
 *
 * Every byte of the matching text records the byte offset in the source
 * string of the code point it came from, so a regex match [s, e) in the
 * matching text maps back to [off[s], off_end(e)) in the original.
 */
#ifndef CPSLINT_TEXT_H
#define CPSLINT_TEXT_H

#include <stddef.h>

#include "err.h"

typedef struct text_map {
    char *s;       /* matching text, NUL-terminated UTF-8 */
    size_t len;
    size_t *off;   /* len + 1 entries: off[i] = source offset of byte i;
                      off[len] = source length */
} text_map;

/* Build the matching text of src[0..n). src must be valid UTF-8. On success
 * *out owns its arrays (text_map_free). */
int text_fold(const char *src, size_t n, text_map *out, cps_err *e);

/* Map a match [start, end) in m->s back to source offsets: *src_start is
 * the start of the code point that produced byte start, *src_end the end of
 * the code point that produced byte end-1 (end > start). */
void text_map_span(const text_map *m, size_t start, size_t end,
                   size_t *src_start, size_t *src_end);

void text_map_free(text_map *m);

/* NFC of src[0..n) with runs of ASCII whitespace (space, tab, CR, LF, FF)
 * collapsed to one space and trimmed; NBSP and other Unicode spaces are
 * kept for display. Returns a malloc'd string (caller frees), *out_len set.
 * src must be valid UTF-8. */
char *text_display(const char *src, size_t n, size_t *out_len);

/* Clauses for `unless`: sentences and list items. Splits s[0..n) (matching
 * text) at ". ", "; ", "! ", "? " followed by a letter, digit or quote,
 * except after abbreviations (e.g., i.e., cf., chap., sect., art., no.,
 * p., m., mr., dr., etc., vs., fig., al.) and inside numbers (4.9.1).
 * Returns the number of clauses; *starts (malloc'd, caller frees) gets
 * count + 1 offsets, starts[count] == n. */
size_t text_clauses(const char *s, size_t n, size_t **starts);

/* Trim a UTF-8 snippet around [ms, me) to at most max_bytes, on code point
 * boundaries, preferring clause boundaries. Returns malloc'd text with
 * "…" where cut; *mark_start and *mark_end give the match inside it. */
char *text_snippet(const char *src, size_t n, size_t ms, size_t me,
                   size_t max_bytes, size_t *mark_start, size_t *mark_end);

#endif

/* text.h — the text cpslint matches, and the way back to the text users read.
 *
 * Display text is NFC. Matching text is built per code point from the NFC
 * text: case folded (u_foldCase), decomposed (NFKD), combining marks dropped
 * (so "Révocation" -> "revocation", "ŒUVRE" -> "œuvre" -> kept as "oe"), with
 * typographic characters mapped: ’ ‘ ʼ ´ ` -> ', « » “ ” „ -> ", ‐ ‑ ‒ – — ―
 * − -> -, NBSP, U+202F, U+2007, U+2009 and other spaces -> ' ', soft hyphen
 * and zero-width characters removed, ligatures expanded (NFKC/NFKD), and
 * whitespace runs collapsed to one space. Superscript digits (¹ ² ³ ⁰ ⁴-⁹)
 * become a space: they are footnote markers glued to a figure ("825²",
 * and html.c's rendering of "825<sup>2</sup>"), not digits of it. French
 * spacing before : ; ! ? and
 * inside « » therefore becomes an ordinary space and never breaks a match.
 *
 * Every byte of the matching text records the byte offset in the source
 * string of the code point it came from, so a regex match [s, e) in the
 * matching text maps back to [off[s], off[e-1] + ext[e-1]) in the original
 * (text_map_span). Leading and trailing whitespace is trimmed, so a
 * matching text may be empty.
 *
 * Performance: ASCII bytes never call ICU; each non-ASCII code point costs
 * a few ICU look-ups (fold, NFKD). Linear in n.
 */
#ifndef CPSLINT_TEXT_H
#define CPSLINT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef struct text_map {
    char *s;       /* matching text, NUL-terminated UTF-8 */
    size_t len;
    uint32_t *off; /* len + 1 entries: off[i] = source offset of byte i;
                      off[len] = source length (32 bits: sources are
                      under 4 GiB, text_fold refuses longer ones) */
    unsigned char *ext; /* len + 1 entries: ext[i] = source byte length of
                      what produced byte i: its code point, plus the
                      combining marks that followed it and were dropped
                      (at most 255); ext[len] = 0. A collapsed space
                      records its run's first whitespace code point. */
} text_map;

/* Build the matching text of src[0..n). src should be valid UTF-8 (an
 * ill-formed sequence becomes U+FFFD, never a crash). ASCII control
 * characters count as whitespace. On success (always, unless ICU's
 * normalisation data is missing or n >= 4 GiB: CPS_E_INPUT) *out owns its
 * arrays (text_map_free), sized to the text (about 6 bytes per byte). */
int text_fold(const char *src, size_t n, text_map *out, cps_err *e);

/* Map a match [start, end) in m->s back to source offsets: *src_start is
 * the start of the code point that produced byte start, *src_end the end of
 * the code point that produced byte end-1 (and of the combining marks that
 * followed it). Offsets past m->len are clamped; for end <= start both are
 * off[start]. */
void text_map_span(const text_map *m, size_t start, size_t end,
                   size_t *src_start, size_t *src_end);

void text_map_free(text_map *m);

/* NFC of src[0..n) with runs of ASCII whitespace (space, tab, CR, LF, FF)
 * collapsed to one space and trimmed; NBSP and other Unicode spaces are
 * kept for display. Returns a malloc'd string (caller frees, never NULL),
 * *out_len set (out_len may be NULL). src should be valid UTF-8
 * (ill-formed sequences become U+FFFD). */
char *text_display(const char *src, size_t n, size_t *out_len);

/* Clauses for `unless`: sentences and list items. Splits s[0..n) (matching
 * text) at ". ", "; ", "! ", "? " followed by a letter, digit or quote,
 * except after abbreviations (e.g., i.e., cf., chap., sect., art., no.,
 * p., m., mr., dr., etc., vs., fig., al., and a few more EN and FR ones:
 * mme., mlle., ex., env., c.-à-d. ...; compared without case) and inside
 * numbers (4.9.1). A closing quote or parenthesis may sit between the
 * terminator and the space; any non-ASCII byte counts as a letter. A
 * clause [starts[k], starts[k+1]) keeps its terminator and trailing space.
 * Returns the number of clauses (0 when n == 0); *starts (malloc'd, caller
 * frees) gets count + 1 offsets, starts[0] == 0, starts[count] == n. */
size_t text_clauses(const char *s, size_t n, size_t **starts);

/* Trim a UTF-8 snippet around [ms, me) to at most max_bytes (counting the
 * 3-byte "…" marks), on code point boundaries: the whole text if it fits,
 * else the clause holding the match if it fits, else the match with
 * context on both sides cut at spaces. A match longer than the budget is
 * itself cut. Returns malloc'd text (caller frees) with "…" where cut;
 * *mark_start and *mark_end (may be NULL) give the match inside it. */
char *text_snippet(const char *src, size_t n, size_t ms, size_t me,
                   size_t max_bytes, size_t *mark_start, size_t *mark_end);

#endif

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
 * characters count as whitespace. On success *out owns one allocation
 * holding s, off and ext (text_map_free; about 6 bytes per byte, one
 * malloc however short the text). Fails (*out zeroed) when n >= 4 GiB
 * (CPS_E_INPUT) or when an ICU call fails: out of memory loading the
 * normalizer is CPS_E_NOMEM "out of memory in ICU (...)", any other ICU
 * failure CPS_E_INPUT naming the call (text_icu_error). Never a shorter or
 * unfolded text in place of the error. ASCII text (an empty one too) never
 * calls ICU, so never fails. */
int text_fold(const char *src, size_t n, text_map *out, cps_err *e);

/* Where many maps live together (an analysis's folded blocks): 256 KiB
 * chunks, maps carved 4-aligned, no per-map malloc header or rounding.
 * Zero it to start; text_arena_free releases every map carved from it. */
typedef struct text_arena {
    char **chunks;
    size_t n, cap;
    char *next;      /* where the next map goes in the current chunk */
    size_t left;     /* bytes left there */
    size_t bytes;    /* allocated in all, for memory accounting */
} text_arena;

/* text_fold with *out carved from ar (never text_map_free it: it lives
 * until text_arena_free); ar NULL is text_fold. The zeroed slack after
 * the text is the rest of the chunk (ar keeps 16 zeroed bytes at each
 * chunk's end). Not thread-safe on one arena. */
int text_fold_in(text_arena *ar, const char *src, size_t n, text_map *out, cps_err *e);
void text_arena_free(text_arena *ar);

/* Load ICU's NFC and NFKD normalizers (ICU keeps them for the process):
 * called once before any document, so an out-of-memory there is one
 * clear error up front, not a text_fold failure in some caller. */
int text_init(cps_err *e);

/* Fill e for a failed ICU call (what names it; status is its UErrorCode):
 * U_MEMORY_ALLOCATION_ERROR -> CPS_E_NOMEM "out of memory in ICU (what)",
 * anything else -> CPS_E_INPUT "ICU failed (what): U_..._ERROR". Returns
 * the code. Shared by the modules that call ICU on document text. */
int text_icu_error(cps_err *e, const char *what, int status);

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
 * kept for display. On success *out is a malloc'd string (caller frees),
 * *out_len set (out_len may be NULL). src should be valid UTF-8
 * (ill-formed sequences become U+FFFD). Fails (*out NULL) when an ICU
 * call fails (text_icu_error) or the text is over 512 MiB with non-ASCII
 * bytes: never the unnormalised text in its place. ASCII text never
 * calls ICU. */
int text_display(const char *src, size_t n, char **out, size_t *out_len, cps_err *e);

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

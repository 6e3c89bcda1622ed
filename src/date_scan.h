/* date_scan.h — internal to the date module (date_find.c,
 * date_duration.c): scanning UTF-8 text (NFC, NFD or folded matching
 * text) a code point, a letter or a word at a time. Positions are byte
 * offsets into s[0..n); nothing allocates.
 */
#ifndef CPSLINT_DATE_SCAN_H
#define CPSLINT_DATE_SCAN_H

#include <stddef.h>
#include <stdint.h>

static inline int dt_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

/* Code point at s[i] (strict UTF-8, utf8.h); *len its byte length.
 * Malformed bytes decode to U+FFFD with length 1. */
uint32_t dt_decode(const unsigned char *s, size_t n, size_t i, size_t *len);
/* Letters, digits, marks and other non-punctuation code points. */
int dt_is_word_cp(uint32_t cp);
/* Is the code point that ends at s[i] (exclusive) a word character? */
int dt_word_before(const unsigned char *s, size_t n, size_t i);
/* The letter at s[i] folded to a-z (case and accents removed, following
 * combining marks skipped), or 0; *next is set past it when found. */
int dt_letter(const unsigned char *s, size_t n, size_t i, size_t *next);
/* The run of letters at s[i] folded into w (NUL-terminated); *end after
 * the run of word characters other than digits. Returns the length, 0 if
 * empty, too long for cap or holding a letter that does not fold to a-z. */
size_t dt_word(const unsigned char *s, size_t n, size_t i, char *w, size_t cap,
               size_t *end);
/* Length of the space at s[i] (ASCII blanks, NBSP, Unicode spaces), 0 if
 * none; dt_skip_space skips a run of them. */
size_t dt_space_len(const unsigned char *s, size_t n, size_t i);
size_t dt_skip_space(const unsigned char *s, size_t n, size_t i);
/* Digits at s[i]: returns how many (the value stops growing after 9),
 * value in *v, *end after them. */
size_t dt_digits(const unsigned char *s, size_t n, size_t i, long *v, size_t *end);
/* '.', '-' or '/' */
int dt_is_sep(int c);
/* A numeric token continues at s[i]: a digit, or . - / then a digit. */
int dt_numeric_continues(const unsigned char *s, size_t n, size_t i);

#endif

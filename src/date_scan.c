/* date_scan.c — UTF-8 scanning helpers shared by date_find.c and
 * date_duration.c (declared in date_scan.h). */
#include "date_scan.h"

#include <string.h>

#include "utf8.h"

/* Code point at s[i]; *len its byte length. Malformed bytes decode to
 * U+FFFD with length 1. */
uint32_t dt_decode(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    size_t k = i < n ? utf8_seq(s + i, n - i) : 0;
    if (k == 0) {
        *len = 1;
        return 0xFFFD;
    }
    static const unsigned char lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    uint32_t cp = s[i] & lead_mask[k];
    for (size_t j = 1; j < k; j++)
        cp = (cp << 6) | (s[i + j] & 0x3F);
    *len = k;
    return cp;
}

/* Letters, digits, marks and other non-punctuation code points. */
int dt_is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        cp == 0xFEFF || cp == 0xFFFD)
        return 0;
    return 1;
}

/* Is the code point that ends at s[i] (exclusive) a word character? */
int dt_word_before(const unsigned char *s, size_t n, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
        j--;
    size_t len;
    uint32_t cp = dt_decode(s, n, j, &len);
    if (j + len != i)
        return 0;
    return dt_is_word_cp(cp);
}

/* Base letters of U+00C0..U+00FF ('.' = none). */
static const char dt_latin1[] =
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy.."
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy.y";

/* The letter at s[i] folded to a-z (case and accents removed, following
 * combining marks skipped), or 0. *next is set past it when found. */
int dt_letter(const unsigned char *s, size_t n, size_t i, size_t *next)
{
    int c = s[i];
    size_t j;
    if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
        j = i + 1;
    } else if (c >= 'a' && c <= 'z') {
        j = i + 1;
    } else if (c == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF) {
        c = dt_latin1[s[i + 1] - 0x80];
        if (c == '.')
            return 0;
        j = i + 2;
    } else {
        return 0;
    }
    /* combining diacritical marks U+0300..U+036F */
    while (j + 1 < n && ((s[j] == 0xCC && s[j + 1] >= 0x80 && s[j + 1] <= 0xBF) ||
                         (s[j] == 0xCD && s[j + 1] >= 0x80 && s[j + 1] <= 0xAF)))
        j += 2;
    *next = j;
    return c;
}

/* Reads the run of letters at s[i] into w (folded a-z, NUL-terminated).
 * *end gets the end of the whole run of word characters other than
 * digits. Returns the length, or 0 if the run is empty, longer than
 * cap - 1 or holds a letter that does not fold to a-z (œ, ß, Greek...). */
size_t dt_word(const unsigned char *s, size_t n, size_t i, char *w,
                      size_t cap, size_t *end)
{
    size_t k = 0, j = i;
    int bad = 0;
    while (j < n) {
        size_t nx;
        int c = dt_letter(s, n, j, &nx);
        if (c) {
            if (k + 1 < cap)
                w[k] = (char)c;
            else
                bad = 1;
            k++;
            j = nx;
            continue;
        }
        size_t len;
        uint32_t cp = dt_decode(s, n, j, &len);
        if (cp >= 0x80 && dt_is_word_cp(cp)) {
            bad = 1;
            j += len;
            continue;
        }
        break;
    }
    *end = j;
    if (bad || k == 0) {
        w[0] = '\0';
        return 0;
    }
    w[k] = '\0';
    return k;
}

/* Length of the space at s[i] (ASCII blanks, NBSP, Unicode spaces), 0 if
 * none. */
size_t dt_space_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
        ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8A) || s[i + 2] == 0xAF))
        return 3;
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x81 && s[i + 2] == 0x9F)
        return 3;
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80)
        return 3;
    return 0;
}

size_t dt_skip_space(const unsigned char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = dt_space_len(s, n, i)) > 0)
        i += k;
    return i;
}

/* Digits at s[i]: returns how many (reading stops after 9), value in *v. */
size_t dt_digits(const unsigned char *s, size_t n, size_t i, long *v,
                        size_t *end)
{
    size_t k = 0;
    long val = 0;
    while (i + k < n && dt_isdigit(s[i + k])) {
        if (k < 9)
            val = val * 10 + (s[i + k] - '0');
        k++;
    }
    *v = val;
    *end = i + k;
    return k;
}

int dt_is_sep(int c)
{
    return c == '.' || c == '-' || c == '/';
}

/* True if a numeric token continues at s[i]: a digit, or . - / followed
 * by a digit (OIDs, version numbers, ranges of dates). */
int dt_numeric_continues(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && dt_isdigit(s[i]))
        return 1;
    return i + 1 < n && dt_is_sep(s[i]) && dt_isdigit(s[i + 1]);
}

/* date.c — civil dates, dates and durations found in CPS text. */
#include "date.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

/* ---- civil calendar (Howard Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms", days_from_civil / civil_from_days) ---- */

#define DATE_YEAR_MIN 1
#define DATE_YEAR_MAX 9999
#define DATE_DAYS_MIN (-719162L)   /* 0001-01-01 */
#define DATE_DAYS_MAX 2932896L     /* 9999-12-31 */

static long date_days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);                  /* [0, 399] */
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* [0, 146096] */
    return era * 146097 + (long)doe - 719468;
}

static void date_civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

static int date_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int date_month_days(int y, int m)
{
    static const unsigned char len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && date_leap(y) ? 29 : len[m - 1];
}

cps_date date_from_ymd(int y, int m, int d)
{
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
        d > date_month_days(y, m))
        return DATE_NONE;
    return date_days_from_civil(y, (unsigned)m, (unsigned)d);
}

void date_to_ymd(cps_date t, int *y, int *m, int *d)
{
    long yy = 0;
    unsigned mm = 0, dd = 0;
    if (t != DATE_NONE && t >= DATE_DAYS_MIN && t <= DATE_DAYS_MAX)
        date_civil_from_days(t, &yy, &mm, &dd);
    if (y)
        *y = (int)yy;
    if (m)
        *m = (int)mm;
    if (d)
        *d = (int)dd;
}

static void date_put_digits(char *out, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void date_format(cps_date t, char out[11])
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    if (y == 0) {
        out[0] = '\0';
        return;
    }
    date_put_digits(out, (unsigned)y, 4);
    out[4] = '-';
    date_put_digits(out + 5, (unsigned)m, 2);
    out[7] = '-';
    date_put_digits(out + 8, (unsigned)d, 2);
    out[10] = '\0';
}

static int date_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

cps_date date_parse_iso(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return DATE_NONE;
    int v[3] = {0, 0, 0};
    static const int pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
    for (int k = 0; k < 3; k++)
        for (int i = pos[k][0]; i < pos[k][0] + pos[k][1]; i++) {
            if (!date_isdigit((unsigned char)s[i]))
                return DATE_NONE;
            v[k] = v[k] * 10 + (s[i] - '0');
        }
    return date_from_ymd(v[0], v[1], v[2]);
}

cps_date date_today(void)
{
    time_t now = time(NULL);
    if (now == (time_t)-1)
        return DATE_NONE;
    long long secs = (long long)now;
    long long days = secs / 86400;
    if (secs % 86400 < 0)
        days--;
    return (cps_date)days;
}

/* ---- scanning helpers over UTF-8 (NFC, NFD or matching text) ---- */

/* Code point at s[i]; *len its byte length. Malformed bytes decode to
 * U+FFFD with length 1. */
static uint32_t dt_decode(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    unsigned c = s[i];
    size_t k;
    uint32_t cp;
    if (c < 0x80) {
        *len = 1;
        return c;
    } else if (c >= 0xC2 && c < 0xE0) {
        k = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c < 0xF0) {
        k = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c < 0xF5) {
        k = 4;
        cp = c & 0x07;
    } else {
        *len = 1;
        return 0xFFFD;
    }
    if (i + k > n) {
        *len = 1;
        return 0xFFFD;
    }
    for (size_t j = 1; j < k; j++) {
        if ((s[i + j] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    *len = k;
    return cp;
}

/* Letters, digits, marks and other non-punctuation code points. */
static int dt_is_word_cp(uint32_t cp)
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
static int dt_word_before(const unsigned char *s, size_t n, size_t i)
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
static int dt_letter(const unsigned char *s, size_t n, size_t i, size_t *next)
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
static size_t dt_word(const unsigned char *s, size_t n, size_t i, char *w,
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
static size_t dt_space_len(const unsigned char *s, size_t n, size_t i)
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

static size_t dt_skip_space(const unsigned char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = dt_space_len(s, n, i)) > 0)
        i += k;
    return i;
}

/* Digits at s[i]: returns how many (reading stops after 9), value in *v. */
static size_t dt_digits(const unsigned char *s, size_t n, size_t i, long *v,
                        size_t *end)
{
    size_t k = 0;
    long val = 0;
    while (i + k < n && date_isdigit(s[i + k])) {
        if (k < 9)
            val = val * 10 + (s[i + k] - '0');
        k++;
    }
    *v = val;
    *end = i + k;
    return k;
}

static int dt_is_sep(int c)
{
    return c == '.' || c == '-' || c == '/';
}

/* True if a numeric token continues at s[i]: a digit, or . - / followed
 * by a digit (OIDs, version numbers, ranges of dates). */
static int dt_numeric_continues(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && date_isdigit(s[i]))
        return 1;
    return i + 1 < n && dt_is_sep(s[i]) && date_isdigit(s[i + 1]);
}

/* ---- month names ---- */

typedef struct dt_month {
    const char *name;  /* folded a-z */
    int month;
    int abbrev;        /* may be followed by '.' */
} dt_month;

static const dt_month dt_months[] = {
    /* English */
    {"january", 1, 0}, {"february", 2, 0}, {"march", 3, 0}, {"april", 4, 0},
    {"may", 5, 0}, {"june", 6, 0}, {"july", 7, 0}, {"august", 8, 0},
    {"september", 9, 0}, {"october", 10, 0}, {"november", 11, 0},
    {"december", 12, 0},
    {"jan", 1, 1}, {"feb", 2, 1}, {"mar", 3, 1}, {"apr", 4, 1},
    {"jun", 6, 1}, {"jul", 7, 1}, {"aug", 8, 1}, {"sep", 9, 1},
    {"sept", 9, 1}, {"oct", 10, 1}, {"nov", 11, 1}, {"dec", 12, 1},
    /* French (accents folded: février -> fevrier, août -> aout) */
    {"janvier", 1, 0}, {"fevrier", 2, 0}, {"mars", 3, 0}, {"avril", 4, 0},
    {"mai", 5, 0}, {"juin", 6, 0}, {"juillet", 7, 0}, {"aout", 8, 0},
    {"septembre", 9, 0}, {"octobre", 10, 0}, {"novembre", 11, 0},
    {"decembre", 12, 0},
    {"janv", 1, 1}, {"fevr", 2, 1}, {"fev", 2, 1}, {"avr", 4, 1},
    {"juil", 7, 1},
};

static int dt_month_lookup(const char *w)
{
    for (size_t i = 0; i < sizeof dt_months / sizeof dt_months[0]; i++)
        if (strcmp(dt_months[i].name, w) == 0)
            return dt_months[i].month;
    return 0;
}

/* Skips an ordinal suffix after a day number: 1er 1re 4th 2nd 3rd 1st,
 * 1º 1°. Returns the new position (i if none). */
static size_t dt_skip_ordinal(const unsigned char *s, size_t n, size_t i)
{
    if (i + 1 < n && s[i] == 0xC2 && (s[i + 1] == 0xBA || s[i + 1] == 0xB0))
        return i + 2;
    char w[8];
    size_t end;
    if (dt_word(s, n, i, w, sizeof w, &end) == 0)
        return i;
    if (!strcmp(w, "er") || !strcmp(w, "re") || !strcmp(w, "st") ||
        !strcmp(w, "nd") || !strcmp(w, "rd") || !strcmp(w, "th"))
        return end;
    return i;
}

static int dt_year_ok(long y)
{
    return y >= 1900 && y <= 2199;
}

/* The lang argument: English when its primary subtag is "en". */
static int dt_lang_en(const char *lang)
{
    return lang && (lang[0] == 'e' || lang[0] == 'E') &&
           (lang[1] == 'n' || lang[1] == 'N') &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* "2018-11-25", "2018/11/25", "2018.11.25" at s[i] (4 digits read). */
static cps_date dt_try_iso(const unsigned char *s, size_t n, size_t i, size_t *end)
{
    long y, m, d;
    size_t j;
    if (dt_digits(s, n, i, &y, &j) != 4 || j >= n || !dt_is_sep(s[j]))
        return DATE_NONE;
    int sep = s[j];
    size_t k = dt_digits(s, n, j + 1, &m, &j);
    if (k < 1 || k > 2 || j >= n || s[j] != sep)
        return DATE_NONE;
    k = dt_digits(s, n, j + 1, &d, &j);
    if (k < 1 || k > 2 || dt_numeric_continues(s, n, j) || !dt_year_ok(y))
        return DATE_NONE;
    cps_date t = date_from_ymd((int)y, (int)m, (int)d);
    if (t != DATE_NONE)
        *end = j;
    return t;
}

/* "25/11/2018", "11/25/2018", "25.11.2018", "25-11-2018" at s[i]. */
static cps_date dt_try_numeric(const unsigned char *s, size_t n, size_t i,
                               const char *lang, size_t *end)
{
    long a, b, y;
    size_t j;
    size_t k = dt_digits(s, n, i, &a, &j);
    if (k < 1 || k > 2 || j >= n || !dt_is_sep(s[j]))
        return DATE_NONE;
    int sep = s[j];
    k = dt_digits(s, n, j + 1, &b, &j);
    if (k < 1 || k > 2 || j >= n || s[j] != sep)
        return DATE_NONE;
    k = dt_digits(s, n, j + 1, &y, &j);
    if (k != 4 || dt_numeric_continues(s, n, j) || !dt_year_ok(y))
        return DATE_NONE;
    long day, month;
    if (a > 12) {
        day = a;
        month = b;
    } else if (b > 12) {
        month = a;
        day = b;
    } else if (sep != '.' && dt_lang_en(lang)) {
        month = a;
        day = b;
    } else {
        day = a;
        month = b;
    }
    cps_date t = date_from_ymd((int)y, (int)month, (int)day);
    if (t != DATE_NONE)
        *end = j;
    return t;
}

/* Four-digit year at s[i], not followed by a digit. */
static int dt_year_at(const unsigned char *s, size_t n, size_t i, long *y, size_t *end)
{
    return i < n && dt_digits(s, n, i, y, end) == 4 && dt_year_ok(*y);
}

/* "25 novembre 2018", "1er mars 2019", "25-Nov-2018", "31-March-2026",
 * "4th of May 2018", "25 nov. 2018" at s[i]. */
static cps_date dt_try_day_month(const unsigned char *s, size_t n, size_t i,
                                 size_t *end)
{
    long d, y;
    size_t j;
    size_t k = dt_digits(s, n, i, &d, &j);
    if (k < 1 || k > 2 || j >= n)
        return DATE_NONE;
    j = dt_skip_ordinal(s, n, j);
    size_t p = dt_skip_space(s, n, j);
    if (p < n && (s[p] == '-' || s[p] == '.'))
        p = dt_skip_space(s, n, p + 1);
    if (p == j || p >= n)
        return DATE_NONE;
    char w[12];
    size_t we;
    if (dt_word(s, n, p, w, sizeof w, &we) && strcmp(w, "of") == 0) {
        p = dt_skip_space(s, n, we);
        if (p == we || p >= n)
            return DATE_NONE;
    }
    if (!dt_word(s, n, p, w, sizeof w, &we))
        return DATE_NONE;
    int m = dt_month_lookup(w);
    if (!m)
        return DATE_NONE;
    j = we;
    if (j < n && s[j] == '.')
        j++;
    p = dt_skip_space(s, n, j);
    if (p < n && (s[p] == '-' || s[p] == ','))
        p = dt_skip_space(s, n, p + 1);
    if (p == j && j == we)
        return DATE_NONE;  /* "25novembre2018" */
    if (!dt_year_at(s, n, p, &y, &j))
        return DATE_NONE;
    cps_date t = date_from_ymd((int)y, m, (int)d);
    if (t != DATE_NONE)
        *end = j;
    return t;
}

/* "November 25, 2018", "Nov. 25, 2018", "Jun 18 , 2025", "May 4th, 2018",
 * "mars 1er 2019" at s[i], a word of *wend - i bytes. */
static cps_date dt_try_month_day(const unsigned char *s, size_t n, size_t i,
                                 size_t *end, size_t *wend)
{
    char w[12];
    long d, y;
    size_t j;
    if (!dt_word(s, n, i, w, sizeof w, wend))
        return DATE_NONE;
    int m = dt_month_lookup(w);
    if (!m)
        return DATE_NONE;
    j = *wend;
    if (j < n && s[j] == '.')
        j++;
    size_t p = dt_skip_space(s, n, j);
    if (p < n && s[p] == '-')
        p = dt_skip_space(s, n, p + 1);
    if (p == *wend)
        return DATE_NONE;
    size_t k = dt_digits(s, n, p, &d, &j);
    if (k < 1 || k > 2)
        return DATE_NONE;
    j = dt_skip_ordinal(s, n, j);
    p = dt_skip_space(s, n, j);
    if (p < n && (s[p] == ',' || s[p] == '-'))
        p = dt_skip_space(s, n, p + 1);
    if (p == j)
        return DATE_NONE;
    if (!dt_year_at(s, n, p, &y, &j))
        return DATE_NONE;
    cps_date t = date_from_ymd((int)y, m, (int)d);
    if (t != DATE_NONE)
        *end = j;
    return t;
}

cps_date date_find(const char *str, size_t n, const char *lang,
                   size_t *match_start, size_t *match_end)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    if (!s)
        return DATE_NONE;
    while (i < n) {
        size_t end = 0;
        cps_date t = DATE_NONE;
        if (date_isdigit(s[i])) {
            long v;
            size_t de;
            size_t k = dt_digits(s, n, i, &v, &de);
            int fresh = !dt_word_before(s, n, i) &&
                        !(i >= 2 && dt_is_sep(s[i - 1]) && date_isdigit(s[i - 2]));
            if (fresh) {
                if (k == 4)
                    t = dt_try_iso(s, n, i, &end);
                else if (k <= 2) {
                    t = dt_try_numeric(s, n, i, lang, &end);
                    if (t == DATE_NONE)
                        t = dt_try_day_month(s, n, i, &end);
                }
            }
            if (t == DATE_NONE) {
                i = de;
                continue;
            }
        } else {
            size_t len;
            uint32_t cp = dt_decode(s, n, i, &len);
            if (!dt_is_word_cp(cp) || dt_word_before(s, n, i)) {
                i += len;
                continue;
            }
            size_t wend;
            t = dt_try_month_day(s, n, i, &end, &wend);
            if (t == DATE_NONE) {
                i = wend > i ? wend : i + len;
                continue;
            }
        }
        if (match_start)
            *match_start = i;
        if (match_end)
            *match_end = end;
        return t;
    }
    return DATE_NONE;
}


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
    /* superscript "ᵉʳ" (U+1D49 U+02B3) */
    if (i + 4 < n && !memcmp(s + i, "\xE1\xB5\x89\xCA\xB3", 5))
        return i + 5;
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

/* ---- durations ---- */

typedef struct dt_numword {
    const char *w;
    int v;
} dt_numword;

/* Number words, folded. Value -1 marks a connector ("and", "et"). */
static const dt_numword dt_numwords[] = {
    {"zero", 0}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4},
    {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9},
    {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}, {"thirty", 30},
    {"forty", 40}, {"fourty", 40}, {"fifty", 50}, {"sixty", 60},
    {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
    {"thousand", 1000},
    {"un", 1}, {"une", 1}, {"deux", 2}, {"trois", 3}, {"quatre", 4},
    {"cinq", 5}, {"sept", 7}, {"huit", 8}, {"neuf", 9}, {"dix", 10},
    {"onze", 11}, {"douze", 12}, {"treize", 13}, {"quatorze", 14},
    {"quinze", 15}, {"seize", 16}, {"vingt", 20}, {"vingts", 20},
    {"trente", 30}, {"quarante", 40}, {"cinquante", 50}, {"soixante", 60},
    {"septante", 70}, {"huitante", 80}, {"octante", 80}, {"nonante", 90},
    {"cent", 100}, {"cents", 100}, {"mille", 1000},
    {"and", -1}, {"et", -1},
};

static int dt_numword_value(const char *w)
{
    for (size_t i = 0; i < sizeof dt_numwords / sizeof dt_numwords[0]; i++)
        if (strcmp(dt_numwords[i].w, w) == 0)
            return dt_numwords[i].v;
    return -2;
}

/* A number written in words at s[i] (a word start): "trois", "trente-neuf",
 * "trois cent quatre-vingt-dix-huit", "three hundred and ninety-eight",
 * "vingt et un". Words that would not make a well-formed number end it
 * ("deux trois" is "deux"). Returns 1 with *val and *end (after the last
 * number word) on success. */
static int dt_word_number(const unsigned char *s, size_t n, size_t i, int *val,
                          size_t *end)
{
    int total = 0, cur = 0, last = -1, ntok = 0, after_connector = 0;
    size_t j = i, last_end = i;
    for (int guard = 0; guard < 24 && j < n; guard++) {
        char w[16];
        size_t we;
        if (!dt_word(s, n, j, w, sizeof w, &we))
            break;
        int v = dt_numword_value(w);
        if (v == -1) {              /* "and", "et" between number words */
            if (ntok == 0 || after_connector || (cur == 0 && total == 0))
                break;
            after_connector = 1;
        } else if (v < 0) {
            break;
        } else if (v == 0) {
            if (ntok > 0)
                break;
            ntok = 1;
            last_end = we;
            break;
        } else if (v < 10) {
            if (cur % 10 != 0)
                break;
            cur += v;
        } else if (v < 20) {
            int r = cur % 100;
            if (r != 0 && r != 60 && r != 80)
                break;
            cur += v;
        } else if (v == 20 && last == 4 && cur % 100 == 4 && !after_connector) {
            cur += 76;              /* quatre-vingt(s) */
        } else if (v < 100) {
            if (cur % 100 != 0)
                break;
            cur += v;
        } else if (v == 100) {
            if (cur >= 100)
                break;
            cur = cur == 0 ? 100 : cur * 100;
        } else {                    /* 1000 */
            if (total != 0)
                break;
            total = (cur == 0 ? 1 : cur) * 1000;
            cur = 0;
        }
        if (v >= 0) {
            ntok++;
            last = v;
            last_end = we;
            after_connector = 0;
        }
        /* separator: a hyphen or spaces */
        j = we;
        if (j < n && s[j] == '-')
            j++;
        else {
            size_t p = dt_skip_space(s, n, j);
            if (p == j)
                break;
            j = p;
        }
    }
    if (ntok == 0)
        return 0;
    *val = total + cur;
    *end = last_end;
    return 1;
}

/* Digits (at most 6) at s[i] that are a whole number: not part of a word,
 * a decimal number, an OID or a version. */
static int dt_digit_number(const unsigned char *s, size_t n, size_t i, int *val,
                           size_t *end)
{
    long v;
    size_t j;
    size_t k = dt_digits(s, n, i, &v, &j);
    if (k < 1 || k > 6)
        return 0;
    /* thousands grouped with a comma or a space: "1,095 days", "1 095 jours"
     * (NBSP and U+202F are spaces in the matching text) */
    if (k <= 3)
        while (j + 3 < n && (s[j] == ',' || s[j] == ' ') && date_isdigit(s[j + 1]) &&
               date_isdigit(s[j + 2]) && date_isdigit(s[j + 3]) &&
               (j + 4 == n || !date_isdigit(s[j + 4])) && v < 100000) {
            v = v * 1000 + (s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
            j += 4;
        }
    if (j + 1 < n && (s[j] == '.' || s[j] == ',') && date_isdigit(s[j + 1]))
        return 0;
    *val = (int)v;
    *end = j;
    return 1;
}

typedef struct dt_unit {
    const char *w;
    char unit;
} dt_unit;

static const dt_unit dt_units[] = {
    {"hour", 'h'}, {"hours", 'h'}, {"hr", 'h'}, {"hrs", 'h'},
    {"heure", 'h'}, {"heures", 'h'}, {"h", 'h'},
    {"day", 'd'}, {"days", 'd'}, {"jour", 'd'}, {"jours", 'd'},
    {"week", 'w'}, {"weeks", 'w'}, {"semaine", 'w'}, {"semaines", 'w'},
    {"month", 'm'}, {"months", 'm'}, {"mois", 'm'},
    {"year", 'y'}, {"years", 'y'}, {"yr", 'y'}, {"yrs", 'y'},
    {"an", 'y'}, {"ans", 'y'}, {"annee", 'y'}, {"annees", 'y'},
};

static char dt_unit_lookup(const char *w)
{
    for (size_t i = 0; i < sizeof dt_units / sizeof dt_units[0]; i++)
        if (strcmp(dt_units[i].w, w) == 0)
            return dt_units[i].unit;
    return 0;
}

typedef struct dt_phrase {
    const char *p;  /* folded, single spaces, ' apostrophe */
    int bound;
} dt_phrase;

/* Phrases just before the number. The longest match wins ("no more than"
 * over "more than"). */
static const dt_phrase dt_bounds_before[] = {
    {"less than", -1}, {"fewer than", -1}, {"shorter than", -1},
    {"no more than", -1}, {"not more than", -1}, {"no longer than", -1},
    {"not longer than", -1}, {"no greater than", -1},
    {"not greater than", -1}, {"at most", -1}, {"at the most", -1},
    {"up to", -1}, {"maximum", -1}, {"maximum of", -1}, {"max", -1},
    {"max.", -1}, {"within", -1}, {"no later than", -1},
    {"not later than", -1}, {"not exceed", -1}, {"not to exceed", -1},
    {"not exceeding", -1}, {"cannot exceed", -1}, {"never exceed", -1},
    {"without exceeding", -1}, {"limited to", -1}, {"maximum period of", -1},
    {"moins de", -1}, {"au plus", -1}, {"au maximum", -1},
    {"maximum de", -1}, {"jusqu'a", -1}, {"pas plus de", -1},
    {"ne pas depasser", -1}, {"ne peut depasser", -1},
    {"ne peut pas depasser", -1}, {"ne doit pas depasser", -1},
    {"ne doit depasser", -1}, {"ne pouvant depasser", -1},
    {"ne pouvant pas depasser", -1}, {"ne pas exceder", -1},
    {"ne peut exceder", -1}, {"ne peut pas exceder", -1},
    {"ne doit pas exceder", -1}, {"ne pouvant exceder", -1},
    {"sans depasser", -1}, {"sans exceder", -1}, {"n'excede pas", -1},
    {"ne depasse pas", -1}, {"n'excedant pas", -1},
    {"ne depassant pas", -1}, {"inferieure a", -1}, {"inferieur a", -1},
    {"inferieures a", -1}, {"inferieurs a", -1},
    {"inferieure ou egale a", -1}, {"inferieur ou egal a", -1},
    {"dans un delai de", -1}, {"dans un delai maximum de", -1},
    {"dans un delai maximal de", -1}, {"dans les", -1}, {"sous", -1},
    {"maximale de", -1}, {"maximal de", -1}, {"au plus tard", -1},
    {"limitee a", -1}, {"limite a", -1},
    {"less than or equal to", -1}, {"equal to or less than", -1},
    {"not be more than", -1}, {"not be longer than", -1},
    {"not be greater than", -1}, {"never be longer than", -1},
    {"never be more than", -1}, {"not be less than", 1},
    {"not be shorter than", 1}, {"not be fewer than", 1},
    {"greater than or equal to", 1}, {"equal to or greater than", 1},
    {"equal to or more than", 1},
    {"at least", 1}, {"no less than", 1}, {"not less than", 1},
    {"no fewer than", 1}, {"not fewer than", 1}, {"more than", 1},
    {"greater than", 1}, {"longer than", 1}, {"minimum", 1},
    {"minimum of", 1}, {"exceeding", 1}, {"exceeds", 1},
    {"au moins", 1}, {"au minimum", 1}, {"minimum de", 1}, {"plus de", 1},
    {"pas moins de", 1}, {"superieure a", 1}, {"superieur a", 1},
    {"superieure ou egale a", 1}, {"superieur ou egal a", 1},
    {"minimale de", 1}, {"minimal de", 1}, {"depassant", 1},
    {"excedant", 1},
};

/* Phrases just after the unit (when none came before). */
static const dt_phrase dt_bounds_after[] = {
    {"or less", -1}, {"or fewer", -1}, {"or shorter", -1}, {"at most", -1},
    {"at the most", -1}, {"maximum", -1}, {"max", -1}, {"au maximum", -1},
    {"au plus", -1}, {"ou moins", -1},
    {"or more", 1}, {"or longer", 1}, {"at least", 1}, {"minimum", 1},
    {"au minimum", 1}, {"au moins", 1}, {"ou plus", 1},
};

#define DT_WINDOW 48

/* Folds s[a..b) into w: letters a-z, typographic apostrophes as ', space
 * runs as one ' ', other ASCII kept, other characters as '#'. */
static size_t dt_fold_window(const unsigned char *s, size_t n, size_t a, size_t b,
                             char *w, size_t cap)
{
    size_t k = 0;
    size_t i = a;
    while (i < b && k + 1 < cap) {
        size_t nx, len;
        int c = dt_letter(s, n, i, &nx);
        if (c) {
            w[k++] = (char)c;
            i = nx;
            continue;
        }
        if ((len = dt_space_len(s, n, i)) > 0) {
            if (k == 0 || w[k - 1] != ' ')
                w[k++] = ' ';
            i += len;
            continue;
        }
        uint32_t cp = dt_decode(s, n, i, &len);
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
            w[k++] = '\'';
        else if (cp < 0x80)
            w[k++] = (char)cp;
        else
            w[k++] = '#';
        i += len;
    }
    w[k] = '\0';
    return k;
}

static int dt_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || c == '\'';
}

/* Bound phrase ending just before s[start] (spaces allowed in between). */
static int dt_bound_before(const unsigned char *s, size_t n, size_t start)
{
    size_t a = start > DT_WINDOW ? start - DT_WINDOW : 0;
    while (a > 0 && a < start && (s[a] & 0xC0) == 0x80)
        a--;
    char w[DT_WINDOW + 8];
    size_t k = dt_fold_window(s, n, a, start, w, sizeof w);
    while (k > 0 && w[k - 1] == ' ')
        k--;
    size_t best = 0;
    int bound = 0;
    for (size_t i = 0; i < sizeof dt_bounds_before / sizeof dt_bounds_before[0]; i++) {
        const char *p = dt_bounds_before[i].p;
        size_t pl = strlen(p);
        if (pl > k || pl <= best || memcmp(w + k - pl, p, pl) != 0)
            continue;
        if (pl < k && dt_alpha((unsigned char)w[k - pl - 1]))
            continue;
        if (pl == k && a > 0)
            continue;  /* cannot see the word boundary */
        best = pl;
        bound = dt_bounds_before[i].bound;
    }
    return bound;
}

/* Bound phrase starting just after s[end] (spaces allowed in between). */
static int dt_bound_after(const unsigned char *s, size_t n, size_t end)
{
    size_t p = dt_skip_space(s, n, end);
    if (p == end)
        return 0;
    size_t b = p + 24 < n ? p + 24 : n;
    char w[40];
    size_t k = dt_fold_window(s, n, p, b, w, sizeof w);
    size_t best = 0;
    int bound = 0;
    for (size_t i = 0; i < sizeof dt_bounds_after / sizeof dt_bounds_after[0]; i++) {
        const char *ph = dt_bounds_after[i].p;
        size_t pl = strlen(ph);
        if (pl > k || pl <= best || memcmp(w, ph, pl) != 0)
            continue;
        if (pl < k && dt_alpha((unsigned char)w[pl]))
            continue;
        if (pl == k && b < n)
            continue;
        best = pl;
        bound = dt_bounds_after[i].bound;
    }
    return bound;
}

static void dt_duration_days(duration *d)
{
    double v = d->value;
    switch (d->unit) {
    case 'h':
        d->min_days = v / 24.0;
        if (d->business) {
            /* a business day has at least 8 business hours */
            long bd = (d->value + 7) / 8;
            d->max_days = (double)(bd + 2 * ((bd + 4) / 5));
            if (d->max_days < d->min_days)
                d->max_days = d->min_days;
        } else {
            d->max_days = d->min_days;
        }
        break;
    case 'd':
        d->min_days = v;
        /* each started run of 5 business days may straddle a weekend */
        d->max_days = d->business ? v + 2.0 * ((d->value + 4) / 5) : v;
        break;
    case 'w':
        d->min_days = d->max_days = 7.0 * v;
        break;
    case 'm':
        d->min_days = 28.0 * v;
        d->max_days = 31.0 * v;
        break;
    default: /* 'y' */
        d->min_days = 365.0 * v;
        d->max_days = 366.0 * v;
        break;
    }
}

static int dt_is(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

static const char *const dt_qual_before[] = {
    "calendar", "business", "working", "consecutive", "full", NULL};
static const char *const dt_qual_business[] = {
    "business", "working", "ouvres", "ouvrables", "ouvre", "ouvrable",
    "ouvrees", "ouvree", NULL};
static const char *const dt_qual_after[] = {
    "ouvres", "ouvrables", "ouvre", "ouvrable", "ouvrees", "ouvree",
    "calendaires", "calendaire",
    "francs", "pleins", "consecutifs", "civils", NULL};

/* The unit after a number ending at s[numend]: spaces or a hyphen ("24-hour"),
 * an optional qualifier, the unit word and an optional French qualifier
 * ("jours ouvrés"). Fills d->unit, d->business and d->end. */
static int dt_unit_after(const unsigned char *s, size_t n, size_t numend,
                         int value, duration *d)
{
    size_t j = dt_skip_space(s, n, numend);
    if (j < n && s[j] == '-' && j == numend)
        j++;
    if (j >= n)
        return 0;
    char w[16];
    size_t we;
    if (!dt_word(s, n, j, w, sizeof w, &we))
        return 0;
    d->business = 0;
    if (dt_is(w, dt_qual_before)) {
        d->business = dt_is(w, dt_qual_business);
        j = dt_skip_space(s, n, we);
        if (j == we || j >= n || !dt_word(s, n, j, w, sizeof w, &we))
            return 0;
    }
    char u = dt_unit_lookup(w);
    if (!u)
        return 0;
    if (strcmp(w, "h") == 0) {
        size_t after = dt_skip_space(s, n, we);
        if (after < n && date_isdigit(s[after]))
            return 0;  /* "8h30", "8 h 30": a time of day */
    }
    if (strcmp(w, "an") == 0 && value != 1)
        return 0;  /* "2 an" is English ("step 2 an applicant") */
    if (we < n && date_isdigit(s[we]))
        return 0;
    d->unit = u;
    d->end = we;
    size_t p = dt_skip_space(s, n, we);
    size_t qe;
    if (p > we && p < n && dt_word(s, n, p, w, sizeof w, &qe) &&
        dt_is(w, dt_qual_after)) {
        if (dt_is(w, dt_qual_business))
            d->business = 1;
        d->end = qe;
    }
    return 1;
}

/* A duration whose number starts at s[i]. */
static int dt_try_duration(const unsigned char *s, size_t n, size_t i, duration *d)
{
    int value, alt;
    size_t numend, p, q;
    if (date_isdigit(s[i])) {
        if (!dt_digit_number(s, n, i, &value, &numend))
            return 0;
        /* "3 (three) years" */
        p = dt_skip_space(s, n, numend);
        if (p < n && s[p] == '(') {
            p = dt_skip_space(s, n, p + 1);
            if (p < n && dt_word_number(s, n, p, &alt, &q)) {
                q = dt_skip_space(s, n, q);
                if (q < n && s[q] == ')')
                    numend = q + 1;
            }
        }
    } else {
        if (!dt_word_number(s, n, i, &value, &numend))
            return 0;
        /* "trois (3) ans": the digits win */
        p = dt_skip_space(s, n, numend);
        if (p < n && s[p] == '(') {
            p = dt_skip_space(s, n, p + 1);
            if (p < n && date_isdigit(s[p]) && dt_digit_number(s, n, p, &alt, &q)) {
                q = dt_skip_space(s, n, q);
                if (q < n && s[q] == ')') {
                    value = alt;
                    numend = q + 1;
                }
            }
        }
    }
    if (!dt_unit_after(s, n, numend, value, d))
        return 0;
    d->value = value;
    d->start = i;
    dt_duration_days(d);
    d->bound = dt_bound_before(s, n, i);
    if (d->bound == 0)
        d->bound = dt_bound_after(s, n, d->end);
    return 1;
}

size_t date_find_durations(const char *str, size_t n, duration *out, size_t max)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t count = 0, i = 0;
    if (!s || !out)
        return 0;
    while (i < n && count < max) {
        duration d;
        memset(&d, 0, sizeof d);
        if (date_isdigit(s[i])) {
            long v;
            size_t de;
            dt_digits(s, n, i, &v, &de);
            int fresh = !dt_word_before(s, n, i) &&
                        !(i >= 2 && (s[i - 1] == '.' || s[i - 1] == ',') &&
                          date_isdigit(s[i - 2]));
            if (fresh && dt_try_duration(s, n, i, &d)) {
                out[count++] = d;
                i = d.end;
            } else {
                i = de;
            }
            continue;
        }
        size_t len;
        uint32_t cp = dt_decode(s, n, i, &len);
        if (!dt_is_word_cp(cp) || dt_word_before(s, n, i)) {
            i += len;
            continue;
        }
        if (dt_try_duration(s, n, i, &d)) {
            out[count++] = d;
            i = d.end;
            continue;
        }
        char w[4];
        size_t we;
        dt_word(s, n, i, w, sizeof w, &we);
        i = we > i ? we : i + len;
    }
    return count;
}

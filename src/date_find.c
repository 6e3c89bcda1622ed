/* date_find.c — dates as CPS documents write them (date.h date_find). */
#include "date.h"

#include <string.h>

#include "date_scan.h"

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
    /* Spanish */
    {"enero", 1, 0}, {"febrero", 2, 0}, {"marzo", 3, 0}, {"abril", 4, 0},
    {"mayo", 5, 0}, {"junio", 6, 0}, {"julio", 7, 0}, {"agosto", 8, 0},
    {"septiembre", 9, 0}, {"setiembre", 9, 0}, {"octubre", 10, 0},
    {"noviembre", 11, 0}, {"diciembre", 12, 0},
    {"ene", 1, 1}, {"abr", 4, 1}, {"ago", 8, 1}, {"dic", 12, 1},
    /* Italian */
    {"gennaio", 1, 0}, {"febbraio", 2, 0}, {"aprile", 4, 0},
    {"maggio", 5, 0}, {"giugno", 6, 0}, {"luglio", 7, 0},
    {"settembre", 9, 0}, {"ottobre", 10, 0}, {"dicembre", 12, 0},
    {"gen", 1, 1}, {"mag", 5, 1}, {"giu", 6, 1}, {"lug", 7, 1},
    {"set", 9, 1}, {"ott", 10, 1},
};

static int dt_month_lookup(const char *w)
{
    for (size_t i = 0; i < sizeof dt_months / sizeof dt_months[0]; i++)
        if (dt_months[i].name[0] == w[0] && strcmp(dt_months[i].name, w) == 0)
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
                               date_order order, int *evidence, size_t *end)
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
        *evidence = DATE_DMY;
    } else if (b > 12) {
        month = a;
        day = b;
        *evidence = DATE_MDY;
    } else if (a == b || sep == '.' || order == DATE_DMY) {
        day = a;
        month = b;
    } else if (order == DATE_MDY) {
        month = a;
        day = b;
    } else {
        return DATE_NONE; /* DATE_ORDER_STRICT: "09/05/2019" could be either */
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
    if (dt_word(s, n, p, w, sizeof w, &we) && (strcmp(w, "of") == 0 || strcmp(w, "de") == 0)) {
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
    /* Spanish "9 de mayo de 2019", "del 2019" */
    size_t ce;
    if (p > j && p < n && dt_word(s, n, p, w, sizeof w, &ce) &&
        (strcmp(w, "de") == 0 || strcmp(w, "del") == 0)) {
        size_t q = dt_skip_space(s, n, ce);
        if (q > ce)
            p = q;
    }
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

date_order date_order_for_lang(const char *lang)
{
    return dt_lang_en(lang) ? DATE_MDY : DATE_DMY;
}

cps_date date_find(const char *str, size_t n, const char *lang,
                   size_t *match_start, size_t *match_end)
{
    return date_find_ordered(str, n, date_order_for_lang(lang), NULL, match_start,
                             match_end);
}

cps_date date_find_ordered(const char *str, size_t n, date_order order,
                           date_order *evidence, size_t *match_start,
                           size_t *match_end)
{
    int ev = DATE_ORDER_STRICT;
    if (evidence)
        *evidence = DATE_ORDER_STRICT;
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    if (!s)
        return DATE_NONE;
    while (i < n) {
        size_t end = 0;
        cps_date t = DATE_NONE;
        if (dt_isdigit(s[i])) {
            long v;
            size_t de;
            size_t k = dt_digits(s, n, i, &v, &de);
            int fresh = !dt_word_before(s, n, i) &&
                        !(i >= 2 && dt_is_sep(s[i - 1]) && dt_isdigit(s[i - 2]));
            if (fresh) {
                if (k == 4)
                    t = dt_try_iso(s, n, i, &end);
                else if (k <= 2) {
                    t = dt_try_numeric(s, n, i, order, &ev, &end);
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
        if (evidence)
            *evidence = (date_order)ev;
        return t;
    }
    return DATE_NONE;
}

/* date_duration.c — durations in CPS text (date.h date_find_durations). */
#include "date.h"

#include <string.h>

#include "date_scan.h"

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
        while (j + 3 < n && (s[j] == ',' || s[j] == ' ') && dt_isdigit(s[j + 1]) &&
               dt_isdigit(s[j + 2]) && dt_isdigit(s[j + 3]) &&
               (j + 4 == n || !dt_isdigit(s[j + 4])) && v < 100000) {
            v = v * 1000 + (s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
            j += 4;
        }
    if (j + 1 < n && (s[j] == '.' || s[j] == ',') && dt_isdigit(s[j + 1]))
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
        if (after < n && dt_isdigit(s[after]))
            return 0;  /* "8h30", "8 h 30": a time of day */
    }
    if (strcmp(w, "an") == 0 && value != 1)
        return 0;  /* "2 an" is English ("step 2 an applicant") */
    if (we < n && dt_isdigit(s[we]))
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
    if (dt_isdigit(s[i])) {
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
            if (p < n && dt_isdigit(s[p]) && dt_digit_number(s, n, p, &alt, &q)) {
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
        if (dt_isdigit(s[i])) {
            long v;
            size_t de;
            dt_digits(s, n, i, &v, &de);
            int fresh = !dt_word_before(s, n, i) &&
                        !(i >= 2 && (s[i - 1] == '.' || s[i - 1] == ',') &&
                          dt_isdigit(s[i - 2]));
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

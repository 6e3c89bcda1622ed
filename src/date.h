/* date.h — calendar dates as cpslint reads and compares them, and the
 * durations the `limit` rules compare.
 *
 * A date is days since 1970-01-01 (proleptic Gregorian, UTC); 0 is not a
 * sentinel, DATE_NONE is. Years 1..9999 are representable. Everything here
 * is pure (no global state) and linear in the length of its input.
 */
#ifndef CPSLINT_DATE_H
#define CPSLINT_DATE_H

#include <stddef.h>

#define DATE_NONE (-2147483647L - 1)

typedef long cps_date;

/* DATE_NONE if invalid: year outside 1..9999, month outside 1..12, day
 * outside the month (Feb 29 only in leap years: 2000 yes, 2100 no). */
cps_date date_from_ymd(int y, int m, int d);
/* Any of y, m, d may be NULL. DATE_NONE or a day outside years 1..9999
 * gives 0, 0, 0. */
void date_to_ymd(cps_date t, int *y, int *m, int *d);
/* "YYYY-MM-DD" into out (11 bytes); "" for DATE_NONE. */
void date_format(cps_date t, char out[11]);
/* Strict ISO "YYYY-MM-DD" (whole string). DATE_NONE if invalid or NULL. */
cps_date date_parse_iso(const char *s);
cps_date date_today(void);  /* UTC, from time(NULL); DATE_NONE if no clock */
/* The English word for n of a duration unit as the rules write it ('h'
 * hours, 'd' days, 'w' weeks, 'm' months, 'y' years): "day" for 1,
 * "days" otherwise. A static string. */
const char *date_unit_name(char unit, long n);

/* Find the first date in UTF-8 text s[0..n) (NFC display text or folded
 * matching text) written in any of the forms CPS documents use:
 *   ISO            "2018-11-25" (also "2018/11/25", "2018.11.25")
 *   numeric        "25/11/2018", "25.11.2018", "25-11-2018"
 *   day month year "25 novembre 2018", "1er mars 2019", "25 November 2018",
 *                  "4th of May 2018", "25-Nov-2018", "31-March-2026",
 *                  "25 nov. 2018"
 *   month day year "November 25, 2018", "Nov 25, 2018", "Nov. 25, 2018",
 *                  "Jun 18 , 2025", "May 4th, 2018", "May 4 2018"
 * Month names in English, French, Spanish and Italian, full or
 * abbreviated ("Jan", "Sept", "janv.", "févr.", "juil.", "ene.", "mag."),
 * with or without accents ("août"/"aout"), any case; "9 de mayo de 2019"
 * (Spanish "de"/"del" before the month or the year); spaces may be NBSP or
 * other Unicode spaces.
 *
 * Numeric "A/B/YYYY" (any of / . -): if A > 12, A is the day; else if
 * B > 12, A is the month; otherwise (both <= 12) the order follows the
 * language: month first when lang's primary subtag is "en" ("en", "en-US"),
 * day first for every other language and for NULL. The dotted form
 * "A.B.YYYY" is day first in every language (it is not a US convention).
 *
 * Not dates: numbers inside a longer dotted/dashed run ("2.23.140.1.2.1",
 * "1.3.6.1.4.1.2018.1"), versions ("5.18"), bare years ("2018"), two-digit
 * years, impossible days ("31/02/2019"), years outside 1900..2199. A
 * candidate that is not a valid date does not stop the search.
 *
 * lang may be NULL. Returns DATE_NONE if none; when found and
 * match_start/match_end are not NULL they get the byte span [start, end)
 * of the date in s (day suffixes like "1er" and a month's "." included). */
cps_date date_find(const char *s, size_t n, const char *lang,
                   size_t *match_start, size_t *match_end);

/* The order of a numeric date whose day and month are both <= 12 and
 * differ ("09/05/2019"). */
typedef enum {
    DATE_ORDER_STRICT = 0, /* undecided: such a date is not a date */
    DATE_DMY,              /* day first */
    DATE_MDY               /* month first ("/" and "-" only; "." is day first) */
} date_order;

/* DATE_MDY when lang's primary subtag is "en", else DATE_DMY: what
 * date_find assumes. */
date_order date_order_for_lang(const char *lang);

/* date_find with the numeric order given. With DATE_ORDER_STRICT an
 * ambiguous numeric date is skipped (the search goes on). Spanish and
 * Italian month names are read as well ("9 de mayo de 2019", "9 maggio
 * 2019"). When evidence is not NULL it gets DATE_DMY or DATE_MDY if the
 * date found was numeric and decided its own order (a day > 12), else
 * DATE_ORDER_STRICT: callers reading a column of dates use it to decide
 * the others. */
cps_date date_find_ordered(const char *s, size_t n, date_order order,
                           date_order *evidence, size_t *match_start,
                           size_t *match_end);

/* A duration such as "398 days", "trois (3) ans", "at most 24 hours". */
typedef struct duration {
    double min_days, max_days;  /* the duration in days, as bounds (below) */
    int value;                  /* the number as written; when words are
                                   followed by digits in brackets
                                   ("trois (3) ans") or digits by words
                                   ("3 (three) years") the digits win */
    char unit;                  /* 'h', 'd', 'w', 'm', 'y' */
    int business;               /* 1: business/working days, jours ouvrés
                                   or ouvrables (also business hours) */
    size_t start, end;          /* byte span in s, from the first byte of the
                                   number (word or digit) to the end of the
                                   unit, or of a trailing qualifier ("jours
                                   ouvres", "jours calendaires"); a bound
                                   phrase is outside the span */
    int bound;                  /* 0 exact;
                                   -1 upper bound: "less than", "fewer than",
                                   "at most", "no more than", "up to",
                                   "maximum (of)", "max", "within", "not
                                   (to) exceed(ing)", "no later than",
                                   "limited to", "moins de", "au plus", "au
                                   maximum", "jusqu'a", "pas plus de", "ne
                                   (doit|peut) pas depasser/exceder", "sans
                                   depasser", "inferieur(e) (ou egal(e)) a",
                                   "dans un delai (maximum) de", "sous",
                                   or after the unit "or less", "maximum",
                                   "au plus", "ou moins"...;
                                   +1 lower bound: "at least", "no less
                                   than", "more than", "minimum", "exceeding",
                                   "au moins", "plus de", "pas moins de",
                                   "superieur(e) a", or after the unit "or
                                   more", "minimum", "au moins", "ou plus".
                                   The longest phrase wins ("no more than"
                                   is -1, not the +1 of "more than"). */
} duration;

/* Find the durations in s[0..n), in text order, storing at most max of
 * them in out (caller-owned); returns how many were stored. The search
 * stops when out is full.
 *
 * s is meant to be matching text (text.h: lower case, accents stripped,
 * ' apostrophes); upper case, accents and ’ are tolerated.
 *
 * A duration is a number followed by a unit word:
 *   number  digits (1 to 6, not part of a word, decimal, OID or version:
 *           "2.23.140" and "1.5 years" give nothing), or English or French
 *           number words up to 999999 ("three hundred and ninety-eight",
 *           "trois cent quatre-vingt-dix-huit", "huit cent vingt-cinq",
 *           "vingt et un", "soixante-dix", Belgian/Swiss "septante",
 *           "nonante"), optionally followed by digits in brackets, or
 *           digits followed by words in brackets;
 *   then    spaces or a hyphen ("24-hour"), an optional "calendar",
 *           "business", "working", "consecutive" or "full", and the unit:
 *           hour(s) hr(s) heure(s) h, day(s) jour(s), week(s) semaine(s),
 *           month(s) mois, year(s) yr(s) an(s) annee(s); "an" only for the
 *           value 1 ("2 an applicants" is English); "h" not when a digit
 *           follows ("8h30" is a time). Minutes and seconds are not
 *           reported. A bare number ("2018") is never a duration.
 *
 * Days, per requirements.md §10 (bounds, so that limit rules can raise an
 * error when min_days exceeds a limit and a warning when only max_days
 * does):
 *   'y'  min 365 * v, max 366 * v
 *   'm'  min 28 * v,  max 31 * v
 *   'w'  7 * v
 *   'd'  v; business days: max v + 2 * ceil(v / 5) (weekends, not
 *        public holidays)
 *   'h'  v / 24 (fractional days); business hours: max as for
 *        ceil(v / 8) business days
 */
size_t date_find_durations(const char *s, size_t n, duration *out, size_t max);

#endif

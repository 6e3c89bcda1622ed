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

/* Find the first date in UTF-8 text s[0..n) (NFC display text or folded
 * matching text) written in any of the forms CPS documents use:
 *   ISO            "2018-11-25" (also "2018/11/25", "2018.11.25")
 *   numeric        "25/11/2018", "25.11.2018", "25-11-2018"
 *   day month year "25 novembre 2018", "1er mars 2019", "25 November 2018",
 *                  "4th of May 2018", "25-Nov-2018", "31-March-2026",
 *                  "25 nov. 2018"
 *   month day year "November 25, 2018", "Nov 25, 2018", "Nov. 25, 2018",
 *                  "Jun 18 , 2025", "May 4th, 2018", "May 4 2018"
 * Month names in English and French, full or abbreviated ("Jan", "Sept",
 * "janv.", "févr.", "juil."), with or without accents ("août"/"aout"), any
 * case; spaces may be NBSP or other Unicode spaces.
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

#endif

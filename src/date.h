/* date.h — calendar dates as cpslint reads and compares them.
 *
 * A date is days since 1970-01-01 (proleptic Gregorian, UTC); 0 is not a
 * sentinel, DATE_NONE is.
 */
#ifndef CPSLINT_DATE_H
#define CPSLINT_DATE_H

#include <stddef.h>

#define DATE_NONE (-2147483647L - 1)

typedef long cps_date;

cps_date date_from_ymd(int y, int m, int d);  /* DATE_NONE if invalid */
void date_to_ymd(cps_date t, int *y, int *m, int *d);
/* "YYYY-MM-DD" into out (11 bytes); "" for DATE_NONE. */
void date_format(cps_date t, char out[11]);
/* Strict ISO "YYYY-MM-DD" (whole string). DATE_NONE if invalid. */
cps_date date_parse_iso(const char *s);
cps_date date_today(void);  /* UTC */

/* Find the first date in UTF-8 text s[0..n) written in any of the forms
 * CPS documents use: "2018-11-25", "25/11/2018" and "25.11.2018" (day
 * first unless lang is "en" and the first number is <= 12 and the second
 * > 12... see date.c: en -> month first when ambiguous, else day first),
 * "25 novembre 2018", "1er mars 2019", "November 25, 2018", "Nov 25, 2018",
 * "Jun 18 , 2025", "25 November 2018", "25-Nov-2018", "31-March-2026",
 * "May 4, 2018". Month names in English and French, with or without
 * accents, any case. lang may be NULL. Returns DATE_NONE if none; when
 * found and match_start/match_end are not NULL they get the byte span. */
cps_date date_find(const char *s, size_t n, const char *lang,
                   size_t *match_start, size_t *match_end);

#endif

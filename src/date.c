/* date.c — the civil calendar: days since 1970, ISO dates, today.
 * Dates in prose are in date_find.c, durations in date_duration.c, the
 * UTF-8 scanning helpers they share in date_scan.c. */
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

const char *date_unit_name(char unit, long n)
{
    switch (unit) {
    case 'h': return n == 1 ? "hour" : "hours";
    case 'w': return n == 1 ? "week" : "weeks";
    case 'm': return n == 1 ? "month" : "months";
    case 'y': return n == 1 ? "year" : "years";
    default: return n == 1 ? "day" : "days";
    }
}

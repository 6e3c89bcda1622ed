/* test_date.c — civil dates, date_find, date_find_durations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "buf.h"
#include "date.h"

/* ---- civil dates ---- */

static void test_epoch_and_boundaries(void **state)
{
    (void)state;
    assert_int_equal(date_from_ymd(1970, 1, 1), 0);
    assert_int_equal(date_from_ymd(1969, 12, 31), -1);
    assert_int_equal(date_from_ymd(1970, 1, 2), 1);
    assert_int_equal(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2);
    assert_int_equal(date_from_ymd(2100, 3, 1) - date_from_ymd(2100, 2, 28), 1);
    assert_int_equal(date_from_ymd(2018, 8, 1), 17744);
    assert_int_equal(date_from_ymd(1, 1, 1), -719162);
    assert_int_equal(date_from_ymd(9999, 12, 31), 2932896);
}

static void test_validation(void **state)
{
    (void)state;
    assert_true(date_from_ymd(2000, 2, 29) != DATE_NONE);
    assert_true(date_from_ymd(2024, 2, 29) != DATE_NONE);
    assert_int_equal(date_from_ymd(2100, 2, 29), DATE_NONE);
    assert_int_equal(date_from_ymd(2019, 2, 29), DATE_NONE);
    assert_int_equal(date_from_ymd(1900, 2, 29), DATE_NONE);
    assert_int_equal(date_from_ymd(2018, 4, 31), DATE_NONE);
    assert_int_equal(date_from_ymd(2018, 13, 1), DATE_NONE);
    assert_int_equal(date_from_ymd(2018, 0, 1), DATE_NONE);
    assert_int_equal(date_from_ymd(2018, 1, 0), DATE_NONE);
    assert_int_equal(date_from_ymd(2018, 1, 32), DATE_NONE);
    assert_int_equal(date_from_ymd(0, 1, 1), DATE_NONE);
    assert_int_equal(date_from_ymd(10000, 1, 1), DATE_NONE);
    assert_true(date_from_ymd(2018, 12, 31) != DATE_NONE);
}

static void test_round_trip(void **state)
{
    (void)state;
    int y, m, d;
    date_to_ymd(date_from_ymd(2018, 8, 1), &y, &m, &d);
    assert_int_equal(y, 2018);
    assert_int_equal(m, 8);
    assert_int_equal(d, 1);
    date_to_ymd(0, &y, &m, &d);
    assert_int_equal(y, 1970);
    assert_int_equal(m, 1);
    assert_int_equal(d, 1);
    date_to_ymd(DATE_NONE, &y, &m, &d);
    assert_int_equal(y, 0);
    assert_int_equal(m, 0);
    assert_int_equal(d, 0);
    date_to_ymd(0, NULL, &m, NULL);
    assert_int_equal(m, 1);
    /* every day from 1899 to 2201 */
    cps_date t0 = date_from_ymd(1899, 1, 1), t1 = date_from_ymd(2201, 12, 31);
    int py = 1898, pm = 12, pd = 31;
    for (cps_date t = t0; t <= t1; t++) {
        date_to_ymd(t, &y, &m, &d);
        assert_int_equal(date_from_ymd(y, m, d), t);
        if (d != pd + 1)
            assert_true(d == 1 && (m == pm + 1 || (m == 1 && y == py + 1)));
        py = y, pm = m, pd = d;
    }
}

static void test_format_and_parse(void **state)
{
    (void)state;
    char out[11];
    date_format(date_from_ymd(2018, 8, 1), out);
    assert_string_equal(out, "2018-08-01");
    date_format(0, out);
    assert_string_equal(out, "1970-01-01");
    date_format(date_from_ymd(1, 1, 1), out);
    assert_string_equal(out, "0001-01-01");
    date_format(DATE_NONE, out);
    assert_string_equal(out, "");
    assert_int_equal(date_parse_iso("2018-08-01"), 17744);
    assert_int_equal(date_parse_iso("2000-02-29"), date_from_ymd(2000, 2, 29));
    assert_int_equal(date_parse_iso("2100-02-29"), DATE_NONE);
    assert_int_equal(date_parse_iso("2018-8-01"), DATE_NONE);
    assert_int_equal(date_parse_iso("2018-08-01 "), DATE_NONE);
    assert_int_equal(date_parse_iso("2018/08/01"), DATE_NONE);
    assert_int_equal(date_parse_iso("20a8-08-01"), DATE_NONE);
    assert_int_equal(date_parse_iso(""), DATE_NONE);
    assert_int_equal(date_parse_iso(NULL), DATE_NONE);
}

static void test_today(void **state)
{
    (void)state;
    cps_date t = date_today();
    long expect = (long)(time(NULL) / 86400);
    assert_true(t == expect || t == expect + 1);
    assert_true(t > date_from_ymd(2024, 1, 1));
}

/* ---- date_find ---- */

typedef struct find_case {
    const char *text;
    const char *lang;
    const char *want;   /* ISO, or NULL for none */
    const char *match;  /* the matched text, or NULL to skip the span check */
} find_case;

static const find_case find_cases[] = {
    {"Effective date: 2018-11-25.", NULL, "2018-11-25", "2018-11-25"},
    {"2018/11/25", NULL, "2018-11-25", "2018/11/25"},
    {"version du 25/11/2018", "fr", "2018-11-25", "25/11/2018"},
    {"le 25.11.2018", "fr", "2018-11-25", "25.11.2018"},
    {"dated 11/25/2018", "en", "2018-11-25", "11/25/2018"},
    {"dated 25/11/2018", "en", "2018-11-25", "25/11/2018"},
    /* ambiguous: month first in English, day first otherwise */
    {"dated 03/04/2019", "en", "2019-03-04", "03/04/2019"},
    {"dated 03/04/2019", "en-US", "2019-03-04", NULL},
    {"du 03/04/2019", "fr", "2019-04-03", NULL},
    {"du 03/04/2019", NULL, "2019-04-03", NULL},
    {"vom 03-04-2019", "de", "2019-04-03", NULL},
    {"dated 03-04-2019", "en", "2019-03-04", NULL},
    {"dated 03.04.2019", "en", "2019-04-03", NULL},
    {"25 novembre 2018", NULL, "2018-11-25", "25 novembre 2018"},
    {"Le 1er mars 2019, l'AC", "fr", "2019-03-01", "1er mars 2019"},
    {"1er janvier 2020", NULL, "2020-01-01", "1er janvier 2020"},
    {"25 février 2018", NULL, "2018-02-25", "25 février 2018"},
    {"25 FÉVRIER 2018", NULL, "2018-02-25", NULL},
    {"25 fevrier 2018", NULL, "2018-02-25", NULL},
    {"25 fe\xCC\x81vrier 2018", NULL, "2018-02-25", NULL},  /* NFD */
    {"3 févr. 2018", NULL, "2018-02-03", "3 févr. 2018"},
    {"3 janv. 2018", NULL, "2018-01-03", "3 janv. 2018"},
    {"15 août 2021", NULL, "2021-08-15", "15 août 2021"},
    {"15 aout 2021", NULL, "2021-08-15", NULL},
    {"31 décembre 2022", NULL, "2022-12-31", NULL},
    {"31 decembre 2022", NULL, "2022-12-31", NULL},
    {"7 juil. 2023", NULL, "2023-07-07", NULL},
    {"25\xC2\xA0novembre\xC2\xA0" "2018", NULL, "2018-11-25", NULL},  /* NBSP */
    {"November 25, 2018", NULL, "2018-11-25", "November 25, 2018"},
    {"Nov 25, 2018", NULL, "2018-11-25", "Nov 25, 2018"},
    {"Nov. 25, 2018", NULL, "2018-11-25", "Nov. 25, 2018"},
    {"Jun 18 , 2025", NULL, "2025-06-18", "Jun 18 , 2025"},
    {"May 4th, 2018", NULL, "2018-05-04", "May 4th, 2018"},
    {"May 4, 2018", NULL, "2018-05-04", "May 4, 2018"},
    {"Sept 1, 2020", NULL, "2020-09-01", NULL},
    {"SEPTEMBER 1ST, 2020", NULL, "2020-09-01", NULL},
    {"25 November 2018", NULL, "2018-11-25", "25 November 2018"},
    {"4th of May 2018", NULL, "2018-05-04", "4th of May 2018"},
    {"25-Nov-2018", NULL, "2018-11-25", "25-Nov-2018"},
    {"31-March-2026", NULL, "2026-03-31", "31-March-2026"},
    {"2nd Jan 2019", NULL, "2019-01-02", NULL},
    {"le 1\xE1\xB5\x89\xCA\xB3 mars 2019", NULL, "2019-03-01", NULL},  /* 1ᵉʳ */
    {"Juin 18, 2025", NULL, "2025-06-18", "Juin 18, 2025"},
    {"Revised: Nov 25, 2018.", NULL, "2018-11-25", "Nov 25, 2018"},
    {"2018-11-25T10:00:00Z", NULL, "2018-11-25", "2018-11-25"},
    {"Monday, 3rd December 2018", NULL, "2018-12-03", "3rd December 2018"},
    {"Version 5.18 approved 2018-08-01", NULL, "2018-08-01", "2018-08-01"},
    /* Spanish and Italian */
    {"9 de mayo de 2019", "es", "2019-05-09", "9 de mayo de 2019"},
    {"Fecha: 1º de enero del 2020", "es", "2020-01-01", NULL},
    {"23 de septiembre de 2021", NULL, "2021-09-23", NULL},
    {"9 maggio 2019", "it", "2019-05-09", "9 maggio 2019"},
    {"31 dicembre 2022", NULL, "2022-12-31", NULL},
    {"9 mai 2019", "fr", "2019-05-09", "9 mai 2019"},
    {"9 May 2019", "en", "2019-05-09", "9 May 2019"},
    {"May 9, 2019", "en", "2019-05-09", "May 9, 2019"},
    /* not dates */
    {"de 2019", NULL, NULL, NULL},
    {"9 de la 2019", NULL, NULL, NULL},
    {"OID 2.23.140.1.2.1", NULL, NULL, NULL},
    {"1.3.6.1.4.1.2018.1 and 1.2.2018.7", NULL, NULL, NULL},
    {"version 5.18", NULL, NULL, NULL},
    {"in 2018 the CA", NULL, NULL, NULL},
    {"25/11/18", NULL, NULL, NULL},
    {"31/02/2019", NULL, NULL, NULL},
    {"13/13/2019", NULL, NULL, NULL},
    {"2018-13-01", NULL, NULL, NULL},
    {"the CA may 12 times", NULL, NULL, NULL},
    {"25novembre2018", NULL, NULL, NULL},
    {"x25 novembre 2018", NULL, NULL, NULL},
    {"1/1/1000", NULL, NULL, NULL},
    {"", NULL, NULL, NULL},
    /* an invalid candidate does not stop the search */
    {"31/02/2019 then 01/03/2019", "fr", "2019-03-01", "01/03/2019"},
    {"2.23.140.1.2.1 issued 2019-01-05", NULL, "2019-01-05", "2019-01-05"},
};

static void test_date_find_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof find_cases / sizeof find_cases[0]; i++) {
        const find_case *c = &find_cases[i];
        size_t ms = 999, me = 999;
        cps_date t = date_find(c->text, strlen(c->text), c->lang, &ms, &me);
        char got[11];
        date_format(t, got);
        if (!c->want) {
            if (t != DATE_NONE)
                fail_msg("case %zu \"%s\": found %s", i, c->text, got);
            continue;
        }
        if (strcmp(got, c->want) != 0)
            fail_msg("case %zu \"%s\": got \"%s\", want %s", i, c->text, got, c->want);
        assert_true(ms < me && me <= strlen(c->text));
        if (c->match && (me - ms != strlen(c->match) ||
                         memcmp(c->text + ms, c->match, me - ms) != 0))
            fail_msg("case %zu \"%s\": span \"%.*s\", want \"%s\"", i, c->text,
                     (int)(me - ms), c->text + ms, c->match);
    }
}

static void test_date_find_null_spans(void **state)
{
    (void)state;
    const char *s = "Revised 2019-03-04";
    assert_int_equal(date_find(s, strlen(s), NULL, NULL, NULL),
                     date_from_ymd(2019, 3, 4));
    /* n bounds the search */
    assert_int_equal(date_find(s, 12, NULL, NULL, NULL), DATE_NONE);
    assert_int_equal(date_find(NULL, 0, NULL, NULL, NULL), DATE_NONE);
}

static void test_date_find_linear(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    for (int i = 0; i < 40000; i++)
        buf_puts(&b, "2.23.140.1.2 Nov 3 mai 12/13/ ");
    buf_puts(&b, "le 1er mars 2019");
    clock_t t0 = clock();
    size_t ms, me;
    cps_date t = date_find(b.ptr, b.len, "fr", &ms, &me);
    double ms_el = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
    print_message("# date_find on %zu bytes: %.1f ms\n", b.len, ms_el);
    assert_int_equal(t, date_from_ymd(2019, 3, 1));
    assert_true(ms_el < 2000.0);
    buf_free(&b);
}

/* ---- durations ---- */

typedef struct dur_case {
    const char *text;
    const char *match;  /* expected span text of the first duration */
    int value;
    char unit;
    double min_days, max_days;
    int bound;
    int business;
} dur_case;

static const dur_case dur_cases[] = {
    {"valid for trois (3) ans", "trois (3) ans", 3, 'y', 1095, 1098, 0, 0},
    {"valid for at most 1,095 days", "1,095 days", 1095, 'd', 1095, 1095, -1, 0},
    {"pendant 1 095 jours", "1 095 jours", 1095, 'd', 1095, 1095, 0, 0},
    {"kept 2,555 days", "2,555 days", 2555, 'd', 2555, 2555, 0, 0},
    {"trente-neuf mois", "trente-neuf mois", 39, 'm', 1092, 1209, 0, 0},
    {"une duree de 398 jours", "398 jours", 398, 'd', 398, 398, 0, 0},
    {"up to 825 days", "825 days", 825, 'd', 825, 825, -1, 0},
    {"39 months", "39 months", 39, 'm', 1092, 1209, 0, 0},
    {"three (3) years", "three (3) years", 3, 'y', 1095, 1098, 0, 0},
    {"pendant 1 an", "1 an", 1, 'y', 365, 366, 0, 0},
    {"for one year", "one year", 1, 'y', 365, 366, 0, 0},
    {"pendant une annee", "une annee", 1, 'y', 365, 366, 0, 0},
    {"less than 100 days", "100 days", 100, 'd', 100, 100, -1, 0},
    {"at most 100 days", "100 days", 100, 'd', 100, 100, -1, 0},
    {"max 398 days", "398 days", 398, 'd', 398, 398, -1, 0},
    {"24 hours", "24 hours", 24, 'h', 1, 1, 0, 0},
    {"dans un delai de vingt-quatre (24) heures", "vingt-quatre (24) heures",
     24, 'h', 1, 1, -1, 0},
    {"within 5 business days", "5 business days", 5, 'd', 5, 7, -1, 1},
    {"sous 7 jours ouvres", "7 jours ouvres", 7, 'd', 7, 11, -1, 1},
    {"13 months", "13 months", 13, 'm', 364, 403, 0, 0},
    {"two years", "two years", 2, 'y', 730, 732, 0, 0},
    {"deux ans", "deux ans", 2, 'y', 730, 732, 0, 0},
    {"trois cent quatre-vingt-dix-huit jours", "trois cent quatre-vingt-dix-huit jours",
     398, 'd', 398, 398, 0, 0},
    {"huit cent vingt-cinq jours", "huit cent vingt-cinq jours", 825, 'd', 825, 825, 0, 0},
    {"three hundred ninety-eight days", "three hundred ninety-eight days",
     398, 'd', 398, 398, 0, 0},
    {"three hundred and ninety-eight days", "three hundred and ninety-eight days",
     398, 'd', 398, 398, 0, 0},
    {"trois cent quatre-vingt-dix-huit (398) jours",
     "trois cent quatre-vingt-dix-huit (398) jours", 398, 'd', 398, 398, 0, 0},
    {"thirty (31) days", "thirty (31) days", 31, 'd', 31, 31, 0, 0},
    {"3 (three) years", "3 (three) years", 3, 'y', 1095, 1098, 0, 0},
    {"no more than 398 days", "398 days", 398, 'd', 398, 398, -1, 0},
    {"more than 398 days", "398 days", 398, 'd', 398, 398, 1, 0},
    {"shall not exceed 825 days", "825 days", 825, 'd', 825, 825, -1, 0},
    {"validity exceeding 398 days", "398 days", 398, 'd', 398, 398, 1, 0},
    {"ne doit pas depasser 397 jours", "397 jours", 397, 'd', 397, 397, -1, 0},
    {"jusqu'a 2 ans", "2 ans", 2, 'y', 730, 732, -1, 0},
    {"jusqu’à 2 ans", "2 ans", 2, 'y', 730, 732, -1, 0},
    {"moins de 13 mois", "13 mois", 13, 'm', 364, 403, -1, 0},
    {"au plus 27 mois", "27 mois", 27, 'm', 756, 837, -1, 0},
    {"pas plus de 27 mois", "27 mois", 27, 'm', 756, 837, -1, 0},
    {"plus de 27 mois", "27 mois", 27, 'm', 756, 837, 1, 0},
    {"at least 7 years", "7 years", 7, 'y', 2555, 2562, 1, 0},
    {"au moins sept (7) ans", "sept (7) ans", 7, 'y', 2555, 2562, 1, 0},
    {"398 days or less", "398 days", 398, 'd', 398, 398, -1, 0},
    {"398 jours maximum", "398 jours", 398, 'd', 398, 398, -1, 0},
    {"7 years or more", "7 years", 7, 'y', 2555, 2562, 1, 0},
    {"a 24-hour period", "24-hour", 24, 'h', 1, 1, 0, 0},
    {"sous 48h", "48h", 48, 'h', 2, 2, -1, 0},
    {"12 hours", "12 hours", 12, 'h', 0.5, 0.5, 0, 0},
    {"2 weeks", "2 weeks", 2, 'w', 14, 14, 0, 0},
    {"deux semaines", "deux semaines", 2, 'w', 14, 14, 0, 0},
    {"30 calendar days", "30 calendar days", 30, 'd', 30, 30, 0, 0},
    {"30 jours calendaires", "30 jours calendaires", 30, 'd', 30, 30, 0, 0},
    {"10 working days", "10 working days", 10, 'd', 10, 14, 0, 1},
    {"2 jours ouvrables", "2 jours ouvrables", 2, 'd', 2, 4, 0, 1},
    {"vingt et un jours", "vingt et un jours", 21, 'd', 21, 21, 0, 0},
    {"soixante-dix jours", "soixante-dix jours", 70, 'd', 70, 70, 0, 0},
    {"quatre-vingts jours", "quatre-vingts jours", 80, 'd', 80, 80, 0, 0},
    {"quatre-vingt-onze jours", "quatre-vingt-onze jours", 91, 'd', 91, 91, 0, 0},
    {"soixante et onze jours", "soixante et onze jours", 71, 'd', 71, 71, 0, 0},
    {"treize mois", "treize mois", 13, 'm', 364, 403, 0, 0},
    {"thirteen months", "thirteen months", 13, 'm', 364, 403, 0, 0},
    {"un an", "un an", 1, 'y', 365, 366, 0, 0},
    {"TWO YEARS", "TWO YEARS", 2, 'y', 730, 732, 0, 0},
    {"deux années", "deux années", 2, 'y', 730, 732, 0, 0},
    {"8 business hours", "8 business hours", 8, 'h', 1.0 / 3, 3, 0, 1},
    {"1 day", "1 day", 1, 'd', 1, 1, 0, 0},
    {"one thousand days", "one thousand days", 1000, 'd', 1000, 1000, 0, 0},
    {"one thousand and five days", "one thousand and five days", 1005, 'd',
     1005, 1005, 0, 0},
    {"mille deux cents jours", "mille deux cents jours", 1200, 'd', 1200, 1200, 0, 0},
    {"quatre vingt dix neuf jours", "quatre vingt dix neuf jours", 99, 'd', 99, 99, 0, 0},
    {"fifty-two weeks", "fifty-two weeks", 52, 'w', 364, 364, 0, 0},
    {"must be less than or equal to 398 days", "398 days", 398, 'd', 398, 398, -1, 0},
    {"must not be longer than 398 days", "398 days", 398, 'd', 398, 398, -1, 0},
    {"for a period not exceeding 398 days", "398 days", 398, 'd', 398, 398, -1, 0},
    {"5 heures ouvrées", "5 heures ouvrées", 5, 'h', 5.0 / 24, 3, 0, 1},
    {"one (1) year", "one (1) year", 1, 'y', 365, 366, 0, 0},
    {"Section 6.3.2: 398 days", "398 days", 398, 'd', 398, 398, 0, 0},
    {"deux (2) ans au maximum", "deux (2) ans", 2, 'y', 730, 732, -1, 0},
};

static void test_durations_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dur_cases / sizeof dur_cases[0]; i++) {
        const dur_case *c = &dur_cases[i];
        duration d[4];
        size_t k = date_find_durations(c->text, strlen(c->text), d, 4);
        if (k != 1)
            fail_msg("case %zu \"%s\": %zu durations", i, c->text, k);
        const char *m = strstr(c->text, c->match);
        assert_non_null(m);
        size_t ms = (size_t)(m - c->text);
        if (d[0].start != ms || d[0].end != ms + strlen(c->match))
            fail_msg("case %zu \"%s\": span \"%.*s\", want \"%s\"", i, c->text,
                     (int)(d[0].end - d[0].start), c->text + d[0].start, c->match);
        if (d[0].value != c->value || d[0].unit != c->unit ||
            d[0].bound != c->bound || d[0].business != c->business)
            fail_msg("case %zu \"%s\": value %d unit %c bound %d business %d",
                     i, c->text, d[0].value, d[0].unit, d[0].bound, d[0].business);
        if (d[0].min_days < c->min_days - 1e-9 || d[0].min_days > c->min_days + 1e-9 ||
            d[0].max_days < c->max_days - 1e-9 || d[0].max_days > c->max_days + 1e-9)
            fail_msg("case %zu \"%s\": days %g..%g, want %g..%g", i, c->text,
                     d[0].min_days, d[0].max_days, c->min_days, c->max_days);
    }
}

static const char *const not_durations[] = {
    "OID 2.23.140.1.2.1",
    "in 2018 the CA",
    "section 4.9.1 of RFC 5280",
    "1.5 years",
    "step 2 an applicant must",
    "at 8h30 and 8 h 30",
    "the v2 days",
    "one or two certificates",
    "a year ago",
    "10 minutes",
    "2018-08-01",
    "",
};

static void test_not_durations(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof not_durations / sizeof not_durations[0]; i++) {
        duration d[4];
        const char *s = not_durations[i];
        size_t k = date_find_durations(s, strlen(s), d, 4);
        if (k != 0)
            fail_msg("\"%s\": found \"%.*s\"", s, (int)(d[0].end - d[0].start),
                     s + d[0].start);
    }
    duration d[1];
    assert_int_equal(date_find_durations(NULL, 0, d, 1), 0);
}

static void test_durations_several(void **state)
{
    (void)state;
    const char *s = "subscriber certificates issued after 2020-09-01 have a "
                    "validity of at most 398 days; before, thirty-nine (39) "
                    "months or 825 days. deux ans, 5.5 days, trois jours.";
    duration d[8];
    size_t k = date_find_durations(s, strlen(s), d, 8);
    assert_int_equal(k, 5);
    assert_int_equal(d[0].value, 398);
    assert_int_equal(d[0].bound, -1);
    assert_int_equal(d[1].value, 39);
    assert_int_equal(d[1].unit, 'm');
    assert_int_equal(d[1].bound, 0);
    assert_int_equal(d[2].value, 825);
    assert_int_equal(d[3].value, 2);
    assert_int_equal(d[3].unit, 'y');
    assert_int_equal(d[4].value, 3);
    assert_int_equal(d[4].unit, 'd');
    for (size_t i = 1; i < k; i++)
        assert_true(d[i].start >= d[i - 1].end);
    /* max bounds what is stored */
    assert_int_equal(date_find_durations(s, strlen(s), d, 2), 2);
    assert_int_equal(d[1].value, 39);
    assert_int_equal(date_find_durations(s, strlen(s), d, 0), 0);
}

static void test_durations_linear(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    for (int i = 0; i < 30000; i++)
        buf_puts(&b, "one two three hundred and 2.23.140 quatre vingt ");
    buf_puts(&b, "398 days");
    duration d[2];
    clock_t t0 = clock();
    size_t k = date_find_durations(b.ptr, b.len, d, 2);
    double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
    print_message("# date_find_durations on %zu bytes: %.1f ms\n", b.len, ms);
    assert_int_equal(k, 1);
    assert_int_equal(d[0].value, 398);
    assert_true(ms < 2000.0);
    buf_free(&b);
}

/* Every prefix of every case, copied to an exact-size buffer without NUL
 * (ASan catches reads past n), then pseudo-random bytes. */
static void check_bounds(const char *s, size_t n)
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    if (n)
        memcpy(b, s, n);
    size_t ms = 0, me = 0;
    if (date_find(b, n, "en", &ms, &me) != DATE_NONE)
        assert_true(ms < me && me <= n);
    duration d[8];
    size_t k = date_find_durations(b, n, d, 8);
    for (size_t i = 0; i < k; i++) {
        assert_true(d[i].start < d[i].end && d[i].end <= n);
        assert_true(d[i].min_days <= d[i].max_days);
    }
    free(b);
}

static void test_bounds_and_garbage(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof find_cases / sizeof find_cases[0]; i++)
        for (size_t n = 0; n <= strlen(find_cases[i].text); n++)
            check_bounds(find_cases[i].text, n);
    for (size_t i = 0; i < sizeof dur_cases / sizeof dur_cases[0]; i++)
        for (size_t n = 0; n <= strlen(dur_cases[i].text); n++)
            check_bounds(dur_cases[i].text, n);
    static const char alphabet[] = "0123456789 /.-,()'hdjmsayoutn\xC3\xA9\xC2\xA0\xCC\x81\xE2\x80\x99\xFF";
    uint32_t x = 12345;
    char t[64];
    for (int r = 0; r < 20000; r++) {
        size_t n = (size_t)(r % 64);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            t[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        check_bounds(t, n);
    }
}

/* date_find_ordered: an ambiguous numeric date is read only when the
 * order is decided; a day > 12 decides it and says so. */
static void test_date_find_ordered(void **state)
{
    (void)state;
    char b[11];
    date_order ev;
    const char *amb = "09/05/2019";
    assert_int_equal(date_find_ordered(amb, strlen(amb), DATE_ORDER_STRICT, &ev, NULL, NULL),
                     DATE_NONE);
    date_format(date_find_ordered(amb, strlen(amb), DATE_DMY, &ev, NULL, NULL), b);
    assert_string_equal(b, "2019-05-09");
    assert_int_equal(ev, DATE_ORDER_STRICT); /* it did not decide */
    date_format(date_find_ordered(amb, strlen(amb), DATE_MDY, NULL, NULL, NULL), b);
    assert_string_equal(b, "2019-09-05");
    const char *dmy = "25/05/2019";
    date_format(date_find_ordered(dmy, strlen(dmy), DATE_ORDER_STRICT, &ev, NULL, NULL), b);
    assert_string_equal(b, "2019-05-25");
    assert_int_equal(ev, DATE_DMY);
    const char *mdy = "05/25/2019";
    date_format(date_find_ordered(mdy, strlen(mdy), DATE_ORDER_STRICT, &ev, NULL, NULL), b);
    assert_string_equal(b, "2019-05-25");
    assert_int_equal(ev, DATE_MDY);
    /* equal day and month, and the dotted form, are never ambiguous */
    const char *same = "05/05/2019", *dot = "09.05.2019";
    date_format(date_find_ordered(same, strlen(same), DATE_ORDER_STRICT, NULL, NULL, NULL), b);
    assert_string_equal(b, "2019-05-05");
    date_format(date_find_ordered(dot, strlen(dot), DATE_ORDER_STRICT, NULL, NULL, NULL), b);
    assert_string_equal(b, "2019-05-09");
    /* the search goes on past an undecided one */
    const char *two = "09/05/2019 or 9 May 2019";
    date_format(date_find_ordered(two, strlen(two), DATE_ORDER_STRICT, NULL, NULL, NULL), b);
    assert_string_equal(b, "2019-05-09");
    assert_int_equal(date_order_for_lang("en"), DATE_MDY);
    assert_int_equal(date_order_for_lang("es"), DATE_DMY);
    assert_int_equal(date_order_for_lang(NULL), DATE_DMY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch_and_boundaries),
        cmocka_unit_test(test_validation),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_format_and_parse),
        cmocka_unit_test(test_today),
        cmocka_unit_test(test_date_find_table),
        cmocka_unit_test(test_date_find_null_spans),
        cmocka_unit_test(test_date_find_linear),
        cmocka_unit_test(test_date_find_ordered),
        cmocka_unit_test(test_durations_table),
        cmocka_unit_test(test_not_durations),
        cmocka_unit_test(test_durations_several),
        cmocka_unit_test(test_durations_linear),
        cmocka_unit_test(test_bounds_and_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

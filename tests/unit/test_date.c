/* test_date.c — civil dates, date_find. */
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
    {"Monday, 3rd December 2018", NULL, "2018-12-03", "3rd December 2018"},
    {"Version 5.18 approved 2018-08-01", NULL, "2018-08-01", "2018-08-01"},
    /* not dates */
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

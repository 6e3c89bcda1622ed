/* stance.c's structure helpers: sub-clauses and stop dates (the
 * classification itself runs through the rule examples). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stance.h"

static void seg(const char *s, const char *at, const char *want)
{
    size_t pos = (size_t)(strstr(s, at) - s), ss, se;
    stance_segment(s, 0, strlen(s), pos, &ss, &se);
    if (strlen(want) != se - ss || memcmp(s + ss, want, se - ss))
        fail_msg("segment of '%s' in '%s': '%.*s', want '%s'", at, s, (int)(se - ss), s + ss,
                 want);
}

static void test_segment(void **state)
{
    (void)state;
    const char *a = "the ca does not use 3.2.2.4.1, and uses 3.2.2.4.2.";
    seg(a, "3.2.2.4.1", "the ca does not use 3.2.2.4.1,");
    seg(a, "3.2.2.4.2", "uses 3.2.2.4.2.");
    const char *b = "l'ac n'utilise pas 3.2.2.4.13 et utilise 3.2.2.4.20";
    seg(b, "3.2.2.4.13", "l'ac n'utilise pas 3.2.2.4.13");
    seg(b, "3.2.2.4.20", "utilise 3.2.2.4.20");
    const char *c = "methods used: 3.2.2.4.7; 3.2.2.4.19";
    seg(c, "3.2.2.4.19", " 3.2.2.4.19");
    seg("no separator here 3.2.2.4.7", "3.2.2", "no separator here 3.2.2.4.7");
}

static void stop(const char *s, stance_stop want, const char *date)
{
    cps_date d = DATE_NONE;
    stance_stop got = stance_stop_date(s, strlen(s), &d);
    assert_int_equal(got, want);
    if (date)
        assert_int_equal(d, date_parse_iso(date));
}

static void test_stop_date(void **state)
{
    (void)state;
    stop("effective march 15th 2026, the ca will not use this method.", STOP_FROM, "2026-03-15");
    stop("until 31 july 2019, the ca also accepted it.", STOP_UNTIL, "2019-07-31");
    stop("the ca used it before 2019-03-16 only", STOP_UNTIL, "2019-03-16");
    stop("a compter du 1er mars 2027, l'ac n'utilise plus cette methode", STOP_FROM, "2027-03-01");
    stop("jusqu'au 14 mars 2026, cette methode est utilisee", STOP_UNTIL, "2026-03-14");
    stop("version 2.0 of 2026-03-02 describes it", STOP_NONE, NULL);
    stop("no date at all", STOP_NONE, NULL);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(stance_kind_name(STANCE_OFFERED), "offered");
    assert_string_equal(stance_kind_name(STANCE_MENTIONED), "mentioned");
    assert_string_equal(stance_kind_name(STANCE_DISCLAIMED), "disclaimed");
    assert_string_equal(stance_kind_name(STANCE_UNCLEAR), "unclear");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_segment),
        cmocka_unit_test(test_stop_date),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

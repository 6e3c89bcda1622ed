/* Unit tests: the matcher's windows and its work budget (match.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "match.h"

static int find(matcher *m, const char *pat, const char *s, size_t from, size_t *ms, size_t *me)
{
    rule_pattern p;
    cps_err e;
    assert_int_equal(match_compile(&p, pat, &e), 0);
    int rc = match_find(m, &p, s, strlen(s), from, ms, me);
    match_pattern_free(&p);
    return rc;
}

/* Windows of start positions give what one search gives: a match far
 * beyond the first window, a lookbehind reaching into an earlier window,
 * multibyte characters across a window edge, an empty match at the end. */
static void test_windows_same_result(void **state)
{
    (void)state;
    matcher m;
    cps_err e;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    matcher_budget_start(&m, 0);
    buf b = BUF_INIT;
    for (int i = 0; i < 1000; i++)
        buf_puts(&b, "\xc3\xa9x");            /* 3 bytes: windows end mid-character */
    buf_puts(&b, " target here");
    size_t ms, me;
    assert_int_equal(find(&m, "target", buf_cstr(&b), 0, &ms, &me), MATCH_FOUND);
    assert_int_equal(ms, 3001);
    assert_int_equal(find(&m, "(?<=\xc3\xa9x )target", buf_cstr(&b), 0, &ms, &me), MATCH_FOUND);
    assert_int_equal(find(&m, "\xc3\xa9x\xc3\xa9x t", buf_cstr(&b), 100, &ms, &me), MATCH_FOUND);
    assert_int_equal(ms, 2994);
    assert_int_equal(find(&m, "nothing", buf_cstr(&b), 0, &ms, &me), MATCH_NONE);
    assert_int_equal(find(&m, "$", buf_cstr(&b), 0, &ms, &me), MATCH_FOUND);
    assert_int_equal(ms, b.len);
    buf_free(&b);
    matcher_free(&m);
}

/* A pattern under PCRE2's per-position limit everywhere but slow over a
 * long block: the budget ends it with MATCH_E_BUDGET, and says so; the
 * next budget starts afresh. */
static void test_budget(void **state)
{
    (void)state;
    matcher m;
    cps_err e;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    char *s = malloc(8001);
    memset(s, 'a', 8000);
    s[8000] = '\0';
    size_t ms, me;
    matcher_budget_start(&m, 50);
    assert_int_equal(find(&m, "(\\w+)\\1(?:;|!!)", s, 0, &ms, &me), MATCH_E_BUDGET);
    char msg[200];
    match_error_message(&m, msg, sizeof msg);
    assert_non_null(strstr(msg, "work budget exceeded"));
    assert_int_equal(find(&m, "a", s, 0, &ms, &me), MATCH_E_BUDGET);
    matcher_budget_start(&m, 50);
    assert_int_equal(find(&m, "a", s, 0, &ms, &me), MATCH_FOUND);
    free(s);
    matcher_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_same_result),
        cmocka_unit_test(test_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

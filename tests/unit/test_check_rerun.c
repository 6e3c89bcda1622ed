/* check_statuses_at must give, for every item, the status a full check_run
 * as of the new date gives (check.h): it keeps a status only where neither
 * the rule's dates nor a date of the document compared with the as-of date
 * can change it. Every shipped rule, with no profile (every rule applies),
 * on the corpus (../shared/corpus or $CPSLINT_CORPUS; skipped loudly when
 * absent) and on the samples (the history series has stop dates, schedule
 * tables and late fixes; tests/data/rerun has a stop date and a validity
 * window of its own), between every pair of a set of dates on both
 * sides of the rules' effective dates, forwards and backwards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"
#include "shipped_fixture.h"

/* Around the rules' dates, and pairs with no rule date between them where
 * a date of a document decides: tests/data/rerun (2024-05-10) and the
 * Lumen sample's stop date for 3.2.2.4.16 (2026-12-01). */
static const char *const dates[] = {"2016-01-01", "2018-07-31", "2018-08-01", "2019-06-01",
                                    "2020-09-01", "2023-03-15", "2024-05-01", "2024-06-01",
                                    "2025-03-15", "2026-03-14", "2026-03-15", "2026-11-30",
                                    "2026-12-02", "2027-03-15", "2029-06-01"};
#define NDATES (sizeof dates / sizeof *dates)

/* Every pair (i, j) of dates: statuses_at from the run as of i to j equals
 * the run as of j. Returns how many items were compared. */
static void same_statuses(analysis *a, const char *what)
{
    check_result res[NDATES];
    cps_err e;
    for (size_t i = 0; i < NDATES; i++) {
        check_input in = {a, NULL, date_parse_iso(dates[i]), &spec, NULL};
        assert_int_equal(check_run(&rs, &in, &mt, &res[i], &e), 0);
    }
    size_t compared = 0;
    check_status *st = calloc(res[0].nitems ? res[0].nitems : 1, sizeof *st);
    assert_non_null(st);
    for (size_t i = 0; i < NDATES; i++)
        for (size_t j = 0; j < NDATES; j++) {
            if (i == j)
                continue;
            check_input in = {a, NULL, date_parse_iso(dates[j]), &spec, NULL};
            check_statuses_at(&rs, &in, &mt, &res[i], st);
            assert_int_equal(res[i].nitems, res[j].nitems);
            for (size_t k = 0; k < res[j].nitems; k++) {
                if (st[k] != res[j].items[k].status)
                    fail_msg("%s: %s from %s to %s: %s, a full run says %s", what,
                             res[j].items[k].rule->id, dates[i], dates[j],
                             check_status_name(st[k]),
                             check_status_name(res[j].items[k].status));
                compared++;
            }
        }
    free(st);
    for (size_t i = 0; i < NDATES; i++)
        check_result_free(&res[i]);
    assert_true(compared > 0);
}

static size_t run_dir(const char *dir, const char *ext)
{
    return fixture_each_doc(dir, ext, same_statuses);
}

static void test_corpus(void **state)
{
    (void)state;
    char dir[4200];
    fixture_corpus_dir(dir, sizeof dir);
    if (!run_dir(dir, ".html"))
        skip(); /* counted and named as a skip by tests/run.sh */
}

static void test_samples(void **state)
{
    (void)state;
    static const char *const sub[] = {"samples", "samples/methods", "samples/limits",
                                      "samples/history", "tests/data/rerun"};
    for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
        char dir[4200];
        snprintf(dir, sizeof dir, "%s/%s", root, sub[i]);
        assert_true(run_dir(dir, ".html") + run_dir(dir, ".md") >= 1);
    }
}

/* The dated flag is what keeps the answer right where the document's own
 * dates decide: a method the CA stops using from a date is offered before
 * it and not after, with no rule date between. */
static void test_document_dates(void **state)
{
    (void)state;
    char path[4200];
    snprintf(path, sizeof path, "%s/samples/methods/en-cps-lumen-trust-v2.1.html", root);
    analysis a;
    cps_err e;
    if (analysis_run(path, &spec, NULL, &a, &e))
        fail_msg("%s", e.msg);
    size_t dated = 0;
    check_input in = {&a, NULL, date_parse_iso("2025-06-01"), &spec, NULL};
    check_result r;
    assert_int_equal(check_run(&rs, &in, &mt, &r, &e), 0);
    for (size_t k = 0; k < r.nitems; k++)
        dated += r.items[k].dated != 0;
    check_result_free(&r);
    analysis_free(&a);
    assert_true(dated > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_document_dates),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

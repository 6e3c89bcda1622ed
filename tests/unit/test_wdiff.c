/* test_wdiff.c — word diff: tokens on the matching text, Myers' algorithm,
 * the work budget, display helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "wdiff.h"

typedef struct pair {
    wdiff_text a, b;
    wdiff_result r;
} pair;

static void run_pair(pair *p, const char *a, const char *b, unsigned long long budget)
{
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(wdiff_text_init(&p->a, a, strlen(a), &e), 0);
    assert_int_equal(wdiff_text_init(&p->b, b, strlen(b), &e), 0);
    wdiff_opts o = {budget};
    wdiff_run(&p->a, &p->b, &o, &p->r);
}

static void free_pair(pair *p)
{
    wdiff_result_free(&p->r);
    wdiff_text_free(&p->a);
    wdiff_text_free(&p->b);
}

/* The ops cover both texts in order, EQ runs are equal word for word,
 * adjacent ops differ; returns the number of edited words. */
static size_t check_script(const pair *p)
{
    size_t i = 0, j = 0, edits = 0;
    for (size_t k = 0; k < p->r.n; k++) {
        const wdiff_op *o = &p->r.ops[k];
        assert_int_equal(o->a0, i);
        assert_int_equal(o->b0, j);
        if (k)
            assert_true(o->op != p->r.ops[k - 1].op);
        switch (o->op) {
        case WDIFF_EQ:
            assert_int_equal(o->a1 - o->a0, o->b1 - o->b0);
            for (size_t x = 0; x < o->a1 - o->a0; x++) {
                const wdiff_word *u = &p->a.w[o->a0 + x], *v = &p->b.w[o->b0 + x];
                assert_int_equal(u->flen, v->flen);
                assert_memory_equal(p->a.folded.s + u->fstart, p->b.folded.s + v->fstart,
                                    u->flen);
            }
            break;
        case WDIFF_DEL:
            assert_int_equal(o->b1, o->b0);
            assert_true(o->a1 > o->a0);
            edits += o->a1 - o->a0;
            break;
        case WDIFF_INS:
            assert_int_equal(o->a1, o->a0);
            assert_true(o->b1 > o->b0);
            edits += o->b1 - o->b0;
            break;
        default:
            fail_msg("bad op %d", o->op);
        }
        i = o->a1;
        j = o->b1;
    }
    assert_int_equal(i, p->a.n);
    assert_int_equal(j, p->b.n);
    assert_int_equal(edits, p->r.deleted + p->r.inserted);
    return edits;
}

static char *op_text(const pair *p, size_t k)
{
    const wdiff_op *o = &p->r.ops[k];
    return o->op == WDIFF_INS ? wdiff_words_text(&p->b, o->b0, o->b1)
                              : wdiff_words_text(&p->a, o->a0, o->a1);
}

static void expect_op(const pair *p, size_t k, wdiff_opkind op, const char *text)
{
    assert_true(k < p->r.n);
    assert_int_equal(p->r.ops[k].op, op);
    char *t = op_text(p, k);
    assert_string_equal(t, text);
    free(t);
}

static void test_identical(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "The CA publishes its CPS.", "The  CA publishes\nits CPS.", 0);
    assert_true(wdiff_text_equal(&p.a, &p.b));
    assert_int_equal(p.r.n, 1);
    expect_op(&p, 0, WDIFF_EQ, "The CA publishes its CPS.");
    assert_int_equal(check_script(&p), 0);
    assert_false(p.r.gave_up);
    free_pair(&p);
}

static void test_empty(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "", "   ", 0);
    assert_int_equal(p.a.n, 0);
    assert_int_equal(p.r.n, 0);
    assert_true(wdiff_text_equal(&p.a, &p.b));
    free_pair(&p);
    run_pair(&p, "", "one two", 0);
    assert_int_equal(p.r.n, 1);
    expect_op(&p, 0, WDIFF_INS, "one two");
    free_pair(&p);
}

static void test_insert(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "Certificates are valid for 398 days.",
             "Certificates are valid for at most 398 days.", 0);
    assert_int_equal(p.r.n, 3);
    expect_op(&p, 0, WDIFF_EQ, "Certificates are valid for");
    expect_op(&p, 1, WDIFF_INS, "at most");
    expect_op(&p, 2, WDIFF_EQ, "398 days.");
    assert_int_equal(p.r.inserted, 2);
    assert_int_equal(p.r.deleted, 0);
    check_script(&p);
    free_pair(&p);
}

static void test_delete(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "Methods 3.2.2.4.5, 3.2.2.4.6 and 3.2.2.4.7 are used.",
             "Methods 3.2.2.4.5, and 3.2.2.4.7 are used.", 0);
    assert_int_equal(p.r.n, 3);
    expect_op(&p, 1, WDIFF_DEL, "3.2.2.4.6");
    assert_int_equal(p.r.deleted, 1);
    check_script(&p);
    free_pair(&p);
}

static void test_replace(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "Subscriber certificates are valid for 825 days at most.",
             "Subscriber certificates are valid for 398 days at most.", 0);
    assert_int_equal(p.r.n, 4);
    expect_op(&p, 0, WDIFF_EQ, "Subscriber certificates are valid for");
    expect_op(&p, 1, WDIFF_DEL, "825");
    expect_op(&p, 2, WDIFF_INS, "398");
    expect_op(&p, 3, WDIFF_EQ, "days at most.");
    free_pair(&p);
}

static void test_typography_only(void **state)
{
    (void)state;
    pair p;
    /* curly vs straight apostrophe and quotes, NBSP and narrow NBSP, en dash
     * vs hyphen, case, accents, soft hyphen, re-wrapping */
    run_pair(&p,
             "The CA\u2019s \u201cPolicy\u201d applies\u00a0to 4.9.1\u20134.9.3 ; "
             "r\u00e9vo\u00adcation is\nfinal.",
             "The CA's \"policy\" applies to 4.9.1-4.9.3\u202f; revocation is final.", 0);
    assert_true(wdiff_text_equal(&p.a, &p.b));
    assert_int_equal(p.r.n, 1);
    assert_int_equal(p.r.ops[0].op, WDIFF_EQ);
    assert_int_equal(p.r.deleted + p.r.inserted, 0);
    /* the words shown are the author's: the old text keeps its apostrophe */
    char *t = wdiff_words_text(&p.a, 0, 2);
    assert_string_equal(t, "The CA\u2019s");
    free(t);
    free_pair(&p);
}

static void test_display_of_change(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "Report problems to the\u00a0CA\u2019s\u00a0office.",
             "Report problems to cert-prob@example.test.", 0);
    check_script(&p);
    assert_int_equal(p.r.n, 3);
    expect_op(&p, 1, WDIFF_DEL, "the CA\u2019s office.");
    expect_op(&p, 2, WDIFF_INS, "cert-prob@example.test.");
    free_pair(&p);
}

/* Length of the longest common subsequence by dynamic programming. */
static size_t lcs_dp(const wdiff_text *a, const wdiff_text *b)
{
    size_t *row = calloc(b->n + 1, sizeof *row), *prev = calloc(b->n + 1, sizeof *prev);
    for (size_t i = 1; i <= a->n; i++) {
        for (size_t j = 1; j <= b->n; j++) {
            if (a->w[i - 1].hash == b->w[j - 1].hash)
                row[j] = prev[j - 1] + 1;
            else
                row[j] = row[j - 1] > prev[j] ? row[j - 1] : prev[j];
        }
        size_t *t = prev;
        prev = row;
        row = t;
    }
    size_t r = prev[b->n];
    free(row);
    free(prev);
    return r;
}

static void random_text(buf *b, unsigned *seed, size_t n, int alphabet)
{
    static const char *const words[] = {"ca", "cps", "shall", "not", "the", "rsa", "days"};
    buf_truncate(b, 0);
    for (size_t i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        if (i)
            buf_putc(b, ' ');
        buf_puts(b, words[(*seed >> 16) % (unsigned)alphabet]);
    }
}

static void test_random_optimal(void **state)
{
    (void)state;
    unsigned seed = 42;
    buf x = BUF_INIT, y = BUF_INIT;
    for (int round = 0; round < 400; round++) {
        size_t n = (seed >> 8) % 40, m = (seed >> 3) % 40;
        int alphabet = 2 + round % 6;
        random_text(&x, &seed, n, alphabet);
        random_text(&y, &seed, m, alphabet);
        pair p;
        run_pair(&p, buf_cstr(&x), buf_cstr(&y), 0);
        size_t edits = check_script(&p);
        size_t lcs = lcs_dp(&p.a, &p.b);
        assert_int_equal(edits, p.a.n + p.b.n - 2 * lcs);
        free_pair(&p);
    }
    buf_free(&x);
    buf_free(&y);
}

static void test_budget_gives_coarse_but_correct_script(void **state)
{
    (void)state;
    unsigned seed = 7;
    buf x = BUF_INIT, y = BUF_INIT;
    random_text(&x, &seed, 300, 3);
    random_text(&y, &seed, 300, 3);
    pair p;
    run_pair(&p, buf_cstr(&x), buf_cstr(&y), 50);
    assert_true(p.r.gave_up);
    check_script(&p);
    free_pair(&p);
    buf_free(&x);
    buf_free(&y);
}

/* Two 5 MB texts with no word in common: bounded work, one replacement. */
static void test_pathological_5mb(void **state)
{
    (void)state;
    buf x = BUF_INIT, y = BUF_INIT;
    for (unsigned i = 0; x.len < 5u * 1024 * 1024; i++)
        buf_printf(&x, "alpha%u ", i);
    for (unsigned i = 0; y.len < 5u * 1024 * 1024; i++)
        buf_printf(&y, "beta%u ", i);
    pair p;
    run_pair(&p, buf_cstr(&x), buf_cstr(&y), 0);
    assert_true(p.a.n > 400000 && p.b.n > 400000);
    assert_int_equal(p.r.n, 2);
    assert_int_equal(p.r.ops[0].op, WDIFF_DEL);
    assert_int_equal(p.r.ops[0].a0, 0);
    assert_int_equal(p.r.ops[0].a1, p.a.n);
    assert_int_equal(p.r.ops[1].op, WDIFF_INS);
    assert_int_equal(p.r.ops[1].b1, p.b.n);
    assert_int_equal(p.r.deleted, p.a.n);
    assert_int_equal(p.r.inserted, p.b.n);
    assert_true(wdiff_similarity(&p.a, &p.b) == 0.0);
    free_pair(&p);
    buf_free(&x);
    buf_free(&y);
}

/* 5 MB with a few scattered edits: exact, not a coarse replacement. */
static void test_large_few_edits(void **state)
{
    (void)state;
    buf x = BUF_INIT, y = BUF_INIT;
    for (unsigned i = 0; x.len < 5u * 1024 * 1024; i++) {
        buf_printf(&x, "w%u ", i);
        if (i % 100000 == 50000)
            buf_printf(&y, "new%u ", i);
        else
            buf_printf(&y, "w%u ", i);
    }
    pair p;
    run_pair(&p, buf_cstr(&x), buf_cstr(&y), 0);
    assert_false(p.r.gave_up);
    size_t edits = check_script(&p);
    size_t changed = (p.a.n + 49999) / 100000; /* i = 50000, 150000, ... */
    assert_int_equal(edits, 2 * changed);
    free_pair(&p);
    buf_free(&x);
    buf_free(&y);
}

static void test_similarity(void **state)
{
    (void)state;
    pair p;
    run_pair(&p, "a b c d", "a b c e", 0);
    assert_true(wdiff_similarity(&p.a, &p.b) > 0.59 && wdiff_similarity(&p.a, &p.b) < 0.61);
    free_pair(&p);
    run_pair(&p, "Key Pair Generation", "KEY   pair generation", 0);
    assert_true(wdiff_similarity(&p.a, &p.b) == 1.0);
    free_pair(&p);
}

static void test_sentence_ends(void **state)
{
    (void)state;
    wdiff_text t;
    cps_err e;
    const char *s = "One two. Three (four.) five\nsix \u201cseven.\u201d eight";
    assert_int_equal(wdiff_text_init(&t, s, strlen(s), &e), 0);
    assert_int_equal(t.n, 8);
    int want[] = {0, 1, 0, 1, 1, 0, 1, 1};
    for (size_t i = 0; i < t.n; i++)
        assert_int_equal(wdiff_word_ends_sentence(&t, i), want[i]);
    wdiff_text_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_insert),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_replace),
        cmocka_unit_test(test_typography_only),
        cmocka_unit_test(test_display_of_change),
        cmocka_unit_test(test_random_optimal),
        cmocka_unit_test(test_budget_gives_coarse_but_correct_script),
        cmocka_unit_test(test_pathological_5mb),
        cmocka_unit_test(test_large_few_edits),
        cmocka_unit_test(test_similarity),
        cmocka_unit_test(test_sentence_ends),
    };
    return cmocka_run_group_tests_name("wdiff", tests, NULL, NULL);
}

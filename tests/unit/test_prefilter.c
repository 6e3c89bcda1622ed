/* test_prefilter.c — necessary literals of patterns, and that a block the
 * prefilter rules out never matches (against PCRE2 itself). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "match.h"
#include "prefilter.h"
#include "text.h"

/* The literals of src joined with '|' in extraction order, or "*" for none. */
static char *lits_of(const char *src)
{
    char **v = NULL;
    size_t n = prefilter_literals(src, &v);
    buf b = BUF_INIT;
    if (!n)
        buf_puts(&b, "*");
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? "|" : "", v[i]);
    prefilter_literals_free(v, n);
    return buf_detach(&b);
}

#define LITS(src, want)                                                        \
    do {                                                                       \
        char *got_ = lits_of(src);                                             \
        assert_string_equal(got_, want);                                       \
        free(got_);                                                            \
    } while (0)

static void test_literals(void **state)
{
    (void)state;
    LITS("\\b(?:ccadb|common\\s+ca\\s+database)\\b", "ccadb|database");
    LITS("Foo", "foo");
    LITS("colou?r", "colo");
    LITS("ab+c", "ab");  /* "ab" and "bc": equally long, the first kept */
    LITS("(?<![\\d.])3\\.2\\.2\\.4\\s*(?:\\.|\\()1", "3.2.2.4");
    LITS("(?:^|[/_.=-])en(?:[/_.=-]|$)", "en");
    LITS("x(?:abc)?y", "x");
    LITS("(?:abcd){0,2}xy", "xy");
    LITS("(?=abcdef)x", "x");
    LITS("a|b.c|dd", "a|b|dd");
    LITS("\\d+", "*");              /* no literal */
    LITS("abc|\\d", "*");           /* a branch without one */
    LITS("(?i)abc", "*");           /* inline options: given up */
    LITS("\\Qabc\\E", "*");
    LITS("(abc)\\1", "*");          /* back reference: given up */
    LITS("a{,3}bc", "*");           /* '{' that is not a quantifier */
    LITS("x{2}yz", "xyz");          /* the last x repeated runs on */
    LITS("[abc]def[^]x]", "def");
    LITS("caf\xC3\xA9s", "caf");    /* non-ASCII ends the run */
    LITS("(?<name>abc)d", "abc");
}

static const char *const patterns[] = {
    "\\b(?:ccadb|common\\s+ca\\s+database)\\b",
    "\\bn'(?:est|utilise)\\s+(?:\\S+\\s+){0,3}(?:plus|pas)\\b",
    "colou?r",
    "ab+c",
    "(?<=x)yz",
    "\\bkelvin\\b",
    "stipulation",
    "\\d+ days?",
};

static const char *const texts[] = {
    "The CA adheres to the Common CA Database policy.",
    "Cette methode n'est desormais plus utilisee.",
    "The color and the colour.",
    "abbbbc",
    "xyz and yz",
    ("KELVIN and \xE2\x84\xAA" "elvin"), /* U+212A folds to k */
    "No Stipulation.",
    "within 5 days",
    "nothing here at all",
};

static void test_sound_against_pcre2(void **state)
{
    (void)state;
    size_t np = sizeof patterns / sizeof patterns[0];
    size_t nt = sizeof texts / sizeof texts[0];
    char **lits[sizeof patterns / sizeof patterns[0]];
    size_t nl[sizeof patterns / sizeof patterns[0]];
    for (size_t i = 0; i < np; i++) {
        lits[i] = NULL;
        nl[i] = prefilter_literals(patterns[i], &lits[i]);
    }
    prefilter *pf = prefilter_build((char *const *const *)lits, nl, np);
    assert_int_equal(prefilter_npatterns(pf), np);
    text_map tm[sizeof texts / sizeof texts[0]];
    const char *ts[sizeof texts / sizeof texts[0]];
    size_t ls[sizeof texts / sizeof texts[0]];
    for (size_t k = 0; k < nt; k++) {
        assert_int_equal(text_fold(texts[k], strlen(texts[k]), &tm[k], NULL), 0);
        ts[k] = tm[k].s;
        ls[k] = tm[k].len;
    }
    pf_hits h;
    prefilter_scan(pf, ts, ls, nt, &h);
    matcher m;
    cps_err e;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    size_t ruled_out = 0;
    for (size_t i = 0; i < np; i++) {
        rule_pattern p;
        assert_int_equal(match_compile(&p, patterns[i], &e), 0);
        for (size_t k = 0; k < nt; k++) {
            size_t ms, me;
            int rc = match_find(&m, &p, ts[k], ls[k], 0, &ms, &me);
            if (!pf_may(&h, i, k)) {
                ruled_out++;
                assert_int_equal(rc, MATCH_NONE);
            }
        }
        match_pattern_free(&p);
    }
    assert_true(ruled_out > np * nt / 2); /* and it does rule out */
    /* outside the scan: always a candidate */
    assert_true(pf_may(&h, np, 0));
    assert_true(pf_may(&h, 0, nt));
    assert_true(pf_may(NULL, 0, 0));
    matcher_free(&m);
    pf_hits_free(&h);
    for (size_t k = 0; k < nt; k++)
        text_map_free(&tm[k]);
    prefilter_free(pf);
    for (size_t i = 0; i < np; i++)
        prefilter_literals_free(lits[i], nl[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_sound_against_pcre2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

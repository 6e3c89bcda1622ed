/* The prefilter must never change a result (prefilter.h): every shipped
 * rule, run with and without it, on the corpus (../shared/corpus, or
 * $CPSLINT_CORPUS; skipped loudly when absent), on the samples, and on
 * fuzzed documents built from the rules' own literals with the variants
 * folding must see through (case, accents, Kelvin sign, long s, ligatures,
 * odd spaces, soft hyphens, dashes), must give the same checklist and the
 * same findings. Run by make test (tests/run.sh runs every test_*). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "check.h"
#include "shipped_fixture.h"

static const char *nz(const char *s)
{
    return s ? s : "";
}

/* Same checklist, same findings, with and without the prefilter. */
static void same_results(analysis *a, const char *what, const char *as_of)
{
    ruleset plain = rs; /* shallow: the same rules, no prefilter */
    plain.pf.pf = NULL;
    check_input in = {a, NULL, date_parse_iso(as_of), &spec, NULL};
    check_result with, without;
    cps_err e;
    assert_int_equal(check_run(&rs, &in, &mt, &with, &e), 0);
    assert_int_equal(check_run(&plain, &in, &mt, &without, &e), 0);
    assert_int_equal(with.nitems, without.nitems);
    for (size_t i = 0; i < with.nitems; i++) {
        const check_item *x = &with.items[i], *y = &without.items[i];
        if (x->status != y->status || x->nfindings != y->nfindings ||
            strcmp(nz(x->note), nz(y->note)))
            fail_msg("%s as of %s: %s: %s with the prefilter, %s without", what, as_of,
                     x->rule->id, check_status_name(x->status), check_status_name(y->status));
    }
    assert_int_equal(with.nf, without.nf);
    for (size_t k = 0; k < with.nf; k++) {
        const finding *x = &with.f[k], *y = &without.f[k];
        if (x->rule != y->rule || strcmp(x->section, y->section) || x->line != y->line ||
            strcmp(nz(x->match), nz(y->match)) || strcmp(nz(x->message), nz(y->message)) ||
            strcmp(nz(x->snippet), nz(y->snippet)))
            fail_msg("%s as of %s: finding %zu of %s differs with the prefilter", what, as_of, k,
                     x->rule->id);
    }
    check_result_free(&with);
    check_result_free(&without);
}

static void same_at_two_dates(analysis *a, const char *name)
{
    same_results(a, name, "2019-06-01");
    same_results(a, name, "2026-11-27");
}

static size_t run_dir(const char *dir, const char *ext)
{
    return fixture_each_doc(dir, ext, same_at_two_dates);
}

static void test_corpus_and_samples(void **state)
{
    (void)state;
    char dir[4200];
    fixture_corpus_dir(dir, sizeof dir);
    size_t n = run_dir(dir, ".html") + run_dir(dir, ".md");
    if (!n)
        print_message("# SKIP corpus: no documents in %s\n", dir);
    snprintf(dir, sizeof dir, "%s/samples/methods", root);
    assert_true(run_dir(dir, ".html") >= 3);
    snprintf(dir, sizeof dir, "%s/samples", root);
    assert_true(run_dir(dir, ".html") >= 2);
}

/* ---- fuzzed documents ---------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

/* Variants that folding maps back to ASCII letters, and separators. */
static const char *const subst_k[] = {"K", "k", "\xE2\x84\xAA"};           /* Kelvin sign */
static const char *const subst_s[] = {"S", "s", "\xC5\xBF"};               /* long s */
static const char *const subst_e[] = {"E", "e", "\xC3\xA9", "\xC3\x89"};   /* é É */
static const char *const seps[] = {" ", "\xC2\xA0", "  ", "\xE2\x80\x89", " - ", "\xE2\x80\x94",
                                   ", ", ". ", "; ", ": ", " (", ") ", "\xC2\xAD", "\n"};

static void put_word(buf *b, const char *w)
{
    for (const char *p = w; *p; p++) {
        unsigned r = next() % 8;
        char c = *p;
        if ((c == 'k' || c == 'K') && r < 3)
            buf_puts(b, subst_k[next() % 3]);
        else if ((c == 's' || c == 'S') && r < 2)
            buf_puts(b, subst_s[next() % 3]);
        else if ((c == 'e' || c == 'E') && r < 2)
            buf_puts(b, subst_e[next() % 4]);
        else if (c == 'f' && p[1] == 'i' && r < 3) {
            buf_puts(b, "\xEF\xAC\x81"); /* ﬁ ligature */
            p++;
        } else if (c == '<')
            buf_puts(b, "&lt;");
        else if (c == '&')
            buf_puts(b, "&amp;");
        else
            buf_putc(b, r == 7 && c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
    }
}

/* A word from the literals of the loaded rules, or a number / filler. */
static const char *pick(void)
{
    static const char *const extra[] = {"3.2.2.4.7", "3.2.2.4.17", "3.2.2.5.2", "398 days",
                                        "825", "2026-03-15", "not", "the CA", "uses",
                                        "no stipulation", "CRL", "OCSP", "Subscriber"};
    const ruleset_pf *x = &rs.pf;
    if (x->n && next() % 4) {
        size_t i = next() % x->n;
        if (x->nlits[i])
            return x->lits[i][next() % x->nlits[i]];
    }
    return extra[next() % (sizeof extra / sizeof extra[0])];
}

static void fuzz_doc(buf *b)
{
    static const char *const secs[] = {"1.1", "1.5.2", "2.2", "3.2.2", "4.2.1", "4.9.1.1",
                                       "4.9.3", "4.9.7", "5.4.3", "6.1.5", "6.3.2", "7.1.3"};
    buf_puts(b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CPS"
                "</title></head><body><p>Version 1.0</p><p>Effective date: 2025-01-01</p>\n");
    for (size_t s = 0; s < sizeof secs / sizeof secs[0]; s++) {
        buf_printf(b, "<h2>%s Section</h2>\n", secs[s]);
        unsigned nb = 1 + next() % 3;
        for (unsigned k = 0; k < nb; k++) {
            const char *tag = next() % 3 ? "p" : "li";
            buf_printf(b, "<%s>", tag);
            unsigned nw = 3 + next() % 14;
            for (unsigned w = 0; w < nw; w++) {
                put_word(b, pick());
                buf_puts(b, seps[next() % (sizeof seps / sizeof seps[0])]);
            }
            buf_printf(b, "</%s>\n", tag);
        }
    }
    buf_puts(b, "</body></html>\n");
}

static void test_fuzzed(void **state)
{
    (void)state;
    for (int i = 0; i < 60; i++) {
        buf b = BUF_INIT;
        fuzz_doc(&b);
        analysis a;
        cps_err e;
        char name[32];
        snprintf(name, sizeof name, "fuzz-%d.html", i);
        if (analysis_run_bytes(name, (const unsigned char *)buf_cstr(&b), b.len, &spec, NULL, &a,
                               &e))
            fail_msg("%s", e.msg);
        same_results(&a, name, "2026-11-27");
        analysis_free(&a);
        buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_and_samples),
        cmocka_unit_test(test_fuzzed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

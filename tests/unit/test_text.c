/* test_text.c — matching text, offset map, display text, clauses, snippets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Strict UTF-8 check for results. */
static int valid_utf8(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k;
        if (c < 0x80) {
            if (c == 0)
                return 0;
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
        } else {
            return 0;
        }
        if (n - i - 1 < k)
            return 0;
        for (size_t j = 1; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k + 1;
    }
    return 1;
}

static void check_map(const text_map *m, size_t n)
{
    assert_int_equal(m->off[m->len], n);
    assert_int_equal(strlen(m->s), m->len);
    for (size_t i = 0; i < m->len; i++) {
        assert_true(m->off[i] < n);
        assert_true(m->ext[i] >= 1);
        assert_true(m->off[i] + m->ext[i] <= n);
        if (i)
            assert_true(m->off[i - 1] <= m->off[i]);
    }
}

static void expect_fold(const char *in, const char *want)
{
    text_map m;
    cps_err e;
    assert_int_equal(text_fold(in, strlen(in), &m, &e), CPS_OK);
    if (strcmp(m.s, want) != 0)
        fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", in, m.s, want);
    check_map(&m, strlen(in));
    text_map_free(&m);
}

/* Fold src, find needle in the folded text and check that it maps back to
 * exactly want in src. */
static void expect_span(const char *src, const char *needle, const char *want)
{
    text_map m;
    cps_err e;
    assert_int_equal(text_fold(src, strlen(src), &m, &e), CPS_OK);
    const char *hit = strstr(m.s, needle);
    if (!hit)
        fail_msg("\"%s\" not in \"%s\"", needle, m.s);
    size_t s = (size_t)(hit - m.s), a, z;
    text_map_span(&m, s, s + strlen(needle), &a, &z);
    char got[256];
    snprintf(got, sizeof got, "%.*s", (int)(z - a), src + a);
    if (strcmp(got, want) != 0)
        fail_msg("span of \"%s\" = \"%s\", want \"%s\"", needle, got, want);
    text_map_free(&m);
}

static void test_fold_accents_case(void **state)
{
    (void)state;
    expect_fold("Révocation", "revocation");
    expect_fold("L\u2019AUTORITÉ", "l'autorite");
    expect_fold("ÉTÉ À ÇA Ô", "ete a ca o");
    expect_fold("e\u0301te\u0301", "ete"); /* decomposed input */
    expect_fold("ŒUVRE", "oeuvre");
    expect_fold("cœur", "coeur");
    expect_fold("Æsir æ", "aesir ae");
    expect_fold("Straße STRASSE", "strasse strasse");
    expect_fold("\xEF\xAC\x81" "chier \xEF\xAC\x83", "fichier ffi"); /* ﬁ ﬃ */
    expect_fold("ＡＢＣ１", "abc1");                                      /* fullwidth */
    expect_fold("\xF0\x9D\x90\x80", "a");                                /* U+1D400 */
}

static void test_fold_punctuation_spaces(void **state)
{
    (void)state;
    expect_fold("Article 4\u00A0: délai", "article 4 : delai");
    expect_fold("délai\u202F; fin\u202F!", "delai ; fin !");
    expect_fold("«\u00A0bonjour\u00A0»", "\" bonjour \"");
    expect_fold("« bonjour »", "\" bonjour \"");
    expect_fold("\u201Cquoted\u201D \u201Elow\u201F", "\"quoted\" \"low\"");
    expect_fold("l\u2018a\u2019 b\u02BCc d\u00B4e f`g", "l'a' b'c d'e f'g");
    expect_fold("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h");
    expect_fold("révo\u00ADcation", "revocation");
    expect_fold("a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf", "abcdef");
    expect_fold("  a \t\n\r b \u00A0\u2007\u2009 c  ", "a b c");
    expect_fold("x\u3000y\u2028z", "x y z");
    expect_fold("", "");
    expect_fold(" \t\n ", "");
    expect_fold("a\x01" "b\x7F" "c", "a b c");
    expect_fold("\u00A8x", "\u00A8x"); /* spacing diaeresis does not become a space */
    /* a footnote marker glued to a figure is not a digit of it */
    expect_fold("825\u00B2 days", "825 days");
    expect_fold("398\u00B9\u2070 jours", "398 jours");
}

static void test_fold_map_round_trip(void **state)
{
    (void)state;
    const char *src = "Le Cœur de l\u2019AUTORITÉ \xEF\xAC\x81nale, Straße.";
    expect_span(src, "coeur", "Cœur");
    expect_span(src, "autorite", "AUTORITÉ");
    expect_span(src, "l'autorite", "l\u2019AUTORITÉ");
    expect_span(src, "finale", "\xEF\xAC\x81nale");
    expect_span(src, "strasse", "Straße");
    expect_span(src, "le", "Le");
    expect_span(src, "strasse.", "Straße.");
    /* A match inside an expansion maps to the whole source character. */
    expect_span(src, "oe", "œ");
    expect_span("xﬁy", "i", "ﬁ");
    expect_span("Straße", "s", "S");
    expect_span("Straße", "ss", "ß");
    /* Decomposed accents belong to their letter. */
    expect_span("une re\u0301vocation", "re", "re\u0301");
    expect_span("une re\u0301vocation", "revocation", "re\u0301vocation");
    expect_span("Re\u0301", "re", "Re\u0301");
    /* Trailing whitespace, invisible characters and collapsed runs. */
    expect_span("word   ", "word", "word");
    expect_span("  word", "word", "word");
    expect_span("soft\u00AD hy", "soft", "soft");
    expect_span("a \u00A0\t b", "a b", "a \u00A0\t b");
    expect_span("4\u202F:", "4 :", "4\u202F:");
    expect_span("« oui »", "\" oui \"", "« oui »");
    expect_span("DÉLAI\u00A0: 24\u00A0h", "delai : 24 h", "DÉLAI\u00A0: 24\u00A0h");
}

static void test_fold_every_code_point(void **state)
{
    (void)state;
    /* Every BMP scalar value and a few astral ranges: the matching text is
     * valid UTF-8, its map is consistent, and nothing crashes. */
    char *src = malloc(4 * 0x1000 + 16);
    for (uint32_t base = 0x80; base < 0x30000; base += 0x400) {
        if (base >= 0x20000 && base < 0x2F800)
            continue;
        size_t n = 0;
        for (uint32_t c = base; c < base + 0x400; c++) {
            if (c >= 0xD800 && c <= 0xDFFF)
                continue;
            if (c < 0x800) {
                src[n++] = (char)(0xC0 | (c >> 6));
                src[n++] = (char)(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                src[n++] = (char)(0xE0 | (c >> 12));
                src[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                src[n++] = (char)(0x80 | (c & 0x3F));
            } else {
                src[n++] = (char)(0xF0 | (c >> 18));
                src[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
                src[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                src[n++] = (char)(0x80 | (c & 0x3F));
            }
        }
        text_map m;
        cps_err e;
        assert_int_equal(text_fold(src, n, &m, &e), CPS_OK);
        assert_true(valid_utf8(m.s, m.len));
        check_map(&m, n);
        text_map_free(&m);
    }
    free(src);
}

static void test_fold_invalid_utf8(void **state)
{
    (void)state;
    const char *bad[] = {("a\xFF" "b"), "\xC3", "\xE2\x80", "\xED\xA0\x80", "x\xF4\x90\x80\x80y",
                         "\x80\x80", "\xC0\xAF"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        text_map m;
        cps_err e;
        size_t n = strlen(bad[i]);
        assert_int_equal(text_fold(bad[i], n, &m, &e), CPS_OK);
        assert_true(valid_utf8(m.s, m.len));
        check_map(&m, n);
        text_map_free(&m);
    }
}

static void test_fold_large_linear(void **state)
{
    (void)state;
    /* 400 KB of French text folds in well under a second. */
    const char *para = "La Révocation du certificat par l\u2019Autorité de Certification "
                       "intervient dans un délai de 24\u00A0heures\u202F; voir « CPS ». ";
    size_t pl = strlen(para), n = 0;
    char *big = malloc(400 * 1024 + pl);
    while (n + pl <= 400 * 1024) {
        memcpy(big + n, para, pl);
        n += pl;
    }
    text_map m;
    cps_err e;
    assert_int_equal(text_fold(big, n, &m, &e), CPS_OK);
    assert_non_null(strstr(m.s, "la revocation du certificat par l'autorite de certification"));
    check_map(&m, n);
    text_map_free(&m);
    free(big);
}

/* text_display, which must succeed */
static char *disp(const char *s, size_t n, size_t *len)
{
    char *d = NULL;
    cps_err e;
    assert_int_equal(text_display(s, n, &d, len, &e), CPS_OK);
    assert_non_null(d);
    return d;
}

/* One allocation a map, whatever the length: the texts that fit the fold's
 * stack scratch (most blocks) and those that do not are the same map, and
 * PCRE2's slack after the text is zeroed. */
static void test_fold_one_allocation(void **state)
{
    (void)state;
    size_t sizes[] = {0, 1, 17, 500, 511, 512, 513, 4000};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        char *src = malloc(n + 1);
        for (size_t i = 0; i < n; i++)
            src[i] = i % 7 == 6 ? ' ' : (char)('A' + i % 26);
        src[n] = '\0';
        text_map m;
        cps_err e;
        assert_int_equal(text_fold(src, n, &m, &e), CPS_OK);
        check_map(&m, n);
        for (size_t i = 0; i < 16; i++)
            assert_int_equal(m.s[m.len + 1 + i], 0);
        /* off and ext sit after the text in the same block */
        assert_true((char *)m.off > m.s && (char *)m.off < m.s + m.len + 1 + 16 + 4);
        assert_ptr_equal(m.ext, (unsigned char *)(m.off + m.len + 1));
        text_map_free(&m);
        assert_null(m.s);
        free(src);
    }
    /* non-ASCII past the stack scratch: the map still round-trips */
    expect_span("R\u00e9vocation " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                " \u00c9TAPE",
                "etape", "\u00c9TAPE");
}

static void test_display(void **state)
{
    (void)state;
    size_t n;
    char *d = disp("  e\u0301te\u0301 \t\n  x\r\n", strlen("  e\u0301te\u0301 \t\n  x\r\n"), &n);
    assert_string_equal(d, "été x");
    assert_int_equal(n, strlen("été x"));
    free(d);
    d = disp("a\u00A0: b", strlen("a\u00A0: b"), &n);
    assert_string_equal(d, "a\u00A0: b"); /* NBSP kept for display */
    free(d);
    d = disp("plain  ascii ", 13, &n);
    assert_string_equal(d, "plain ascii");
    free(d);
    d = disp("", 0, &n);
    assert_string_equal(d, "");
    assert_int_equal(n, 0);
    free(d);
    d = disp("\xEF\xAC\x81", 3, NULL); /* NFC keeps compatibility chars */
    assert_string_equal(d, "\xEF\xAC\x81");
    free(d);
    d = disp("a\xFF" "b", 3, &n);
    assert_true(valid_utf8(d, n));
    free(d);
}

static size_t clauses_of(const char *s, size_t **st)
{
    size_t n = strlen(s);
    size_t c = text_clauses(s, n, st);
    assert_int_equal((*st)[0], 0);
    assert_int_equal((*st)[c], n);
    for (size_t i = 0; i < c; i++)
        assert_true((*st)[i] < (*st)[i + 1]);
    return c;
}

static void test_clauses(void **state)
{
    (void)state;
    size_t *st;
    /* On the matching text, as the checks use it. */
    const char *src = "See chap. 4.9.1 of the CPS. The CA does not use it.";
    text_map m;
    cps_err e;
    assert_int_equal(text_fold(src, strlen(src), &m, &e), CPS_OK);
    assert_int_equal(text_clauses(m.s, m.len, &st), 2);
    assert_string_equal(m.s + st[1], "the ca does not use it.");
    assert_int_equal(st[2], m.len);
    free(st);
    text_map_free(&m);

    assert_int_equal(clauses_of("e.g. this", &st), 1);
    free(st);
    assert_int_equal(clauses_of("see section 4.9.1. the ca revokes", &st), 2);
    free(st);
    assert_int_equal(clauses_of("first; second! third? \"fourth\" 5th. 6th", &st), 5);
    free(st);
    assert_int_equal(clauses_of("i.e. one, cf. two, etc. and vs. three, fig. 2, dr. who", &st), 1);
    free(st);
    assert_int_equal(clauses_of("m. dupont signe. le ca publie. mme durand aussi", &st), 3);
    free(st);
    assert_int_equal(clauses_of("voir l'art. 5. ensuite, c.-a-d. rien", &st), 2);
    free(st);
    assert_int_equal(clauses_of("version 1.2.3 and 4.5 only", &st), 1);
    free(st);
    assert_int_equal(clauses_of("he said \"stop.\" then left", &st), 2);
    free(st);
    assert_int_equal(clauses_of("ends with a period.", &st), 1);
    free(st);
    assert_int_equal(clauses_of("lower. - dash", &st), 1); /* not a clause opener */
    free(st);
    assert_int_equal(clauses_of("fin. \xC3\xA9t\xC3\xA9", &st), 2);
    free(st);
    assert_int_equal(text_clauses("", 0, &st), 0);
    assert_int_equal(st[0], 0);
    free(st);
}

static void check_snippet(const char *src, size_t ms, size_t me, size_t max,
                          const char *want)
{
    size_t a, z, n = strlen(src);
    char *s = text_snippet(src, n, ms, me, max, &a, &z);
    size_t sl = strlen(s);
    assert_true(valid_utf8(s, sl));
    assert_true(a <= z && z <= sl);
    if (want && strcmp(s, want) != 0)
        fail_msg("snippet = \"%s\", want \"%s\"", s, want);
    if (me - ms + 6 < max) {
        assert_true(sl <= max);
        assert_memory_equal(s + a, src + ms, me - ms);
        assert_int_equal(z - a, me - ms);
    }
    free(s);
}

static void test_snippet(void **state)
{
    (void)state;
    const char *t = "First sentence is here. The CA revokes the key. Third sentence is "
                    "much longer and goes on and on.";
    size_t ms = (size_t)(strstr(t, "revokes") - t);
    /* Fits whole. */
    check_snippet(t, ms, ms + 7, 500, t);
    /* The clause. */
    check_snippet(t, ms, ms + 7, 40, "\xE2\x80\xA6The CA revokes the key.\xE2\x80\xA6");
    /* Context cut at spaces. */
    check_snippet(t, ms, ms + 7, 26, "\xE2\x80\xA6" "CA revokes the\xE2\x80\xA6");
    size_t a, z;
    char *s = text_snippet(t, strlen(t), ms, ms + 7, 40, &a, &z);
    assert_memory_equal(s + a, "revokes", 7);
    assert_int_equal(z - a, 7);
    free(s);
    /* Match at the very start and end. */
    check_snippet(t, 0, 5, 30, NULL);
    check_snippet(t, strlen(t) - 3, strlen(t), 30, NULL);
    /* A match longer than the budget is cut, still valid UTF-8. */
    check_snippet("ééééééééééééééééééééé", 0, 42, 11, NULL);

    /* Never inside a UTF-8 sequence, at any position and size. */
    const char *fr = "L\u2019autorité révoque le certificat « sans délai » ; voir "
                     "l\u2019art. 4.9.1. Ça s\u2019applique à toute clé compromise.";
    size_t n = strlen(fr);
    for (size_t max = 0; max < 60; max += 7)
        for (size_t i = 0; i < n; i++) {
            size_t j = i;
            while (j < n && (((unsigned char)fr[j] & 0xC0) == 0x80))
                j++;
            size_t k = j + 1;
            while (k < n && (((unsigned char)fr[k] & 0xC0) == 0x80))
                k++;
            if (k > n)
                k = n;
            char *r = text_snippet(fr, n, j, k, max, &a, &z);
            size_t rl = strlen(r);
            assert_true(valid_utf8(r, rl));
            assert_true(a <= z && z <= rl);
            if (max > k - j + 6)
                assert_true(rl <= max);
            free(r);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_accents_case),
        cmocka_unit_test(test_fold_punctuation_spaces),
        cmocka_unit_test(test_fold_map_round_trip),
        cmocka_unit_test(test_fold_every_code_point),
        cmocka_unit_test(test_fold_invalid_utf8),
        cmocka_unit_test(test_fold_large_linear),
        cmocka_unit_test(test_display),
        cmocka_unit_test(test_fold_one_allocation),
        cmocka_unit_test(test_clauses),
        cmocka_unit_test(test_snippet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

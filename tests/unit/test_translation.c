/* Unit tests: translation pairs and bilingual documents (translation.h),
 * over small HTML documents run through the real pipeline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "translation.h"

static outline_spec spec;
static matcher mt;

/* Paragraphs of known language, long enough for the profile. */
#define FR_P "L'autorit\xC3\xA9 de certification v\xC3\xA9rifie la demande et les pi\xC3\xA8" \
             "ces fournies par le demandeur, puis elle enregistre le r\xC3\xA9sultat de " \
             "cette v\xC3\xA9rification dans le dossier de la demande avant de d\xC3\xA9livrer " \
             "le certificat."
#define EN_P "The certification authority checks the request and the documents that the " \
             "applicant provides, and then it records the result of this check in the file " \
             "of the request before it issues the certificate."

static void run(analysis *a, const char *html)
{
    analysis_opts o;
    memset(&o, 0, sizeof o);
    cps_err e;
    cps_err_clear(&e);
    int rc = analysis_run_bytes("t.html", (const unsigned char *)html, strlen(html), &spec, &o,
                                a, &e);
    if (rc)
        print_message("%s\n", e.msg);
    assert_int_equal(rc, 0);
}

/* A document in lang with front matter (version, date line) and body. */
static void run_doc(analysis *a, const char *lang, const char *front, const char *body)
{
    buf b = BUF_INIT;
    buf_printf(&b, "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
                   "<title>CPS</title></head><body>\n%s\n%s</body></html>\n", lang,
               front ? front : "", body);
    run(a, buf_cstr(&b));
    buf_free(&b);
}

static const char *FR_FRONT = "<p>Version 5.1</p><p>Date d'application : 14/09/2026</p>";
static const char *EN_FRONT = "<p>Version 5.1</p><p>Effective Date: September 14, 2026</p>";

static int compare(rule_check what, analysis *o, analysis *en, const rule_patterns *ps,
                   translation_issues *t)
{
    cps_err e;
    cps_err_clear(&e);
    memset(t, 0, sizeof *t);
    return translation_compare(what, o, en, ps, &mt, t, &e);
}

static void test_same_version(void **state)
{
    (void)state;
    assert_true(translation_same_version("5.1", "5.1"));
    assert_true(translation_same_version("5.1", "v5.1"));
    assert_true(translation_same_version("V5.1", "5.1.0"));
    assert_true(translation_same_version("5.01", "5.1"));
    assert_true(translation_same_version("2", "2.0"));
    assert_false(translation_same_version("5.1", "5.10"));
    assert_false(translation_same_version("5.1", "5.0"));
    assert_false(translation_same_version("5.1", "5.1.1"));
    assert_true(translation_same_version("Rev-A", "rev-a"));
    assert_false(translation_same_version("Rev-A", "Rev-B"));
    assert_false(translation_same_version("5.1", NULL));
    assert_true(translation_same_version(NULL, NULL));
}

static void test_version_and_date(void **state)
{
    (void)state;
    analysis fr, en, en2, en3;
    const char *fb = "<h1>1 Introduction</h1><p>" FR_P "</p>";
    const char *eb = "<h1>1 Introduction</h1><p>" EN_P "</p>";
    run_doc(&fr, "fr", FR_FRONT, fb);
    run_doc(&en, "en", EN_FRONT, eb);
    run_doc(&en2, "en", "<p>Version 5.0</p><p>Effective Date: October 6, 2025</p>", eb);
    run_doc(&en3, "en", NULL, eb);
    translation_issues t;

    assert_int_equal(compare(CHECK_TRANSLATION_VERSION, &fr, &en, NULL, &t), 0);
    assert_int_equal(t.n, 0);
    assert_int_equal(compare(CHECK_TRANSLATION_DATE, &fr, &en, NULL, &t), 0);
    assert_int_equal(t.n, 0);

    assert_int_equal(compare(CHECK_TRANSLATION_VERSION, &fr, &en2, NULL, &t), 0);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.v[0].english, 1);
    assert_int_equal(t.v[0].sec, -1);
    assert_true(t.v[0].line > 0);
    assert_string_equal(t.v[0].message,
                        "the original is version 5.1; the English version is version 5.0");
    translation_issues_free(&t);
    assert_int_equal(compare(CHECK_TRANSLATION_DATE, &fr, &en2, NULL, &t), 0);
    assert_int_equal(t.n, 1);
    assert_string_equal(t.v[0].message,
                        "the original is dated 2026-09-14; the English version is dated 2025-10-06");
    translation_issues_free(&t);

    /* No version or date in the English version. */
    assert_int_equal(compare(CHECK_TRANSLATION_VERSION, &fr, &en3, NULL, &t), 0);
    assert_int_equal(t.n, 1);
    assert_non_null(strstr(t.v[0].message, "states no version number"));
    translation_issues_free(&t);
    assert_int_equal(compare(CHECK_TRANSLATION_DATE, &fr, &en3, NULL, &t), 0);
    assert_int_equal(t.n, 1);
    assert_non_null(strstr(t.v[0].message, "states no date"));
    translation_issues_free(&t);

    /* Same cover page, but the English revision history stops one row short. */
    analysis fr4, en4;
    const char *rev_fr = "<table><tr><th>Version</th><th>Date</th></tr>"
                         "<tr><td>5.0</td><td>06/10/2025</td></tr>"
                         "<tr><td>5.1</td><td>14/09/2026</td></tr></table>";
    const char *rev_en = "<table><tr><th>Version</th><th>Date</th></tr>"
                         "<tr><td>5.0</td><td>2025-10-06</td></tr></table>";
    buf f4 = BUF_INIT, e4 = BUF_INIT;
    buf_printf(&f4, "%s%s", FR_FRONT, rev_fr);
    buf_printf(&e4, "%s%s", EN_FRONT, rev_en);
    run_doc(&fr4, "fr", buf_cstr(&f4), fb);
    run_doc(&en4, "en", buf_cstr(&e4), eb);
    assert_int_equal(fr4.meta.nrevs, 2);
    assert_int_equal(compare(CHECK_TRANSLATION_VERSION, &fr4, &en4, NULL, &t), 0);
    assert_int_equal(t.n, 1);
    assert_string_equal(t.v[0].message, "the revision history of the original ends at version "
                                        "5.1; the English version's at 5.0");
    translation_issues_free(&t);
    analysis_free(&fr4);
    analysis_free(&en4);
    buf_free(&f4);
    buf_free(&e4);

    /* Version and date do not apply to a single document. */
    assert_int_equal(compare(CHECK_TRANSLATION_VERSION, &fr, NULL, NULL, &t), 1);
    assert_int_equal(t.n, 0);
    assert_int_equal(compare(CHECK_TRANSLATION_DATE, &fr, NULL, NULL, &t), 1);
    assert_string_equal(translation_na_note(CHECK_TRANSLATION_DATE, &fr, NULL),
                        "no English version to compare: give one with --translation or --pair");
    analysis_free(&fr);
    analysis_free(&en);
    analysis_free(&en2);
    analysis_free(&en3);
}

static void test_sections(void **state)
{
    (void)state;
    analysis fr, en;
    run_doc(&fr, "fr", FR_FRONT,
            "<h1>1 Introduction</h1><p>" FR_P "</p><h2>1.1 Pr\xC3\xA9sentation</h2><p>" FR_P
            "</p><h2>1.2 Identification</h2><p>" FR_P "</p><h2>1.3 Entit\xC3\xA9s</h2><p>" FR_P
            "</p>");
    run_doc(&en, "en", EN_FRONT,
            "<h1>1 Introduction</h1><p>" EN_P "</p><h2>1.1 Overview</h2><p>" EN_P
            "</p><h2>1.3 PKI participants</h2><p>" EN_P "</p><h3>1.3.1 Certification "
            "authorities</h3><p>" EN_P "</p>");
    translation_issues t;
    assert_int_equal(compare(CHECK_TRANSLATION_SECTIONS, &fr, &en, NULL, &t), 0);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.v[0].english, 0);
    assert_string_equal(fr.o.secs[t.v[0].sec].number, "1.2");
    assert_string_equal(t.v[0].message,
                        "section 1.2 is in the original but not in the English version");
    assert_int_equal(t.v[1].english, 1);
    assert_string_equal(en.o.secs[t.v[1].sec].number, "1.3.1");
    assert_string_equal(t.v[1].message,
                        "section 1.3.1 is in the English version but not in the original");
    translation_issues_free(&t);
    /* A document compared with itself has no difference. */
    assert_int_equal(compare(CHECK_TRANSLATION_SECTIONS, &en, &en, NULL, &t), 0);
    assert_int_equal(t.n, 0);
    translation_issues_free(&t);
    analysis_free(&fr);
    analysis_free(&en);
}

static void test_length(void **state)
{
    (void)state;
    analysis fr, en;
    /* 1.1: long French, one short English sentence (flagged); 1.2: short in
     * both (skipped); 1.3: French text, English blank (flagged); 1.4: both
     * long (fine). */
    run_doc(&fr, "fr", FR_FRONT,
            "<h1>1 Introduction</h1><p>" FR_P "</p>"
            "<h2>1.1 Pr\xC3\xA9sentation</h2><p>" FR_P "</p><p>" FR_P "</p>"
            "<h2>1.2 Identification</h2><p>Le document porte l'OID 1.2.3.4.</p>"
            "<h2>1.3 Entit\xC3\xA9s</h2><p>Sans objet.</p>"
            "<h2>1.4 Usage</h2><p>" FR_P "</p>");
    run_doc(&en, "en", EN_FRONT,
            "<h1>1 Introduction</h1><p>" EN_P "</p>"
            "<h2>1.1 Overview</h2><p>The CA checks requests.</p>"
            "<h2>1.2 Identification</h2><p>OID 1.2.3.4.</p>"
            "<h2>1.3 PKI participants</h2>"
            "<h2>1.4 Certificate usage</h2><p>" EN_P "</p>");
    int s11 = outline_find(&fr.o, "1.1");
    assert_true(translation_section_chars(&fr, s11, -1) > 400);
    assert_int_equal(translation_section_chars(&en, outline_find(&en.o, "1.1"), -1),
                     strlen("The CA checks requests."));
    translation_issues t;
    assert_int_equal(compare(CHECK_TRANSLATION_LENGTH, &fr, &en, NULL, &t), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(en.o.secs[t.v[0].sec].number, "1.1");
    assert_int_equal(t.v[0].english, 1);
    assert_true(t.v[0].block != TRANSLATION_NO_BLOCK);
    assert_non_null(strstr(t.v[0].message, "under a third of the original's"));
    assert_string_equal(en.o.secs[t.v[1].sec].number, "1.3");
    assert_string_equal(t.v[1].message,
                        "section 1.3 has no text in the English version (11 characters in the "
                        "original)");
    translation_issues_free(&t);
    analysis_free(&fr);
    analysis_free(&en);
}

static void test_authoritative(void **state)
{
    (void)state;
    rule_pattern p[2];
    memset(p, 0, sizeof p);
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(match_compile(&p[0], "\\bfrench\\s+version\\s+(?:shall\\s+)?prevails?\\b",
                                   &e), 0);
    assert_int_equal(match_compile(&p[1], "\\bseule\\s+la\\s+version\\s+francaise\\s+fait\\s+foi\\b",
                                   &e), 0);
    rule_patterns ps = {p, 2};
    analysis fr, en, en_ok;
    run_doc(&fr, "fr", FR_FRONT,
            "<h1>1 Introduction</h1><p>" FR_P "</p><h2>1.1 Pr\xC3\xA9sentation</h2><p>"
            "Seule la version fran\xC3\xA7" "aise fait foi.</p>");
    run_doc(&en, "en", EN_FRONT,
            "<h1>1 Introduction</h1><p>" EN_P "</p><h2>1.1 Overview</h2><p>In case of "
            "discrepancy, the French version prevails.</p>");
    run_doc(&en_ok, "en", EN_FRONT, "<h1>1 Introduction</h1><p>" EN_P "</p>");
    translation_issues t;
    assert_int_equal(compare(CHECK_TRANSLATION_AUTHORITATIVE, &fr, &en, &ps, &t), 0);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.v[0].english, 0);
    assert_int_equal(t.v[1].english, 1);
    assert_string_equal(en.o.secs[t.v[1].sec].number, "1.1");
    assert_true(t.v[1].me > t.v[1].ms);
    translation_issues_free(&t);
    /* Disclaimers are looked for in the original too. */
    assert_int_equal(compare(CHECK_TRANSLATION_AUTHORITATIVE, &fr, &en_ok, &ps, &t), 0);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.v[0].english, 0);
    translation_issues_free(&t);
    analysis_free(&fr);
    analysis_free(&en);
    analysis_free(&en_ok);
    match_pattern_free(&p[0]);
    match_pattern_free(&p[1]);
}

static void test_block_lang(void **state)
{
    (void)state;
    analysis a;
    /* Ambient French (html lang); a short block marked en is English; a
     * long unmarked English block is English by content; a short unmarked
     * one is undecided; a long French block marked en is French. */
    run_doc(&a, "fr", NULL,
            "<h1>1 Introduction</h1><p>" FR_P "</p><p lang=\"en-CA\">Not applicable.</p>"
            "<p>" EN_P "</p><p>Not applicable.</p><p lang=\"en\">" FR_P "</p>");
    char l[12];
    size_t first = a.o.first_section_block + 1;
    translation_block_lang(&a, first, l);
    assert_string_equal(l, "fr");
    translation_block_lang(&a, first + 1, l);
    assert_string_equal(l, "en");
    translation_block_lang(&a, first + 2, l);
    assert_string_equal(l, "en");
    translation_block_lang(&a, first + 3, l);
    assert_string_equal(l, "");
    translation_block_lang(&a, first + 4, l);
    assert_string_equal(l, "fr");
    translation_block_lang(&a, 9999, l);
    assert_string_equal(l, "");
    analysis_free(&a);
}

/* n sections, the first english_in of which also have English text. */
static void bilingual_doc(analysis *a, int n, int english_in, const char *style)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<h1>1 Introduction</h1>\n");
    for (int i = 1; i <= n; i++) {
        buf_printf(&b, "<h2>1.%d Titre / Title</h2>\n", i);
        if (!strcmp(style, "table")) {
            buf_printf(&b, "<table><tr><td>%s</td><td>%s</td></tr></table>\n", FR_P,
                       i <= english_in ? EN_P : FR_P);
        } else if (!strcmp(style, "lang")) {
            buf_printf(&b, "<p lang=\"fr\">Sans objet.</p>\n");
            if (i <= english_in)
                buf_printf(&b, "<p lang=\"en\">Not applicable.</p>\n");
        } else {
            buf_printf(&b, "<p>%s</p>\n", FR_P);
            if (i <= english_in)
                buf_printf(&b, "<p>%s</p>\n", EN_P);
        }
    }
    run_doc(a, "fr", FR_FRONT, buf_cstr(&b));
    buf_free(&b);
}

static void test_bilingual(void **state)
{
    (void)state;
    analysis a;
    translation_coverage c;
    /* Side-by-side paragraphs, 5 sections of 5 (plus chapter 1, French only). */
    bilingual_doc(&a, 5, 5, "para");
    translation_coverage_of(&a, &c);
    assert_int_equal(c.sections, 5);
    assert_int_equal(c.english, 5);
    assert_int_equal(c.other, 5);
    assert_true(translation_bilingual(&a));
    analysis_free(&a);
    /* Threshold: 3 of 5 is 60% (bilingual), 2 of 5 is not. */
    bilingual_doc(&a, 5, 3, "table");
    assert_true(translation_bilingual(&a));
    translation_issues t;
    assert_int_equal(compare(CHECK_TRANSLATION_SECTIONS, &a, NULL, NULL, &t), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(a.o.secs[t.v[0].sec].number, "1.4");
    assert_string_equal(t.v[0].message, "section 1.4 has no English text");
    translation_issues_free(&t);
    analysis_free(&a);
    bilingual_doc(&a, 5, 2, "table");
    assert_false(translation_bilingual(&a));
    assert_int_equal(compare(CHECK_TRANSLATION_SECTIONS, &a, NULL, NULL, &t), 1);
    assert_int_equal(t.n, 0);
    analysis_free(&a);
    /* Short texts marked lang="fr" / lang="en". */
    bilingual_doc(&a, 4, 4, "lang");
    translation_coverage_of(&a, &c);
    assert_int_equal(c.english, 4);
    assert_true(translation_bilingual(&a));
    assert_string_equal(translation_na_note(CHECK_TRANSLATION_VERSION, &a, NULL),
                        "a bilingual document: its two languages share one version and date");
    analysis_free(&a);
    /* English only is not bilingual, even with short undecided text. */
    run_doc(&a, "en", EN_FRONT, "<h1>1 Introduction</h1><p>" EN_P "</p><h2>1.1 Overview</h2>"
                                "<p>Not applicable.</p>");
    assert_false(translation_bilingual(&a));
    translation_issues t2;
    assert_int_equal(compare(CHECK_TRANSLATION_LENGTH, &a, NULL, NULL, &t2), 1);
    analysis_free(&a);
    /* An English document with French paragraphs is. */
    run_doc(&a, "en", EN_FRONT, "<h1>1 Introduction</h1><p>" EN_P "</p><p>" FR_P "</p>");
    assert_true(translation_bilingual(&a));
    analysis_free(&a);
}

static void test_example_pair(void **state)
{
    (void)state;
    rule_example x;
    memset(&x, 0, sizeof x);
    buf o = BUF_INIT, en = BUF_INIT;
    x.text = "[version 3.0] [without 1.3] The CA issues certificates.";
    strcpy(x.lang, "en");
    translation_example_pair(&x, &o, &en);
    assert_non_null(strstr(buf_cstr(&o), "<p>Version 3.1</p>"));
    assert_non_null(strstr(buf_cstr(&o), "<h2>1.3 "));
    assert_non_null(strstr(buf_cstr(&en), "<p>Version 3.0</p>"));
    assert_null(strstr(buf_cstr(&en), "<h2>1.3 "));
    assert_non_null(strstr(buf_cstr(&en), "<p>The CA issues certificates.</p>"));
    analysis a, b;
    run(&a, buf_cstr(&o));
    run(&b, buf_cstr(&en));
    assert_string_equal(a.lang, "fr");
    assert_string_equal(b.lang, "en");
    assert_string_equal(a.meta.version, "3.1");
    char d[11];
    date_format(a.meta.date, d);
    assert_string_equal(d, "2024-03-15");
    date_format(b.meta.date, d);
    assert_string_equal(d, "2024-03-15");
    analysis_free(&a);
    analysis_free(&b);
    buf_free(&o);
    buf_free(&en);
    /* A French example edits the original side. */
    x.text = "[date 2024-04-15] Sans objet.";
    strcpy(x.lang, "fr");
    translation_example_pair(&x, &o, &en);
    assert_non_null(strstr(buf_cstr(&o), "15/04/2024"));
    assert_non_null(strstr(buf_cstr(&o), "<p>Sans objet.</p>"));
    assert_non_null(strstr(buf_cstr(&en), "March 15, 2024"));
    buf_free(&o);
    buf_free(&en);
}

static int setup(void **state)
{
    (void)state;
    cps_err e;
    cps_err_clear(&e);
    if (outline_spec_load("rulesets/rfc3647.outline", &spec, &e)) {
        print_message("%s (run from the project root)\n", e.msg);
        return -1;
    }
    return matcher_init(&mt, 0, 0, 0, &e);
}

static int teardown(void **state)
{
    (void)state;
    matcher_free(&mt);
    outline_spec_free(&spec);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_version),   cmocka_unit_test(test_version_and_date),
        cmocka_unit_test(test_sections),       cmocka_unit_test(test_length),
        cmocka_unit_test(test_authoritative),  cmocka_unit_test(test_block_lang),
        cmocka_unit_test(test_bilingual),      cmocka_unit_test(test_example_pair),
    };
    return cmocka_run_group_tests_name("translation", tests, setup, teardown);
}

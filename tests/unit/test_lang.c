/* test_lang.c — function-word language profile, primary subtags, decision. */
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
#include "lang.h"

static const char en_text[] =
    "This Certification Practice Statement describes the practices that the "
    "Issuing CA shall follow when it issues, manages and revokes TLS server "
    "certificates. The CA must verify the identity of each Applicant and "
    "the authorization of the domain owner before any certificate is "
    "issued, and it will publish its revocation status information for all "
    "certificates that have not expired.";

static const char fr_text[] =
    "La présente Déclaration des Pratiques de Certification décrit les "
    "règles que l’Autorité de Certification applique pour la délivrance et "
    "la révocation des certificats. L'AC doit vérifier l'identité du "
    "demandeur ainsi que le contrôle du nom de domaine avant toute "
    "émission ; elle publie les listes de certificats révoqués dans un délai "
    "de vingt-quatre heures et conserve les journaux d'événements.";

static const char es_text[] =
    "Esta Declaración de Prácticas de Certificación describe los "
    "procedimientos que la Autoridad de Certificación sigue para emitir y "
    "revocar los certificados. La entidad debe verificar la identidad del "
    "solicitante y el control del dominio antes de cada emisión.";

static const char de_text[] =
    "Diese Erklärung zum Zertifizierungsbetrieb beschreibt die Verfahren, "
    "die von der Zertifizierungsstelle bei der Ausgabe und dem Widerruf von "
    "Zertifikaten eingehalten werden. Die Identität des Antragstellers wird "
    "vor der Ausstellung geprüft und das Ergebnis ist zu dokumentieren.";

static const char it_text[] =
    "Questo Manuale Operativo descrive le procedure che l'Autorità di "
    "Certificazione segue per il rilascio e la revoca dei certificati. "
    "L'identità del richiedente deve essere verificata prima del rilascio "
    "e il controllo del dominio è registrato nella documentazione.";

static void test_english(void **state)
{
    (void)state;
    lang_guess g = lang_detect(en_text, strlen(en_text));
    assert_string_equal(g.code, "en");
    assert_true(g.words >= 20);
    assert_true(g.confidence >= 0.8);
}

static void test_french(void **state)
{
    (void)state;
    lang_guess g = lang_detect(fr_text, strlen(fr_text));
    assert_string_equal(g.code, "fr");
    assert_true(g.words >= 20);
    assert_true(g.confidence >= 0.6);
}

static void test_french_folded(void **state)
{
    (void)state;
    /* Matching text: lower case, accents stripped, ' apostrophes. */
    const char *t = "la presente declaration decrit les regles que l'autorite "
                    "de certification applique pour la delivrance et la "
                    "revocation des certificats. l'ac doit verifier "
                    "l'identite du demandeur ainsi que le controle du nom.";
    lang_guess g = lang_detect(t, strlen(t));
    assert_string_equal(g.code, "fr");
}

static void test_spanish(void **state)
{
    (void)state;
    lang_guess g = lang_detect(es_text, strlen(es_text));
    assert_string_equal(g.code, "es");
}

static void test_german(void **state)
{
    (void)state;
    lang_guess g = lang_detect(de_text, strlen(de_text));
    assert_string_equal(g.code, "de");
}

static void test_italian(void **state)
{
    (void)state;
    lang_guess g = lang_detect(it_text, strlen(it_text));
    assert_string_equal(g.code, "it");
}

static void test_empty_and_short(void **state)
{
    (void)state;
    lang_guess g = lang_detect("", 0);
    assert_string_equal(g.code, "und");
    assert_int_equal(g.words, 0);
    assert_true(g.confidence == 0.0);
    g = lang_detect(NULL, 0);
    assert_string_equal(g.code, "und");
    g = lang_detect("2.23.140.1.2.1 — 4.9.1", strlen("2.23.140.1.2.1 — 4.9.1"));
    assert_string_equal(g.code, "und");
    g = lang_detect("The CA shall", strlen("The CA shall"));
    assert_string_equal(g.code, "und");
    assert_int_equal(g.words, 2);
}

static void test_elisions(void **state)
{
    (void)state;
    /* Only elisions and no listed word: they must carry French. */
    const char *t = "l’AC d’enregistrement qu’elle n’émet s’engage c’est "
                    "j’atteste d'origine l'opérateur qu'il";
    lang_guess g = lang_detect(t, strlen(t));
    assert_string_equal(g.code, "fr");
    assert_int_equal(g.words, 10);
}

static void test_mixed_majority(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    buf_puts(&b, en_text);
    buf_puts(&b, " / ");
    buf_puts(&b, fr_text);
    buf_puts(&b, " ");
    buf_puts(&b, "Le présent document est publié sur le site de l'AC et il "
                 "est mis à jour au moins une fois par an.");
    lang_guess g = lang_detect(b.ptr, b.len);
    assert_string_equal(g.code, "fr");
    assert_true(g.confidence < 0.8);

    buf_truncate(&b, 0);
    buf_puts(&b, fr_text);
    buf_puts(&b, " / ");
    buf_puts(&b, en_text);
    buf_puts(&b, " The CA shall review this document at least once a year "
                 "and it must publish the new version in the repository.");
    g = lang_detect(b.ptr, b.len);
    assert_string_equal(g.code, "en");
    buf_free(&b);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    char t[sizeof en_text + 4];
    memcpy(t, en_text, sizeof en_text);
    t[10] = (char)0xFF;
    t[11] = (char)0xC3;
    lang_guess g = lang_detect(t, strlen(t));
    assert_string_equal(g.code, "en");
}

static void test_large_text_is_fast(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    while (b.len < 400 * 1024) {
        buf_puts(&b, fr_text);
        buf_putc(&b, ' ');
    }
    clock_t t0 = clock();
    lang_guess g = lang_detect(b.ptr, b.len);
    double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
    print_message("# lang_detect on %zu bytes: %.1f ms\n", b.len, ms);
    assert_string_equal(g.code, "fr");
    assert_true(ms < 1000.0);  /* generous: sanitizer builds are slow */
    buf_free(&b);
}

static void test_primary(void **state)
{
    (void)state;
    char out[12];
    lang_primary("fr-FR", out);
    assert_string_equal(out, "fr");
    lang_primary("EN_us", out);
    assert_string_equal(out, "en");
    lang_primary(" de ", out);
    assert_string_equal(out, "de");
    lang_primary("it", out);
    assert_string_equal(out, "it");
    lang_primary(NULL, out);
    assert_string_equal(out, "");
    lang_primary("", out);
    assert_string_equal(out, "");
    lang_primary("12-ab", out);
    assert_string_equal(out, "");
    lang_primary("abcdefghijk", out);
    assert_string_equal(out, "");
    lang_primary("x-klingon", out);
    assert_string_equal(out, "x");
}

static void test_decide(void **state)
{
    (void)state;
    char out[12];
    lang_guess g = lang_detect(fr_text, strlen(fr_text));

    /* Declared en, confidently French content. */
    lang_decide("en", &g, out);
    assert_string_equal(out, "fr");
    lang_decide("en-GB", &g, out);
    assert_string_equal(out, "fr");

    /* Declared fr-FR, too little text to say anything. */
    lang_guess little = lang_detect("Voir ci-dessous.", strlen("Voir ci-dessous."));
    assert_string_equal(little.code, "und");
    lang_decide("fr-FR", &little, out);
    assert_string_equal(out, "fr");

    /* Declared fr, English profile but not enough words: declared wins. */
    lang_guess weak = {"en", 0.9, 12};
    lang_decide("fr", &weak, out);
    assert_string_equal(out, "fr");
    /* Enough words, low confidence: declared wins. */
    lang_guess unsure = {"en", 0.55, 100};
    lang_decide("fr", &unsure, out);
    assert_string_equal(out, "fr");
    /* Agreeing profile. */
    lang_decide("fr", &g, out);
    assert_string_equal(out, "fr");
    /* No declaration: the profile. */
    lang_decide(NULL, &g, out);
    assert_string_equal(out, "fr");
    lang_decide("", &little, out);
    assert_string_equal(out, "und");
    lang_decide(NULL, NULL, out);
    assert_string_equal(out, "und");
    lang_decide("de-CH", NULL, out);
    assert_string_equal(out, "de");
    /* A declared language the profile cannot recognise is kept. */
    buf b = BUF_INIT;
    buf_puts(&b, es_text);
    buf_puts(&b, " ");
    buf_puts(&b, es_text);
    lang_guess es = lang_detect(b.ptr, b.len);
    buf_free(&b);
    assert_true(es.words >= 20);
    lang_decide("pt-BR", &es, out);
    assert_string_equal(out, "pt");
    lang_decide("und", &es, out);
    assert_string_equal(out, "es");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_french),
        cmocka_unit_test(test_french_folded),
        cmocka_unit_test(test_spanish),
        cmocka_unit_test(test_german),
        cmocka_unit_test(test_italian),
        cmocka_unit_test(test_empty_and_short),
        cmocka_unit_test(test_elisions),
        cmocka_unit_test(test_mixed_majority),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_large_text_is_fast),
        cmocka_unit_test(test_primary),
        cmocka_unit_test(test_decide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

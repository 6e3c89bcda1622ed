/* test_subject.c — the certificate classes a text names (row labels,
 * captions, lead-ins) and the `subject` rule key. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "subject.h"

static unsigned cls(const char *s)
{
    return subject_classes(s, strlen(s));
}

static void test_row_labels(void **st)
{
    (void)st;
    assert_int_equal(cls("subscriber certificates"), SUBJ_SUBSCRIBER);
    assert_int_equal(cls("end-entity"), SUBJ_SUBSCRIBER);
    assert_int_equal(cls("end entity certificates"), SUBJ_SUBSCRIBER);
    assert_int_equal(cls("tls server certificate"), SUBJ_SUBSCRIBER);
    assert_int_equal(cls("root ca certificate"), SUBJ_ROOT);
    assert_int_equal(cls("root ca"), SUBJ_ROOT);
    assert_int_equal(cls("subordinate ca certificates"), SUBJ_SUBORDINATE);
    assert_int_equal(cls("intermediate cas"), SUBJ_SUBORDINATE);
    assert_int_equal(cls("cross certificates"), SUBJ_CROSS);
    assert_int_equal(cls("cross-certificates"), SUBJ_CROSS);
    assert_int_equal(cls("ocsp responder certificate"), SUBJ_OCSP);
    assert_int_equal(cls("precertificate signing ca"), SUBJ_PRECERT);
    assert_int_equal(cls("ca certificates"), SUBJ_ROOT | SUBJ_SUBORDINATE);
    /* French, Italian, Spanish */
    assert_int_equal(cls("certificats des porteurs"), SUBJ_SUBSCRIBER);
    assert_int_equal(cls("certificats d'ac racine"), SUBJ_ROOT);
    assert_int_equal(cls("ac intermediaires"), SUBJ_SUBORDINATE);
    assert_int_equal(cls("le certificat de l'ac exemple"), SUBJ_ROOT | SUBJ_SUBORDINATE);
    assert_int_equal(cls("les certificats de l'ac exemple"), 0);
    assert_int_equal(cls("certificati di ca radice"), SUBJ_ROOT);
    assert_int_equal(cls("certificati di ca intermedia"), SUBJ_SUBORDINATE);
    assert_int_equal(cls("certificati titolari"), SUBJ_SUBSCRIBER);
    assert_int_equal(cls("certificados de ac raiz"), SUBJ_ROOT);
    assert_int_equal(cls("certificados de suscriptor"), SUBJ_SUBSCRIBER);
}

static void test_strength(void **st)
{
    (void)st;
    /* a weak TLS word does not make a root's row a subscriber's */
    assert_int_equal(cls("root ca certificates for tls"), SUBJ_ROOT);
    assert_int_equal(cls("tls"), SUBJ_SUBSCRIBER);
    /* the subscriber of a code signing certificate is not a TLS subscriber */
    assert_int_equal(cls("subscriber - code signing"), SUBJ_OTHER);
    assert_int_equal(cls("certificats de signature de documents"), SUBJ_OTHER);
    assert_int_equal(cls("client authentication certificates issued to staff"), SUBJ_OTHER);
    assert_int_equal(cls("certificates from a private ca that is not publicly trusted"), SUBJ_OTHER);
    /* the issuer's own certificate, not the certificates it signs */
    assert_int_equal(cls("signed by a delegated ocsp responder whose certificate is valid"), SUBJ_OCSP);
    assert_int_equal(cls("signed by a delegated ocsp responder"), 0u);
    assert_int_equal(cls("subscriber - ov ssl server"), SUBJ_SUBSCRIBER);
    /* the CA as operator names no certificate */
    assert_int_equal(cls("the ca shall update and reissue crls"), 0);
    assert_int_equal(cls("cas and subscribers"), SUBJ_SUBSCRIBER);
    /* the issuer is not the certificate; a root program is not a root */
    assert_int_equal(cls("certificates issued by the subordinate ca are valid"), 0);
    assert_int_equal(cls("subordinate ca certificates signed by the root ca"), SUBJ_SUBORDINATE);
    assert_int_equal(cls("certificats delivres par l'ac racine"), 0);
    assert_int_equal(cls("as the mozilla root store policy requires"), 0);
    assert_int_equal(cls("ocsp responses signed by a delegated ocsp responder are valid"), 0);
    assert_int_equal(cls("issued by the root ca, subordinate ca certificates"), SUBJ_SUBORDINATE);
    /* whole words only */
    assert_int_equal(cls("rooted in leafy ground"), 0);
    assert_int_equal(cls("subordinate ca certificates and subscriber certificates"),
                     SUBJ_SUBORDINATE | SUBJ_SUBSCRIBER);
}

static void test_smime(void **st)
{
    (void)st;
    /* S/MIME words name their own class; the other kinds stay "other" */
    assert_int_equal(cls("s/mime certificates"), SUBJ_SMIME);
    assert_int_equal(cls("smime certificate"), SUBJ_SMIME);
    assert_int_equal(cls("email certificates"), SUBJ_SMIME);
    assert_int_equal(cls("certificats de messagerie securisee"), SUBJ_SMIME);
    assert_int_equal(cls("code signing certificates"), SUBJ_OTHER);
    assert_int_equal(cls("document signing certificates"), SUBJ_OTHER);
    assert_int_equal(cls("time-stamping certificates"), SUBJ_OTHER);
    assert_int_equal(cls("s/mime and code signing certificates"), SUBJ_SMIME | SUBJ_OTHER);
    /* the subscriber of an S/MIME certificate is not a TLS subscriber,
     * unless a TLS word says so */
    assert_int_equal(cls("subscriber - s/mime"), SUBJ_SMIME);
    assert_int_equal(cls("certificats de messagerie des porteurs"), SUBJ_SMIME);
    assert_int_equal(cls("subscriber - tls and s/mime"), SUBJ_SUBSCRIBER | SUBJ_SMIME);
    /* to a rule that does not name smime, S/MIME is "other", as before */
    assert_int_equal(subject_fold(SUBJ_SMIME, SUBJ_SUBSCRIBER), SUBJ_OTHER);
    assert_int_equal(subject_fold(SUBJ_SMIME | SUBJ_ROOT, SUBJ_OTHER), SUBJ_OTHER | SUBJ_ROOT);
    assert_int_equal(subject_fold(SUBJ_SMIME, SUBJ_SMIME | SUBJ_SUBSCRIBER), SUBJ_SMIME);
    assert_int_equal(subject_fold(SUBJ_SMIME, SUBJ_ANY), SUBJ_SMIME);
    assert_int_equal(subject_fold(SUBJ_OTHER, SUBJ_SMIME), SUBJ_OTHER);
    assert_int_equal(subject_fold(0, SUBJ_SUBSCRIBER), 0);
}

static void test_parse(void **st)
{
    (void)st;
    unsigned b = 0;
    char bad[80];
    assert_int_equal(subject_parse("subscriber", &b, bad, sizeof bad), 0);
    assert_int_equal(b, SUBJ_SUBSCRIBER);
    assert_int_equal(subject_parse("subscriber, subordinate ocsp", &b, bad, sizeof bad), 0);
    assert_int_equal(b, SUBJ_SUBSCRIBER | SUBJ_SUBORDINATE | SUBJ_OCSP);
    assert_int_equal(subject_parse("ca", &b, bad, sizeof bad), 0);
    assert_int_equal(b, SUBJ_CA);
    assert_int_equal(subject_parse("any", &b, bad, sizeof bad), 0);
    assert_int_equal(b, SUBJ_ANY);
    assert_int_equal(subject_parse("subscriber smime ca ocsp precert", &b, bad, sizeof bad), 0);
    assert_int_equal(b, SUBJ_ANY & ~(unsigned)SUBJ_OTHER);
    assert_int_equal(subject_parse("smime", &b, bad, sizeof bad), 0);
    assert_int_equal(b, SUBJ_SMIME);
    assert_true((SUBJ_ANY & SUBJ_SMIME) && (SUBJ_ANY & SUBJ_OTHER));
    assert_int_equal(subject_parse("also", &b, bad, sizeof bad), -1);
    assert_string_equal(bad, "also");
    assert_int_equal(subject_parse("  ", &b, bad, sizeof bad), -1);
    char buf[64];
    assert_string_equal(subject_names(SUBJ_ROOT | SUBJ_CROSS, buf, sizeof buf), "root, cross");
    assert_string_equal(subject_names(SUBJ_ANY, buf, sizeof buf), "any");
    assert_string_equal(subject_names(SUBJ_OTHER | SUBJ_SMIME, buf, sizeof buf), "other, smime");
    assert_string_equal(subject_names(SUBJ_ANY & ~(unsigned)SUBJ_OTHER, buf, sizeof buf),
                        "subscriber, root, subordinate, cross, ocsp, precert, smime");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_row_labels),
        cmocka_unit_test(test_strength),
        cmocka_unit_test(test_smime),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests_name("subject", tests, NULL, NULL);
}

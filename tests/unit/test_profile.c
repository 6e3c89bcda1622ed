/* Unit tests: the document profile (profile.h) decided from small HTML
 * documents run through the real pipeline, in English and French; the
 * option parsers; the CPS delegation finder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "profile.h"
#include "spec_fixture.h"

static outline_spec spec;

/* Analyse <title>title</title> and body; fill *p. */
static void profile_of(const char *lang, const char *title, const char *body, doc_profile *p)
{
    buf b = BUF_INIT;
    buf_printf(&b, "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
                   "<title>%s</title></head><body>\n%s</body></html>\n", lang, title, body);
    analysis a;
    analysis_opts o;
    memset(&o, 0, sizeof o);
    cps_err e;
    cps_err_clear(&e);
    int rc = analysis_run_bytes("t.html", (const unsigned char *)buf_cstr(&b), b.len, &spec, &o,
                                &a, &e);
    if (rc)
        print_message("%s\n", e.msg);
    assert_int_equal(rc, 0);
    profile_detect(&a, p);
    analysis_free(&a);
    buf_free(&b);
}

static void test_tls_cps_en(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("en", "Example CA Certification Practice Statement",
               "<h1>1 Introduction</h1><h2>1.1 Overview</h2><p>This CPS describes how Example "
               "CA issues TLS server certificates.</p><h2>1.2 Document name and identification</h2>"
               "<p>Certificates carry the policy identifier 2.23.140.1.2.1.</p>",
               &p);
    assert_int_equal(p.kind, PROFILE_KIND_CPS);
    assert_int_equal(p.scopes, PROFILE_SCOPE_TLS);
    assert_null(p.note);
    assert_int_equal(p.separate_cp, 0);
    int oid = 0;
    for (size_t i = 0; i < p.nev; i++)
        if (p.ev[i].supports == PROFILE_FOR_TLS && !strcmp(p.ev[i].section, "1.2"))
            oid = strstr(p.ev[i].quote, "2.23.140.1.2.1") != NULL;
    assert_true(oid);
    profile_free(&p);
}

static void test_cp_fr_and_combined(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("fr", "PC de l'AC Exemple",
               "<h1>1 Introduction</h1><h2>1.1 Pr\xC3\xA9sentation g\xC3\xA9n\xC3\xA9rale</h2>"
               "<p>La pr\xC3\xA9sente politique de certification s'applique aux certificats "
               "serveur.</p>",
               &p);
    assert_int_equal(p.kind, PROFILE_KIND_CP);
    assert_int_equal(p.scopes, PROFILE_SCOPE_TLS);
    profile_free(&p);
    profile_of("en", "Example CP/CPS",
               "<h1>1 Introduction</h1><h2>1.1 Overview</h2><p>This CP/CPS covers S/MIME "
               "certificates (2.23.140.1.5.1.1).</p>",
               &p);
    assert_int_equal(p.kind, PROFILE_KIND_CP_CPS);
    assert_int_equal(p.scopes, PROFILE_SCOPE_SMIME);
    profile_free(&p);
}

static void test_standard_not_a_policy(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("en", "Baseline Requirements for Example Certificates",
               "<h1>1 Introduction</h1><h2>1.1 Overview</h2><p>These Requirements apply to "
               "every CA. This certificate policy contains the requirements as adopted by the "
               "CA/Browser Forum.</p><h3>1.5.2 Contact</h3><p>In this section of their CPS, "
               "the CA SHALL give a contact.</p>",
               &p);
    assert_int_equal(p.kind, PROFILE_KIND_NOT_POLICY);
    profile_free(&p);
    /* Generic voice alone ("their CPS") never makes a CA's CP a standard. */
    profile_of("en", "Example Certificate Policy",
               "<h1>1 Introduction</h1><h2>1.1 Overview</h2><p>This Certificate Policy sets "
               "what each CA SHALL describe in their CPS.</p>",
               &p);
    assert_int_equal(p.kind, PROFILE_KIND_CP);
    profile_free(&p);
}

static void test_negated_eku_and_other(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("en", "Signing CA Certification Practice Statement",
               "<h1>7 Profiles</h1><h2>7.1 Certificate profile</h2><p>Certificates never contain "
               "the serverAuth extended key usage.</p>",
               &p);
    assert_int_equal(p.kind, PROFILE_KIND_CPS);
    assert_int_equal(p.scopes, PROFILE_SCOPE_OTHER);
    int against = 0;
    for (size_t i = 0; i < p.nev; i++)
        against |= p.ev[i].supports == PROFILE_FOR_TLS && p.ev[i].weight < 0;
    assert_true(against);
    profile_free(&p);
}

/* What a document excludes is not evidence for a scope: the prohibited uses
 * of 1.4.2, a standard that "does not apply", a type it "does not issue",
 * an EKU that "is not set"; what it names positively still counts. */
static void test_excluded_types_not_evidence(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("en", "Example Code Signing Certification Practice Statement",
               "<h1>1 Introduction</h1><h2>1.1 Overview</h2><p>This CPS conforms to the "
               "Baseline Requirements for the Issuance and Management of Publicly-Trusted Code "
               "Signing Certificates. The TLS Baseline Requirements do not apply to this CPS, "
               "and the CA does not issue any TLS server certificate.</p>"
               "<h2>1.4 Certificate usage</h2><h3>1.4.1 Appropriate certificate uses</h3>"
               "<p>Code signing.</p><h3>1.4.2 Prohibited certificate uses</h3><p>Certificates "
               "may not be used for email protection.</p><ul><li>TLS web server "
               "authentication</li></ul><h2>7.1 Certificate profile</h2><p>extKeyUsage: "
               "codeSigning. emailProtection is not set.</p>",
               &p);
    assert_int_equal(p.scopes, PROFILE_SCOPE_CODE);
    assert_null(p.note);
    for (size_t i = 0; i < p.nev; i++)
        assert_false(p.ev[i].weight > 0 && (p.ev[i].supports == PROFILE_FOR_TLS ||
                                             p.ev[i].supports == PROFILE_FOR_SMIME));
    profile_free(&p);
    /* the same words outside 1.4.2 and without a negation are evidence */
    profile_of("en", "Example Certification Practice Statement",
               "<h1>1 Introduction</h1><h2>1.4 Certificate usage</h2><h3>1.4.1 Appropriate "
               "certificate uses</h3><p>Certificates are used for email protection.</p>",
               &p);
    assert_int_equal(p.scopes, PROFILE_SCOPE_SMIME);
    profile_free(&p);
}

static void test_unknown_and_other_language(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("de", "Zertifizierungsrichtlinie",
               "<h1>1 Einleitung</h1><p>Dieses Dokument beschreibt die Regeln.</p>", &p);
    assert_int_equal(p.kind, PROFILE_KIND_UNKNOWN);
    assert_int_equal(p.scopes, 0u);
    profile_free(&p);
    profile_of("en", "", "", &p);
    assert_int_equal(p.kind, PROFILE_KIND_UNKNOWN);
    assert_int_equal(p.nev, 0);
    profile_free(&p);
}

static void test_contradiction_note(void **state)
{
    (void)state;
    doc_profile p;
    profile_of("en", "Example S/MIME Certification Practice Statement",
               "<h1>7 Profiles</h1><h2>7.1 Certificate profile</h2><h3>7.1.6 Certificate policy "
               "object identifier</h3><p>Certificates assert 2.23.140.1.5.1.2 and "
               "2.23.140.1.2.1.</p>",
               &p);
    assert_int_equal(p.scopes, PROFILE_SCOPE_TLS | PROFILE_SCOPE_SMIME);
    assert_non_null(p.note);
    assert_non_null(strstr(p.note, "contradictory evidence"));
    profile_free(&p);
}

static void test_parsers(void **state)
{
    (void)state;
    assert_int_equal(profile_kind_parse("cp"), PROFILE_KIND_CP);
    assert_int_equal(profile_kind_parse("cp-cps"), PROFILE_KIND_CP_CPS);
    assert_int_equal(profile_kind_parse("not-a-policy"), PROFILE_KIND_NOT_POLICY);
    assert_int_equal(profile_kind_parse("CPS"), -1);
    assert_int_equal(profile_kind_parse(""), -1);
    assert_int_equal(profile_scopes_parse("tls-server,smime"), PROFILE_SCOPE_TLS | PROFILE_SCOPE_SMIME);
    assert_int_equal(profile_scopes_parse("other"), PROFILE_SCOPE_OTHER);
    assert_int_equal(profile_scopes_parse("tls-server,"), 0u);
    assert_int_equal(profile_scopes_parse("tls"), 0u);
    assert_int_equal(profile_scopes_parse(""), 0u);
    char s[64];
    profile_scopes_str(PROFILE_SCOPE_CODE | PROFILE_SCOPE_TLS, s, sizeof s);
    assert_string_equal(s, "tls-server,code-signing");
    profile_scopes_str(0, s, sizeof s);
    assert_string_equal(s, "unknown");
}

static void test_delegation(void **state)
{
    (void)state;
    size_t cs, ce;
    const char *yes[] = {
        "the ca shall identify in section 4.2 of the cps the issuer domain names.",
        "contact details are as specified in the cps of each issuing ca.",
        "les methodes sont definies dans la dpc.",
        "la dpc precise les coordonnees du point de contact.",
        NULL};
    const char *no[] = {
        "the procedure set forth in its certificate policy and/or certification practice statement.",
        "this cps describes the contact details.",
        "the ca publishes its cps online.",
        "la presente pc fixe les exigences.",
        NULL};
    for (int i = 0; yes[i]; i++) {
        if (!profile_delegates(yes[i], strlen(yes[i]), &cs, &ce))
            print_message("no delegation found in: %s\n", yes[i]);
        assert_true(profile_delegates(yes[i], strlen(yes[i]), &cs, &ce));
        assert_true(ce > cs);
    }
    for (int i = 0; no[i]; i++) {
        if (profile_delegates(no[i], strlen(no[i]), &cs, &ce))
            print_message("delegation wrongly found in: %s\n", no[i]);
        assert_false(profile_delegates(no[i], strlen(no[i]), &cs, &ce));
    }
}

static int setup(void **state)
{
    (void)state;
    fixture_spec(&spec);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_spec_free(&spec);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tls_cps_en),
        cmocka_unit_test(test_cp_fr_and_combined),
        cmocka_unit_test(test_standard_not_a_policy),
        cmocka_unit_test(test_negated_eku_and_other),
        cmocka_unit_test(test_excluded_types_not_evidence),
        cmocka_unit_test(test_unknown_and_other_language),
        cmocka_unit_test(test_contradiction_note),
        cmocka_unit_test(test_parsers),
        cmocka_unit_test(test_delegation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

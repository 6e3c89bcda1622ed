/* Unit tests: what a require rule reads (its subtree, "see Section X"
 * references one hop, never headings, references or definitions, each
 * pattern on blocks of its language), subject and statement in one
 * sentence, the evidence of a pass, and kind version. Small HTML
 * documents through the real pipeline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"

static outline_spec spec;
static matcher mt;
static ruleset rs;

static const char *rules_text =
    "[t.report]\n"
    "message = m\nseverity = error\ncite = c\nkind = require\nscope = 4.9.5\n"
    "match = \\b24\\s+hours\\b\n"
    "example.bad = no\nexample.good = within 24 hours\n"
    "\n"
    "[t.strict]\n"
    "message = m\nseverity = error\ncite = c\nkind = require\nscope = 1.5.2\nscope-strict = yes\n"
    "match = [a-z]+@[a-z]+\\.test\n"
    "example.bad = no\nexample.good = a@b.test\n"
    "\n"
    "[t.together]\n"
    "message = m\nseverity = warning\ncite = c\nkind = require\nscope = 4.9.3 4.10.2\n"
    "also-in = clause\nmatch-label = 24x7\nalso-label = requests\n"
    "match = \\b24x7\\b\nalso = \\brequests?\\b\n"
    "example.bad = status services are available 24x7\nexample.good = requests are accepted 24x7\n"
    "\n"
    "[t.lang]\n"
    "message = m\nseverity = error\ncite = c\nkind = require\nscope = doc\n"
    "match.fr = \\bprime\\b\nmatch.en = \\bprevails?\\b\n"
    "example.bad = nothing\nexample.good = the English text prevails\n"
    "example.bad.fr = rien\nexample.good.fr = la loi prime\n"
    "\n"
    "[t.ccadb]\n"
    "message = m\nseverity = error\ncite = c\nkind = require\nscope = doc\n"
    "match = \\bccadb\\s+policy\\b\n"
    "example.bad = nothing\nexample.good = The CA adheres to the CCADB Policy.\n"
    "\n"
    "[t.suspend]\n"
    "message = m\nseverity = error\ncite = c\nkind = forbid\nscope = 4.9.13 4.9.14\nheadings = no\n"
    "match = \\bsuspension\\b\nunless = \\bnot\\b\n"
    "example.bad = suspension is allowed\nexample.good = suspension is not allowed\n"
    "\n"
    "[t.version]\n"
    "message = m\nseverity = warning\ncite = c\nkind = version\nscope = doc\n"
    "min-version = 1.4.9 from 2018-08-12; 2.1.7 from 2026-08-26\n"
    "match = \\bversion\\s+\\d+\\.\\d+(?:\\.\\d+)?\\s+of\\s+the\\s+baseline\\s+requirements\\b\n"
    "example.bad@2026-11-27 = conforms to version 1.4.2 of the Baseline Requirements\n"
    "example.good@2026-11-27 = conforms to version 2.2.0 of the Baseline Requirements\n";

static void run_doc(analysis *a, const char *lang, const char *body)
{
    buf b = BUF_INIT;
    buf_printf(&b, "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\"><title>CPS"
                   "</title></head><body>\n<p>Example CA Certification Practice Statement</p>\n",
               lang);
    buf_puts(&b, body);
    buf_puts(&b, "</body></html>\n");
    analysis_opts o;
    memset(&o, 0, sizeof o);
    cps_err e;
    cps_err_clear(&e);
    int rc = analysis_run_bytes("t.html", (const unsigned char *)buf_cstr(&b), b.len, &spec, &o,
                                a, &e);
    if (rc)
        print_message("%s\n", e.msg);
    assert_int_equal(rc, 0);
    buf_free(&b);
}

/* The item of rule id, as of 2026-11-27 (the result kept in *r). */
static const check_item *run_rule(analysis *a, const char *id, check_result *r)
{
    check_input in = {a, NULL, date_parse_iso("2026-11-27"), &spec, NULL};
    cps_err e;
    assert_int_equal(check_run(&rs, &in, &mt, r, &e), 0);
    for (size_t i = 0; i < r->nitems; i++)
        if (!strcmp(r->items[i].rule->id, id))
            return &r->items[i];
    fail_msg("no item %s", id);
    return NULL;
}

static check_status status(const char *lang, const char *body, const char *id)
{
    analysis a;
    check_result r;
    run_doc(&a, lang, body);
    check_status st = run_rule(&a, id, &r)->status;
    check_result_free(&r);
    analysis_free(&a);
    return st;
}

static const char *h495 = "<h1>4 Life cycle</h1><h2>4.9 Revocation</h2>"
                          "<h3>4.9.3 Procedure for revocation request</h3>";

static void test_references_one_hop(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    /* "Please see Section 4.9.3." in 4.9.5: read there, with its evidence */
    buf_printf(&b, "%s<p>We answer within 24 hours of a report.</p>"
                   "<h3>4.9.5 Time to process</h3><p>Please see Section 4.9.3.</p>", h495);
    analysis a;
    check_result r;
    run_doc(&a, "en", buf_cstr(&b));
    const check_item *it = run_rule(&a, "t.report", &r);
    assert_int_equal(it->status, ST_PASS);
    assert_int_equal(it->nevidence, 1);
    assert_string_equal(it->evidence[0].section, "4.9.3");
    assert_string_equal(it->evidence[0].quote, "We answer within 24 hours of a report.");
    assert_true(it->evidence[0].line > 0);
    check_result_free(&r);
    analysis_free(&a);
    /* French: "voir la section 4.9.3" */
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>Nous répondons en 24 hours.</p><h3>4.9.5 Délai</h3>"
                   "<p>Voir la section 4.9.3.</p>", h495);
    assert_int_equal(status("fr", buf_cstr(&b), "t.report"), ST_PASS);
    /* no reference: 4.9.3 is not read */
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>We answer within 24 hours of a report.</p>"
                   "<h3>4.9.5 Time to process</h3><p>Promptly.</p>", h495);
    assert_int_equal(status("en", buf_cstr(&b), "t.report"), ST_FAIL);
    /* a section of another document is not a reference */
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>We answer within 24 hours of a report.</p><h3>4.9.5 Time to "
                   "process</h3><p>See Section 4.9.3 of the Baseline Requirements.</p>", h495);
    assert_int_equal(status("en", buf_cstr(&b), "t.report"), ST_FAIL);
    /* one hop only: 4.9.5 -> 4.9.4 -> 4.9.3 is not followed */
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>We answer within 24 hours of a report.</p><h3>4.9.4 Grace period</h3>"
                   "<p>See Section 4.9.3.</p><h3>4.9.5 Time to process</h3>"
                   "<p>See Section 4.9.4.</p>", h495);
    assert_int_equal(status("en", buf_cstr(&b), "t.report"), ST_FAIL);
    /* scope-strict: 1.5.2 pointing to 1.5.1 does not do */
    assert_int_equal(status("en", "<h1>1 Introduction</h1><h2>1.5 Administration</h2>"
                                  "<h3>1.5.1 Organization</h3><p>Write to pma@example.test.</p>"
                                  "<h3>1.5.2 Contact person</h3><p>See Section 1.5.1.</p>",
                            "t.strict"),
                     ST_FAIL);
    /* ... but a subsection of 1.5.2 does */
    assert_int_equal(status("en", "<h1>1 Introduction</h1><h2>1.5 Administration</h2>"
                                  "<h3>1.5.2 Contact person</h3><p>As follows.</p>"
                                  "<h4>1.5.2.1 Email</h4><p>pma@example.test</p>",
                            "t.strict"),
                     ST_PASS);
    buf_free(&b);
}

static void test_subject_in_the_sentence(void **state)
{
    (void)state;
    const char *h = "<h1>4 Life cycle</h1><h2>4.10 Status services</h2>"
                    "<h3>4.10.2 Service availability</h3>";
    buf b = BUF_INIT;
    buf_printf(&b, "%s<p>Status services are available 24x7. Revocation requests are "
                   "handled on business days.</p>", h);
    analysis a;
    check_result r;
    run_doc(&a, "en", buf_cstr(&b));
    const check_item *it = run_rule(&a, "t.together", &r);
    assert_int_equal(it->status, ST_FAIL);
    assert_int_equal(it->nevidence, 0);
    int seen = 0;
    for (size_t i = 0; i < r.nf; i++)
        if (r.f[i].rule == it->rule) {
            seen = 1;
            assert_non_null(strstr(r.f[i].message, "no requests found in the same sentence as a 24x7"));
        }
    assert_true(seen);
    check_result_free(&r);
    analysis_free(&a);
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>Status services are available 24x7; revocation requests are "
                   "accepted at any hour.</p><p>Requests are accepted 24x7.</p>", h);
    run_doc(&a, "en", buf_cstr(&b));
    it = run_rule(&a, "t.together", &r);
    assert_int_equal(it->status, ST_PASS);
    /* the first sentence holds both (joined across "; "), quoted once */
    assert_int_equal(it->nevidence, 1);
    assert_non_null(strstr(it->evidence[0].quote, "revocation requests are accepted"));
    check_result_free(&r);
    analysis_free(&a);
    buf_free(&b);
}

static void test_languages_headings_references(void **state)
{
    (void)state;
    const char *h = "<h1>6 Technical</h1><h2>6.1 Key pair</h2><h3>6.1.6 Parameters</h3>";
    buf b = BUF_INIT;
    /* an English "power of a prime" is not the French "prime" */
    buf_printf(&b, "%s<p>The modulus is an odd number, not the power of a prime, and has no "
                   "factors smaller than 752, as the standard requires for all of the keys.</p>", h);
    assert_int_equal(status("en", buf_cstr(&b), "t.lang"), ST_FAIL);
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>En cas de contradiction, la présente politique prime sur les "
                   "autres documents de l'AC et sur les contrats conclus avec les porteurs.</p>", h);
    assert_int_equal(status("fr", buf_cstr(&b), "t.lang"), ST_PASS);
    /* the policy named only in the references: no pass */
    assert_int_equal(status("en", "<h1>1 Introduction</h1><h2>1.6 Definitions and acronyms</h2>"
                                  "<h3>1.6.3 References</h3><p>[CCADB] CCADB Policy, version 2.1."
                                  "</p>",
                            "t.ccadb"),
                     ST_FAIL);
    assert_int_equal(status("en", "<h1>9 Other matters</h1><h2>9.17 Miscellaneous</h2>"
                                  "<h3>Bibliography</h3><p>CCADB Policy, version 2.1.</p>",
                            "t.ccadb"),
                     ST_FAIL);
    assert_int_equal(status("en", "<h1>1 Introduction</h1><h2>1.1 Overview</h2>"
                                  "<p>The CA adheres to the CCADB Policy.</p>",
                            "t.ccadb"),
                     ST_PASS);
    /* a heading never satisfies a require rule */
    assert_int_equal(status("en", "<h1>1 Introduction</h1><h2>1.1 CCADB Policy</h2><p>Text.</p>",
                            "t.ccadb"),
                     ST_FAIL);
    /* headings = no: the RFC 3647 title is not a statement */
    const char *s = "<h1>4 Life cycle</h1><h2>4.9 Revocation</h2><h3>4.9.13 Circumstances for "
                    "suspension</h3><p>Suspension is not supported.</p><h3>4.9.14 Who can "
                    "request suspension</h3><p>Refer to Section 4.9.13.</p>";
    assert_int_equal(status("en", s, "t.suspend"), ST_PASS);
    buf_free(&b);
}

static void test_version(void **state)
{
    (void)state;
    const char *h = "<h1>1 Introduction</h1><h2>1.1 Overview</h2>";
    buf b = BUF_INIT;
    buf_printf(&b, "%s<p>The CA conforms to version 1.4.2 of the Baseline Requirements.</p>", h);
    analysis a;
    check_result r;
    run_doc(&a, "en", buf_cstr(&b));
    const check_item *it = run_rule(&a, "t.version", &r);
    assert_int_equal(it->status, ST_FAIL);
    for (size_t i = 0; i < r.nf; i++)
        if (r.f[i].rule == it->rule)
            assert_non_null(strstr(r.f[i].message, "names version 1.4.2; as of 2026-11-27"));
    check_result_free(&r);
    analysis_free(&a);
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>The CA conforms to version 2.2.6 of the Baseline Requirements.</p>", h);
    assert_int_equal(status("en", buf_cstr(&b), "t.version"), ST_PASS);
    /* in the references it is a citation, not a statement */
    assert_int_equal(status("en", "<h1>1 Introduction</h1><h2>1.6 Definitions</h2><h3>1.6.3 "
                                  "References</h3><p>[BR] version 1.4.2 of the Baseline "
                                  "Requirements.</p>",
                            "t.version"),
                     ST_PASS);
    buf_free(&b);
}

/* The keys of this module are refused where they mean nothing. */
static void test_keys_refused(void **state)
{
    (void)state;
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"kind = forbid\nscope = 1.1\nscope-strict = yes\n", "'scope-strict' and 'also-in' are for require rules"},
        {"kind = require\nscope = 1.1\nalso-in = clause\n", "'also-in' needs 'also' patterns"},
        {"kind = require\nscope = 1.1\nalso = y\nalso-in = sentence\n", "also-in: 'sentence' is not clause, block or scope"},
        {"kind = require\nscope = 1.1\nheadings = no\n", "'headings = no' is for forbid rules"},
        {"kind = forbid\nscope = 1.1\nheadings = yes\n", "'headings = yes' is for require rules"},
        {"kind = version\nscope = doc\n", "a version rule needs a 'min-version' schedule"},
        {"kind = version\nscope = doc\nmin-version = 1.4 from 2018-01-01; 1.3 from 2017-01-01\n", "steps must have ascending 'from' dates"},
        {"kind = version\nscope = doc\nmin-version = 1.4\n", "expected 'from YYYY-MM-DD' after the version"},
        {"kind = require\nscope = 1.1\nmin-version = 1.4 from 2018-01-01\n", "'min-version' is for version rules"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        buf b = BUF_INIT;
        buf_printf(&b, "[t.x]\nmessage = m\nseverity = error\ncite = c\n%smatch = x\n"
                       "example.bad = x\nexample.good = y\n", bad[i].text);
        ruleset r2;
        ruleset_init(&r2);
        cps_err e;
        cps_err_clear(&e);
        int rc = ruleset_load_buffer(&r2, "k.rules", buf_cstr(&b), b.len, &spec, &e);
        if (rc != CPS_E_RULES || !strstr(e.msg, bad[i].msg))
            print_message("case %zu: rc %d '%s' (wanted '%s')\n", i, rc, e.msg, bad[i].msg);
        assert_int_equal(rc, CPS_E_RULES);
        assert_non_null(strstr(e.msg, bad[i].msg));
        ruleset_free(&r2);
        buf_free(&b);
    }
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
    ruleset_init(&rs);
    if (ruleset_load_buffer(&rs, "test.rules", rules_text, strlen(rules_text), &spec, &e)) {
        print_message("%s\n", e.msg);
        return -1;
    }
    return matcher_init(&mt, 0, 0, 0, &e);
}

static int teardown(void **state)
{
    (void)state;
    matcher_free(&mt);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_references_one_hop),
        cmocka_unit_test(test_subject_in_the_sentence),
        cmocka_unit_test(test_languages_headings_references),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_keys_refused),
    };
    return cmocka_run_group_tests_name("require", tests, setup, teardown);
}

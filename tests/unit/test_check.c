/* Unit tests: rule evaluation over small HTML documents run through the
 * real pipeline (HTML parser, outline, folding): every kind, every status,
 * date boundaries, clause handling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "data.h"

static outline_spec spec;
static matcher mt;

static const char *rules_text =
    "let dv = (?<![\\d.])3\\.2\\.2\\.4\\s*(?:\\.\\s*|\\(\\s*)\n"
    "let no = \\b(?:not\\s+used|reserved|no\\s+longer)\\b|\\bn'est\\s+plus\\b|\\bsans\\s+objet\\b\n"
    "[t.dv5]\n"
    "message = offers 3.2.2.4.5\nseverity = error\ncite = BR 3.2.2.4.5\n"
    "effective = 2018-08-01\nkind = forbid\nscope = doc\nexample-section = 3.2.2.4\n"
    "match = ${dv}5(?:\\s*\\))?(?!\\d)\nunless = ${no}\n"
    "example.bad = uses 3.2.2.4.5\nexample.good = 3.2.2.4.5 is not used\n"
    "\n"
    "[t.window]\n"
    "message = sunset\nseverity = warning\ncite = c\n"
    "effective = 2026-03-15\nuntil = 2028-03-15\nkind = forbid\nscope = 3.2\n"
    "match = \\bmethod four\\b\n"
    "example.bad = method four\nexample.good = method five\n"
    "\n"
    "[t.contact]\n"
    "message = 1.5.2 means and instructions\nseverity = error\ncite = BR 4.9.3\n"
    "effective = 2018-10-14\nkind = require\nscope = 1.5.2\n"
    "match = [a-z0-9.]+@[a-z0-9.-]+\\.[a-z]{2,}\n"
    "also = \\bkey\\s+compromise\\b|\\bcompromission\\b\n"
    "match-label = contact means\nalso-label = instructions\n"
    "example.bad = none\nexample.good = report key compromise to a@b.org\n"
    "\n"
    "[t.forbid-in-4]\n"
    "message = no foo in 4.9\nseverity = notice\ncite = c\nkind = forbid\nscope = 4.9\n"
    "match = \\bfoo\\b\n"
    "example.bad = foo\nexample.good = bar\n"
    "\n"
    "[t.missing]\n"
    "message = every section\nseverity = error\ncite = MRSP\neffective = 2020-01-01\n"
    "doc-dated-from = 2020-04-01\nkind = structure\ncheck = missing\n"
    "example.bad = without 1.5.2\nexample.good = complete\n"
    "\n"
    "[t.blank]\n"
    "message = no blank\nseverity = error\ncite = MRSP\nkind = structure\ncheck = blank\n"
    "example.bad = blank 1.5.3\nexample.good = complete\n"
    "\n"
    "[t.english]\n"
    "message = english\nseverity = error\ncite = CCADB\neffective = 2017-06-01\n"
    "authoritative-from = 2023-10-25\nkind = language\ncheck = english-version\n"
    "link = \\b(?:english|anglaise?)\\b\n"
    "match = \\bfrench\\s+version\\s+(?:shall\\s+)?prevails?\\b|\\bseule\\s+la\\s+version\\s+francaise\\s+fait\\s+foi\\b\n"
    "example.bad = in case of conflict the French version shall prevail\n"
    "example.good = This English version is authoritative.\n";

static ruleset rs;

static const char *fr_para =
    "<p>La pr\xC3\xA9sente D\xC3\xA9" "claration des Pratiques de Certification d\xC3\xA9" "crit les "
    "pratiques de l'autorit\xC3\xA9 de certification pour la d\xC3\xA9livrance et la gestion des "
    "certificats, et les obligations des porteurs et des utilisateurs de ces certificats dans "
    "le cadre de la pr\xC3\xA9sente politique.</p>\n";

/* A document: front matter with a date (or none), then body (headings and
 * text). lang "en"/"fr". */
static void run_doc(analysis *a, const char *lang, const char *date, const char *body)
{
    buf b = BUF_INIT;
    buf_printf(&b, "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\"><title>CPS</title>"
                   "</head><body>\n<p>Example CA Certification Practice Statement</p>\n", lang);
    if (date)
        buf_printf(&b, "<p>Version 1.0</p><p>Effective date: %s</p>\n", date);
    buf_puts(&b, body);
    buf_puts(&b, "</body></html>\n");
    analysis_opts o;
    memset(&o, 0, sizeof o);
    cps_err e;
    cps_err_clear(&e);
    int rc = analysis_run_bytes("test.html", (const unsigned char *)buf_cstr(&b), b.len, &spec, &o, a, &e);
    if (rc)
        print_message("%s\n", e.msg);
    assert_int_equal(rc, 0);
    buf_free(&b);
}

static const check_item *item(const check_result *r, const char *id)
{
    for (size_t i = 0; i < r->nitems; i++)
        if (!strcmp(r->items[i].rule->id, id))
            return &r->items[i];
    fail_msg("no item %s", id);
    return NULL;
}

static check_status status_of(analysis *a, const char *id, const char *as_of, check_result *keep)
{
    check_input in = {a, NULL, date_parse_iso(as_of), &spec};
    check_result r;
    cps_err e;
    check_run(&rs, &in, &mt, &r, &e);
    assert_int_equal(r.nitems, rs.n); /* one item per rule */
    check_status st = item(&r, id)->status;
    if (keep)
        *keep = r;
    else
        check_result_free(&r);
    return st;
}

static const char *dv_body =
    "<h1>3 Identification and authentication</h1>\n"
    "<h2>3.2 Initial identity validation</h2>\n"
    "<h3>3.2.2 Authentication of organization identity</h3>\n"
    "<p>The CA validates domains with BR3.2.2.4.5 (domain authorization document).</p>\n";

static void test_forbid_dates_and_boundaries(void **state)
{
    (void)state;
    analysis a;
    run_doc(&a, "en", NULL, dv_body);
    /* effective 2018-08-01: far before -> not-effective; within 180 days
     * -> upcoming; the day of and after -> fail */
    assert_int_equal(status_of(&a, "t.dv5", "2017-01-01", NULL), ST_NOT_EFFECTIVE);
    check_result r;
    assert_int_equal(status_of(&a, "t.dv5", "2018-07-31", &r), ST_UPCOMING);
    assert_int_equal(item(&r, "t.dv5")->severity, SEV_WARNING);
    assert_true(r.warnings >= 1);
    int found = 0;
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.dv5")) {
            found = 1;
            assert_int_equal(r.f[i].status, ST_UPCOMING);
            assert_int_equal(r.f[i].severity, SEV_WARNING);
        }
    assert_true(found);
    check_result_free(&r);
    assert_int_equal(status_of(&a, "t.dv5", "2018-02-02", NULL), ST_UPCOMING); /* 180 days */
    assert_int_equal(status_of(&a, "t.dv5", "2018-02-01", NULL), ST_NOT_EFFECTIVE); /* 181 */
    assert_int_equal(status_of(&a, "t.dv5", "2018-08-01", &r), ST_FAIL);
    assert_int_equal(r.errors, 1);
    const finding *f = NULL;
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.dv5"))
            f = &r.f[i];
    assert_non_null(f);
    assert_string_equal(f->section, "3.2.2");
    assert_non_null(f->snippet);
    assert_true(f->mark_end > f->mark_start);
    assert_memory_equal(f->snippet + f->mark_start, "3.2.2.4.5", 9);
    assert_string_equal(f->match, "3.2.2.4.5");
    check_result_free(&r);
    assert_int_equal(status_of(&a, "t.dv5", "2018-08-02", NULL), ST_FAIL);
    /* until is exclusive: the day before passes through, the day of ends */
    assert_int_equal(status_of(&a, "t.window", "2028-03-14", NULL), ST_PASS);
    assert_int_equal(status_of(&a, "t.window", "2028-03-15", NULL), ST_NOT_EFFECTIVE);
    assert_int_equal(status_of(&a, "t.window", "2026-03-15", NULL), ST_PASS);
    assert_int_equal(status_of(&a, "t.window", "2026-03-14", NULL), ST_NOT_EFFECTIVE); /* would pass */
    analysis_free(&a);
}

static void test_forbid_clauses(void **state)
{
    (void)state;
    analysis a;
    /* Cancelled in its own sentence; offered in the next one. */
    run_doc(&a, "en", NULL,
            "<h1>3 Identification</h1><h2>3.2 Initial</h2>"
            "<p>Method 3.2.2.4.5 is no longer used. The RA applies 3.2.2.4(5) to wildcards.</p>");
    check_result r;
    assert_int_equal(status_of(&a, "t.dv5", "2020-01-01", &r), ST_FAIL);
    assert_int_equal(item(&r, "t.dv5")->nfindings, 1);
    check_result_free(&r);
    analysis_free(&a);
    /* A reserved heading, a heading whose text says "not used", and a
     * list introduced by a paragraph that says they are not used. */
    run_doc(&a, "en", NULL,
            "<h1>3 Identification</h1><h2>3.2 Initial</h2><h3>3.2.2 Org</h3>"
            "<h4>3.2.2.4 Validation of domain authorization</h4><p>Methods below.</p>"
            "<h5>3.2.2.4.5 Domain Authorization Document</h5><p>Not used.</p>"
            "<p>The following methods are not used:</p><ul><li>3.2.2.4.5</li></ul>");
    assert_int_equal(status_of(&a, "t.dv5", "2020-01-01", NULL), ST_PASS);
    analysis_free(&a);
    /* French: "n'est plus utilisée" with a typographic apostrophe. */
    run_doc(&a, "fr", NULL,
            "<h1>3 Identification</h1><h2>3.2 Validation</h2>"
            "<p>La m\xC3\xA9thode BR3.2.2.4.5 n\xE2\x80\x99" "est plus utilis\xC3\xA9" "e.</p>");
    assert_int_equal(status_of(&a, "t.dv5", "2020-01-01", NULL), ST_PASS);
    analysis_free(&a);
    /* A heading describing the method is an offer. */
    run_doc(&a, "en", NULL,
            "<h1>3 Identification</h1><h2>3.2 Initial</h2><h3>3.2.2 Org</h3>"
            "<h4>3.2.2.4.5 Domain Authorization Document</h4>"
            "<p>The CA relies on a Domain Authorization Document signed by the Domain Contact.</p>");
    assert_int_equal(status_of(&a, "t.dv5", "2020-01-01", NULL), ST_FAIL);
    analysis_free(&a);
    /* 3.2.2.4.50 and 13.2.2.4.5 are other numbers. */
    run_doc(&a, "en", NULL,
            "<h1>3 Identification</h1><h2>3.2 Initial</h2>"
            "<p>See 3.2.2.4.50 and 13.2.2.4.5.</p>");
    assert_int_equal(status_of(&a, "t.dv5", "2020-01-01", NULL), ST_PASS);
    analysis_free(&a);
}

static void test_forbid_absent_scope_is_na(void **state)
{
    (void)state;
    analysis a;
    run_doc(&a, "en", NULL, "<h1>1 Introduction</h1><p>foo</p>");
    check_result r;
    assert_int_equal(status_of(&a, "t.forbid-in-4", "2020-01-01", &r), ST_NA);
    assert_non_null(item(&r, "t.forbid-in-4")->note);
    check_result_free(&r);
    analysis_free(&a);
    run_doc(&a, "en", NULL, "<h1>4 Life cycle</h1><h2>4.9 Revocation</h2><p>foo</p>");
    assert_int_equal(status_of(&a, "t.forbid-in-4", "2020-01-01", &r), ST_FAIL);
    assert_int_equal(r.notices, 1);
    check_result_free(&r);
    analysis_free(&a);
}

static void test_require(void **state)
{
    (void)state;
    analysis a;
    const char *head = "<h1>1 Introduction</h1><h2>1.5 Policy administration</h2>"
                       "<h3>1.5.2 Contact person</h3>";
    buf b = BUF_INIT;
    /* both: pass */
    buf_printf(&b, "%s<p>Report a key compromise to cpr@example.com.</p>", head);
    run_doc(&a, "en", NULL, buf_cstr(&b));
    assert_int_equal(status_of(&a, "t.contact", "2020-01-01", NULL), ST_PASS);
    analysis_free(&a);
    /* a pointer only: no contact means */
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>To report a key compromise see section 4.9.3.</p>", head);
    run_doc(&a, "en", NULL, buf_cstr(&b));
    check_result r;
    assert_int_equal(status_of(&a, "t.contact", "2020-01-01", &r), ST_FAIL);
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.contact")) {
            assert_string_equal(r.f[i].section, "1.5.2");
            assert_non_null(strstr(r.f[i].message, "no contact means found in section 1.5.2"));
        }
    check_result_free(&r);
    analysis_free(&a);
    /* instructions only in another section */
    buf_truncate(&b, 0);
    buf_printf(&b, "%s<p>Write to pma@example.com.</p><h1>4 Life cycle</h1><h2>4.9 R</h2>"
                   "<h3>4.9.3 Procedure</h3><p>Report a key compromise to cpr@example.com.</p>", head);
    run_doc(&a, "en", NULL, buf_cstr(&b));
    assert_int_equal(status_of(&a, "t.contact", "2020-01-01", &r), ST_FAIL);
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.contact"))
            assert_non_null(strstr(r.f[i].message, "no instructions"));
    check_result_free(&r);
    analysis_free(&a);
    /* the scope section missing altogether */
    run_doc(&a, "en", NULL, "<h1>1 Introduction</h1><p>Text.</p>");
    assert_int_equal(status_of(&a, "t.contact", "2020-01-01", &r), ST_FAIL);
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.contact"))
            assert_non_null(strstr(r.f[i].message, "section 1.5.2 is missing"));
    check_result_free(&r);
    analysis_free(&a);
    /* before 2018-10-14 the rule is not in force (more than 180 days) */
    run_doc(&a, "en", NULL, "<h1>1 Introduction</h1><p>Text.</p>");
    assert_int_equal(status_of(&a, "t.contact", "2017-04-13", NULL), ST_NOT_EFFECTIVE);
    assert_int_equal(status_of(&a, "t.contact", "2018-10-13", NULL), ST_UPCOMING);
    assert_int_equal(status_of(&a, "t.contact", "2018-10-14", NULL), ST_FAIL);
    analysis_free(&a);
    buf_free(&b);
}

static void test_structure_and_doc_date(void **state)
{
    (void)state;
    analysis a;
    run_doc(&a, "en", "2021-05-04",
            "<h1>1 Introduction</h1><p>Text.</p><h2>1.1 Overview</h2>"
            "<h2>1.2 Document name and identification</h2><p>Text.</p>");
    assert_int_equal(a.meta.date, date_from_ymd(2021, 5, 4));
    check_result r;
    assert_int_equal(status_of(&a, "t.missing", "2022-01-01", &r), ST_FAIL);
    assert_true(item(&r, "t.missing")->nfindings > 200);
    int saw = 0;
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.missing") && !strcmp(r.f[i].section, "1.5.2")) {
            saw = 1;
            assert_string_equal(r.f[i].heading, "Contact person");
        }
    assert_true(saw);
    check_result_free(&r);
    assert_int_equal(status_of(&a, "t.blank", "2022-01-01", &r), ST_FAIL);
    check_result_free(&r);
    analysis_free(&a);
    /* dated before doc-dated-from: n/a */
    run_doc(&a, "en", "2020-03-31", "<h1>1 Introduction</h1><p>Text.</p>");
    assert_int_equal(status_of(&a, "t.missing", "2022-01-01", &r), ST_NA);
    check_result_free(&r);
    analysis_free(&a);
    run_doc(&a, "en", "2020-04-01", "<h1>1 Introduction</h1><p>Text.</p>");
    assert_int_equal(status_of(&a, "t.missing", "2022-01-01", NULL), ST_FAIL);
    analysis_free(&a);
}

static void test_language(void **state)
{
    (void)state;
    analysis a, t;
    buf b = BUF_INIT;
    buf_printf(&b, "<h1>1 Introduction</h1>%s", fr_para);
    run_doc(&a, "fr", NULL, buf_cstr(&b));
    assert_string_equal(a.lang, "fr");
    assert_int_equal(status_of(&a, "t.english", "2019-01-01", NULL), ST_FAIL);
    assert_int_equal(status_of(&a, "t.english", "2016-01-01", NULL), ST_NOT_EFFECTIVE);
    analysis_free(&a);
    /* a link to the English version */
    buf_printf(&b, "<p>Voir la <a href=\"dpc-en.pdf\">version anglaise</a>.</p>");
    run_doc(&a, "fr", NULL, buf_cstr(&b));
    assert_int_equal(status_of(&a, "t.english", "2019-01-01", NULL), ST_PASS);
    analysis_free(&a);
    /* a translation given: authoritative from 2023-10-25 */
    buf_truncate(&b, 0);
    buf_printf(&b, "<h1>1 Introduction</h1>%s", fr_para);
    run_doc(&a, "fr", NULL, buf_cstr(&b));
    run_doc(&t, "en", NULL,
            "<h1>1 Introduction</h1><p>This Certification Practice Statement describes the "
            "practices of the certification authority for the issuance and management of the "
            "certificates. In case of conflict the French version shall prevail over this text.</p>");
    check_input in = {&a, &t, date_parse_iso("2023-10-24"), &spec};
    check_result r;
    cps_err e;
    check_run(&rs, &in, &mt, &r, &e);
    assert_int_equal(r.nitems, rs.n); /* one item per rule */
    assert_int_equal(item(&r, "t.english")->status, ST_PASS);
    check_result_free(&r);
    in.as_of = date_parse_iso("2023-10-25");
    check_run(&rs, &in, &mt, &r, &e);
    assert_int_equal(r.nitems, rs.n); /* one item per rule */
    assert_int_equal(item(&r, "t.english")->status, ST_FAIL);
    int in_translation = 0;
    for (size_t i = 0; i < r.nf; i++)
        if (!strcmp(r.f[i].rule->id, "t.english"))
            in_translation |= r.f[i].translation;
    assert_true(in_translation);
    check_result_free(&r);
    analysis_free(&t);
    analysis_free(&a);
    buf_free(&b);
}

static void test_limit_gives_error_status(void **state)
{
    (void)state;
    ruleset rs2;
    ruleset_init(&rs2);
    char path[] = "/tmp/cpslint-check-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *t = "[t.slow]\nmessage = m\nseverity = error\ncite = c\nkind = forbid\nscope = doc\n"
                    "match = ^(a+)+$\nexample.bad = aaa\nexample.good = ccc\n";
    assert_int_equal(write(fd, t, strlen(t)), (ssize_t)strlen(t));
    close(fd);
    cps_err e;
    assert_int_equal(ruleset_load_file(&rs2, path, &spec, &e), 0);
    unlink(path);
    analysis a;
    run_doc(&a, "en", NULL, "<h1>1 Introduction</h1><p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!</p>");
    matcher small;
    assert_int_equal(matcher_init(&small, 1000, 0, 0, &e), 0);
    check_input in = {&a, NULL, date_parse_iso("2020-01-01"), &spec};
    check_result r;
    check_run(&rs2, &in, &small, &r, &e);
    assert_int_equal(r.nitems, rs2.n); /* one item per rule */
    assert_int_equal(r.items[0].status, ST_ERROR);
    assert_int_equal(r.nf, 0);
    assert_non_null(strstr(r.items[0].note, "(-47)"));
    check_result_free(&r);
    matcher_free(&small);
    analysis_free(&a);
    ruleset_free(&rs2);
}

static void test_examples_of_test_rules(void **state)
{
    (void)state;
    for (size_t i = 0; i < rs.n; i++)
        for (size_t k = 0; k < rs.rules[i].nexamples; k++) {
            int fired = -1;
            char *detail = NULL;
            cps_err e;
            cps_err_clear(&e);
            int rc = check_example(&rs.rules[i], &rs.rules[i].examples[k], &spec, &mt, &fired,
                                   &detail, &e);
            if (rc || fired != rs.rules[i].examples[k].bad)
                print_message("%s example %zu: rc %d fired %d %s %s\n", rs.rules[i].id, k, rc,
                              fired, e.msg, detail ? detail : "");
            assert_int_equal(rc, 0);
            assert_int_equal(fired, rs.rules[i].examples[k].bad);
            free(detail);
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
    char path[] = "/tmp/cpslint-rules-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, rules_text, strlen(rules_text)) != (ssize_t)strlen(rules_text))
        return -1;
    close(fd);
    ruleset_init(&rs);
    int rc = ruleset_load_file(&rs, path, &spec, &e);
    unlink(path);
    if (rc) {
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
        cmocka_unit_test(test_forbid_dates_and_boundaries),
        cmocka_unit_test(test_forbid_clauses),
        cmocka_unit_test(test_forbid_absent_scope_is_na),
        cmocka_unit_test(test_require),
        cmocka_unit_test(test_structure_and_doc_date),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_limit_gives_error_status),
        cmocka_unit_test(test_examples_of_test_rules),
    };
    return cmocka_run_group_tests_name("check", tests, setup, teardown);
}

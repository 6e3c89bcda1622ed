/* Unit tests: the ruleset loader accepts the shipped format and refuses,
 * with FILE:LINE: rule ID: message, everything docs/rules-format.md says
 * it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ruleset.h"
#include "subject.h"
#include "spec_fixture.h"

static outline_spec spec;

static const char *good_rule =
    "[br.1.5.2.contact]\n"
    "title = t\n"
    "message = section 1.5.2 gives an email\n"
    "severity = error   # a trailing comment\n"
    "source = BR\n"
    "cite = BR 1.5.2\n"
    "effective = 2016-12-03\n"
    "kind = require\n"
    "scope = 1.5.2\n"
    "match = [a-z]+@[a-z]+\\.[a-z]{2,}\n"
    "example.bad = none\n"
    "example.good = pma@example.com\n"
    "example.bad.fr = aucun\n"
    "example.good.fr = pma@exemple.fr\n";

/* Write text to a temporary file; returns its malloc'd path. */
static char *write_tmp(const char *text)
{
    char *path = strdup("/tmp/cpslint-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

/* Load text; returns the rc and leaves the message in e. */
static int load_text(const char *text, ruleset *rs, cps_err *e, char **path_out)
{
    char *path = write_tmp(text);
    cps_err_clear(e);
    int rc = ruleset_load_file(rs, path, &spec, e);
    if (path_out)
        *path_out = path;
    else {
        unlink(path);
        free(path);
    }
    return rc;
}

/* Replace the first occurrence of `from` in good_rule with `to`. */
static char *variant(const char *from, const char *to)
{
    const char *p = strstr(good_rule, from);
    assert_non_null(p);
    size_t n = strlen(good_rule) - strlen(from) + strlen(to) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%.*s%s%s", (int)(p - good_rule), good_rule, to, p + strlen(from));
    return s;
}

static void expect_refusal(const char *text, const char *fragment, long line)
{
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    char *path = NULL;
    int rc = load_text(text, &rs, &e, &path);
    if (rc != CPS_E_RULES || !strstr(e.msg, fragment))
        print_message("got rc=%d msg=%s (wanted '%s')\n", rc, e.msg, fragment);
    assert_int_equal(rc, CPS_E_RULES);
    assert_non_null(strstr(e.msg, fragment));
    assert_int_equal(rs.n, 0);
    if (line > 0) {
        char want[600];
        snprintf(want, sizeof want, "%s:%ld: ", path, line);
        if (strncmp(e.msg, want, strlen(want)))
            print_message("message '%s' does not start with '%s'\n", e.msg, want);
        assert_true(strncmp(e.msg, want, strlen(want)) == 0);
    }
    unlink(path);
    free(path);
    ruleset_free(&rs);
}

static void test_accepts_good_rule(void **state)
{
    (void)state;
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    assert_int_equal(load_text(good_rule, &rs, &e, NULL), 0);
    assert_int_equal(rs.n, 1);
    const rule *r = &rs.rules[0];
    assert_string_equal(r->id, "br.1.5.2.contact");
    assert_int_equal(r->severity, SEV_ERROR);
    assert_int_equal(r->kind, KIND_REQUIRE);
    assert_int_equal(r->effective, date_from_ymd(2016, 12, 3));
    assert_int_equal(r->until, DATE_NONE);
    assert_int_equal(r->nscope, 1);
    assert_string_equal(r->scope[0], "1.5.2");
    assert_int_equal(r->match.n, 1);
    assert_int_equal(r->nexamples, 4);
    assert_string_equal(r->examples[2].lang, "fr");
    assert_int_equal(r->examples[2].bad, 1);
    ruleset_free(&rs);
}

static void test_refuses_unknown_key(void **state)
{
    (void)state;
    char *t = variant("kind = require\n", "kind = require\nseverty = error\n");
    expect_refusal(t, "rule br.1.5.2.contact: unknown key 'severty'", 9);
    free(t);
}

static void test_refuses_duplicate_id(void **state)
{
    (void)state;
    size_t n = 2 * strlen(good_rule) + 2;
    char *t = malloc(n);
    snprintf(t, n, "%s\n%s", good_rule, good_rule);
    expect_refusal(t, "rule br.1.5.2.contact: duplicate id (first at line 1)", 16);
    free(t);
}

static void test_refuses_duplicate_across_files(void **state)
{
    (void)state;
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    assert_int_equal(load_text(good_rule, &rs, &e, NULL), 0);
    assert_int_equal(load_text(good_rule, &rs, &e, NULL), CPS_E_RULES);
    assert_non_null(strstr(e.msg, "duplicate id (also in"));
    assert_int_equal(rs.n, 1); /* the second file left nothing behind */
    ruleset_free(&rs);
}

static void test_refuses_bad_dates(void **state)
{
    (void)state;
    char *t = variant("effective = 2016-12-03", "effective = 2016-13-03");
    expect_refusal(t, "effective: bad date '2016-13-03'", 7);
    free(t);
    t = variant("effective = 2016-12-03", "effective = 3 December 2016");
    expect_refusal(t, "bad date", 7);
    free(t);
    t = variant("effective = 2016-12-03", "effective = 2016-02-30");
    expect_refusal(t, "bad date", 7);
    free(t);
    t = variant("effective = 2016-12-03\n", "effective = 2016-12-03\nuntil = 2016-12-03\n");
    expect_refusal(t, "until (exclusive) must be after effective", 1);
    free(t);
}

/* adopted, effective.SECTION, a schedule step's adoption */
static void test_source_dates(void **state)
{
    (void)state;
    char *t = variant("effective = 2016-12-03\n",
                      "effective = 2016-12-03\nadopted = 2015-12-03\neffective.1.5.2 = 2018-10-14 # SC-006\n"
                      "dates = Ballot 156\n");
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    assert_int_equal(load_text(t, &rs, &e, NULL), 0);
    const rule *r = &rs.rules[0];
    assert_int_equal(r->adopted, date_from_ymd(2015, 12, 3));
    assert_int_equal(r->nsec_from, 1);
    assert_string_equal(r->sec_from[0].number, "1.5.2");
    assert_int_equal(r->sec_from[0].from, date_from_ymd(2018, 10, 14));
    assert_string_equal(r->dates, "Ballot 156");
    ruleset_free(&rs);
    free(t);
    t = variant("effective = 2016-12-03\n", "effective = 2016-12-03\nadopted = 2017-01-01\n");
    expect_refusal(t, "adopted must not be after effective", 1);
    free(t);
    t = variant("effective = 2016-12-03\n", "effective = 2016-12-03\neffective.1.5.2 = 2016-01-01\n");
    expect_refusal(t, "effective.1.5.2 must be after effective", 1);
    free(t);
    t = variant("effective = 2016-12-03\n", "effective = 2016-12-03\neffective.4.9.12 = 2021-05-01\n");
    expect_refusal(t, "effective.4.9.12: the section is not in the rule's scope", 1);
    free(t);
    t = variant("effective = 2016-12-03\n", "effective = 2016-12-03\neffective.1.5.9 = 2021-05-01\n");
    expect_refusal(t, "effective.1.5.9: section '1.5.9' is not an RFC 3647 section", 8);
    free(t);
    t = variant("effective = 2016-12-03\n",
                "effective = 2016-12-03\neffective.1.5.2 = 2021-05-01\neffective.1.5.2 = 2022-05-01\n");
    expect_refusal(t, "given twice", 9);
    free(t);
    t = variant("effective = 2016-12-03\n", "effective = 2016-12-03\neffective.1.5.2 = soon\n");
    expect_refusal(t, "bad date", 8);
    free(t);
}

static void test_refuses_unknown_sections(void **state)
{
    (void)state;
    char *t = variant("scope = 1.5.2", "scope = 1.5.9");
    expect_refusal(t, "scope: section '1.5.9' is not an RFC 3647 section", 9);
    free(t);
    t = variant("scope = 1.5.2", "scope = 10.1.1.1");
    expect_refusal(t, "has no RFC 3647 ancestor", 9);
    free(t);
    t = variant("scope = 1.5.2", "scope = chapter-one");
    expect_refusal(t, "is not a section number", 9);
    free(t);
    /* A deeper number whose RFC 3647 ancestor exists, and doc, are fine. */
    t = variant("scope = 1.5.2", "scope = 3.2.2.4.5 doc");
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    assert_int_equal(load_text(t, &rs, &e, NULL), 0);
    assert_int_equal(rs.rules[0].nscope, 2);
    ruleset_free(&rs);
    free(t);
    t = variant("scope = 1.5.2\n", "scope = 1.5.2\nexclude = 1.5.7\n");
    expect_refusal(t, "exclude: section '1.5.7'", 10);
    free(t);
}

static void test_refuses_bad_pattern(void **state)
{
    (void)state;
    char *t = variant("match = [a-z]+@", "match = ([a-z]+@");
    expect_refusal(t, "match: PCRE2: missing closing parenthesis at offset", 10);
    free(t);
    t = variant("match = [a-z]+@", "match = r\xC3\xA9vocation|[a-z]+@");
    expect_refusal(t, "accented letter", 10);
    free(t);
    t = variant("match = [a-z]+@", "match = ${nosuch}[a-z]+@");
    expect_refusal(t, "unknown macro ${nosuch}", 10);
    free(t);
}

static void test_refuses_missing_examples(void **state)
{
    (void)state;
    char *t = variant("example.good = pma@example.com\n", "");
    expect_refusal(t, "language 'en' has an example.bad but no example.good", 11);
    free(t);
    char *t2 = variant("example.bad = none\nexample.good = pma@example.com\n"
                       "example.bad.fr = aucun\nexample.good.fr = pma@exemple.fr\n", "");
    expect_refusal(t2, "a rule needs an example.bad and an example.good", 1);
    free(t2);
    t = variant("example.good.fr = pma@exemple.fr\n", "");
    expect_refusal(t, "language 'fr' has an example.bad but no example.good", 13);
    free(t);
}

static void test_refuses_other_mistakes(void **state)
{
    (void)state;
    char *t = variant("severity = error", "severity = fatal");
    expect_refusal(t, "severity: 'fatal' is not error, warning or notice", 4);
    free(t);
    t = variant("kind = require", "kind = limit");
    expect_refusal(t, "a limit rule needs a 'max' or 'min' schedule", 1);
    free(t);
    t = variant("kind = require\n", "kind = require\naddressed-to = cpss\n");
    expect_refusal(t, "addressed-to: 'cpss' is not cps, cp or any", 9);
    free(t);
    t = variant("kind = require\n", "kind = require\ncert-scope = tls-server, web\n");
    expect_refusal(t, "cert-scope: 'tls-server, web' is not any or a comma-separated list of "
                      "tls-server, smime, code-signing, other", 9);
    free(t);
    t = variant("kind = require\n", "kind = require\naddressed-to = cps  # BR 1.5.2\n"
                                     "cert-scope = tls-server, smime\n");
    {
        ruleset ok;
        ruleset_init(&ok);
        cps_err e;
        assert_int_equal(load_text(t, &ok, &e, NULL), 0);
        assert_int_equal(ok.rules[0].addressed_to, RULE_TO_CPS);
        assert_int_equal(ok.rules[0].cert_scope, 3u);
        assert_int_equal(ok.rules[0].profile_keys, 3);
        ruleset_free(&ok);
    }
    free(t);
    t = variant("[br.1.5.2.contact]", "[BR.1.5.2.Contact]");
    expect_refusal(t, "bad id", 1);
    free(t);
    t = variant("cite = BR 1.5.2\n", "");
    expect_refusal(t, "missing key 'cite'", 1);
    free(t);
    t = variant("title = t\n", "title = t\ntitle = u\n");
    expect_refusal(t, "key 'title' given twice", 3);
    free(t);
    expect_refusal("kind = forbid\n", "key 'kind' outside a rule block", 1);
    t = variant("kind = require\n", "kind = require\nunless = x\n");
    expect_refusal(t, "'unless' is for forbid rules", 1);
    free(t);
    /* `subject` names certificate classes, for limit and forbid rules */
    t = variant("kind = require\n", "kind = forbid\nsubject = leaf\n");
    expect_refusal(t, "subject: 'leaf' is not subscriber, ca, root", 9);
    free(t);
    t = variant("kind = require\n", "kind = require\nsubject = subscriber\n");
    expect_refusal(t, "'subject' is for forbid and limit rules", 1);
    free(t);
    t = variant("kind = require\n", "kind = require\nalso-wins = yes\n");
    expect_refusal(t, "'also-wins' is for limit rules", 1);
    free(t);
    /* the former spelling of also-wins is still read as such */
    t = variant("kind = require\n", "kind = require\nsubject = also\n");
    expect_refusal(t, "'also-wins' is for limit rules", 1);
    free(t);
}

static void test_subject_key(void **state)
{
    (void)state;
    char *t = variant("kind = require\n", "kind = forbid\nsubject = subscriber subordinate # a comment\n");
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    assert_int_equal(load_text(t, &rs, &e, NULL), 0);
    assert_int_equal(rs.rules[0].subject, SUBJ_SUBSCRIBER | SUBJ_SUBORDINATE);
    assert_int_equal(rs.rules[0].also_wins, 0);
    ruleset_free(&rs);
    free(t);
}

static void test_continuation_and_macros(void **state)
{
    (void)state;
    const char *text =
        "let num = 3\\.2\\.2\\.4\n"
        "[br.x.y]\n"
        "message = m\nseverity = warning\ncite = c\nkind = forbid\nscope = doc\n"
        "match = ${num}\\.5\n"
        "  (?!\\d)\n"
        "example.bad = uses 3.2.2.4.5 here\nexample.good = uses 3.2.2.4.50\n";
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    int rc = load_text(text, &rs, &e, NULL);
    if (rc)
        print_message("%s\n", e.msg);
    assert_int_equal(rc, 0);
    assert_string_equal(rs.rules[0].match.v[0].src, "3\\.2\\.2\\.4\\.5(?!\\d)");
    matcher m;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    size_t ms, me;
    const char *s = "offers 3.2.2.4.5 and";
    assert_int_equal(match_find(&m, &rs.rules[0].match.v[0], s, strlen(s), 0, &ms, &me), MATCH_FOUND);
    assert_int_equal(ms, 7);
    assert_int_equal(me, 16);
    s = "offers 3.2.2.4.50";
    assert_int_equal(match_find(&m, &rs.rules[0].match.v[0], s, strlen(s), 0, &ms, &me), MATCH_NONE);
    matcher_free(&m);
    ruleset_free(&rs);
}

static void test_match_limit_is_an_error(void **state)
{
    (void)state;
    rule_pattern p;
    cps_err e;
    assert_int_equal(match_compile(&p, "^(a+)+$", &e), 0);
    matcher m;
    assert_int_equal(matcher_init(&m, 10000, 0, 0, &e), 0);
    char s[64];
    memset(s, 'a', 40);
    strcpy(s + 40, "!");
    size_t ms, me;
    assert_int_equal(match_find(&m, &p, s, strlen(s), 0, &ms, &me), MATCH_E_LIMIT);
    assert_int_equal(m.last_rc, PCRE2_ERROR_MATCHLIMIT);
    char msg[200];
    match_error_message(&m, msg, sizeof msg);
    assert_non_null(strstr(msg, "(-47)"));
    matcher_free(&m);
    match_pattern_free(&p);
}

static void test_ucp_caseless(void **state)
{
    (void)state;
    rule_pattern p;
    cps_err e;
    assert_int_equal(match_compile(&p, "\\bsecurite\\b", &e), 0);
    matcher m;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    size_t ms, me;
    const char *s = "la SECURITE du système";
    assert_int_equal(match_find(&m, &p, s, strlen(s), 0, &ms, &me), MATCH_FOUND);
    /* \b with UCP: a letter with an accent is a word character. */
    match_pattern_free(&p);
    assert_int_equal(match_compile(&p, "\\bcl\\w+", &e), 0);
    s = "la clé";
    assert_int_equal(match_find(&m, &p, s, strlen(s), 0, &ms, &me), MATCH_FOUND);
    assert_int_equal(me, strlen(s));
    matcher_free(&m);
    match_pattern_free(&p);
}

static void test_shipped_rulesets_load(void **state)
{
    (void)state;
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    cps_err_clear(&e);
    int rc = ruleset_load_all(&rs, ".", &spec, &e);
    if (rc)
        print_message("%s\n", e.msg);
    assert_int_equal(rc, 0);
    const char *must[] = {"br.4.9.3.problem-reporting", "br.1.5.2.contact-means",
                          "ccadb.english-version", "mozilla.3.3.missing-section",
                          "mozilla.3.3.blank-section", "br.3.2.2.4.5.retired",
                          "br.3.2.2.4.4.sunset", "br.3.2.2.5.4.retired", NULL};
    for (int i = 0; must[i]; i++) {
        if (!ruleset_find(&rs, must[i]))
            print_message("missing %s\n", must[i]);
        assert_non_null(ruleset_find(&rs, must[i]));
    }
    const int dv[] = {1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14, 15, 16, 17};
    for (size_t i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        char id[64];
        snprintf(id, sizeof id, "br.3.2.2.4.%d.retired", dv[i]);
        assert_non_null(ruleset_find(&rs, id));
    }
    /* Every rule claims English and French examples (but the kinds whose
     * row says they have none: manual, format). */
    for (size_t i = 0; i < rs.n; i++) {
        if (!check_kind(rs.rules[i].kind)->examples)
            continue;
        int en = 0, fr = 0;
        for (size_t k = 0; k < rs.rules[i].nexamples; k++) {
            en |= !strcmp(rs.rules[i].examples[k].lang, "en");
            fr |= !strcmp(rs.rules[i].examples[k].lang, "fr");
        }
        if (!en || !fr)
            print_message("%s lacks en or fr examples\n", rs.rules[i].id);
        assert_true(en && fr);
    }
    /* Every shipped rule declares the document it is addressed to and its
     * certificate scope (addressed-to, cert-scope): docs/rules-format.md. */
    for (size_t i = 0; i < rs.n; i++) {
        if (rs.rules[i].profile_keys != 3)
            print_message("%s lacks addressed-to or cert-scope\n", rs.rules[i].id);
        assert_int_equal(rs.rules[i].profile_keys, 3);
    }
    assert_int_equal(ruleset_find(&rs, "br.1.5.2.contact-means")->addressed_to, RULE_TO_CPS);
    assert_int_equal(ruleset_find(&rs, "chrome.1.1.adherence-statement")->addressed_to, RULE_TO_CP);
    assert_int_equal(ruleset_find(&rs, "br.4.9.3.problem-reporting")->cert_scope, 1u);
    assert_int_equal(ruleset_find(&rs, "ccadb.english-version")->cert_scope, 0u);
    /* Disable a family by prefix. */
    assert_true(ruleset_set_enabled(&rs, "br.3.2.2.4", 0, &e) >= 15);
    assert_int_equal(ruleset_find(&rs, "br.3.2.2.4.5.retired")->enabled, 0);
    assert_int_equal(ruleset_find(&rs, "br.4.9.3.problem-reporting")->enabled, 1);
    assert_int_equal(ruleset_set_enabled(&rs, "nope.x", 0, &e), CPS_E_USAGE);
    ruleset_free(&rs);
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

/* The kind table's rows keep the values ruleset.h names (check_kinds.c),
 * and the loader finds every row by its name. */
static void test_kind_table(void **state)
{
    (void)state;
    static const struct {
        rule_kind k;
        const char *name;
    } named[] = {{KIND_FORBID, "forbid"},     {KIND_REQUIRE, "require"},
                 {KIND_LIMIT, "limit"},       {KIND_STRUCTURE, "structure"},
                 {KIND_LANGUAGE, "language"}, {KIND_META, "meta"},
                 {KIND_TITLE, "title"},       {KIND_HEADINGS, "headings"},
                 {KIND_MANUAL, "manual"},     {KIND_TRANSLATION, "translation"},
                 {KIND_PROFILE, "profile"},   {KIND_VERSION, "version"}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        assert_string_equal(rule_kind_name(named[i].k), named[i].name);
        assert_int_equal(check_kind_find(named[i].name), named[i].k);
    }
    for (rule_kind k = 1; k <= check_kind_count(); k++)
        assert_int_equal(check_kind_find(check_kind(k)->name), k);
    assert_null(check_kind(0));
    assert_null(check_kind((rule_kind)check_kind_count() + 1));
    assert_int_equal(check_kind_find("nonsense"), 0);
    assert_string_equal(rule_kind_name(0), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepts_good_rule),
        cmocka_unit_test(test_refuses_unknown_key),
        cmocka_unit_test(test_refuses_duplicate_id),
        cmocka_unit_test(test_refuses_duplicate_across_files),
        cmocka_unit_test(test_refuses_bad_dates),
        cmocka_unit_test(test_source_dates),
        cmocka_unit_test(test_refuses_unknown_sections),
        cmocka_unit_test(test_refuses_bad_pattern),
        cmocka_unit_test(test_refuses_missing_examples),
        cmocka_unit_test(test_refuses_other_mistakes),
        cmocka_unit_test(test_subject_key),
        cmocka_unit_test(test_kind_table),
        cmocka_unit_test(test_continuation_and_macros),
        cmocka_unit_test(test_match_limit_is_an_error),
        cmocka_unit_test(test_ucp_caseless),
        cmocka_unit_test(test_shipped_rulesets_load),
    };
    return cmocka_run_group_tests_name("ruleset", tests, setup, teardown);
}

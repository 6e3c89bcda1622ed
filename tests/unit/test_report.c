/* Unit tests: the JSON writer (escaping, structure) and both report
 * emitters. JSON output is parsed back with a small validator below. */
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
#include "json.h"
#include "report.h"
#include "baseline.h"
#include "jsonparse.h"

#include <libxml/parser.h>

/* ---- a strict JSON validator (RFC 8259) -------------------------------- */

typedef struct jp {
    const char *s;
    size_t i, n;
} jp;

static int jvalue(jp *p, int depth);

static void ws(jp *p)
{
    while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]))
        p->i++;
}

static int jstring(jp *p)
{
    if (p->s[p->i] != '"')
        return 0;
    p->i++;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            p->i++;
            if (p->i >= p->n)
                return 0;
            char e = p->s[p->i];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (p->i + k >= p->n || !strchr("0123456789abcdefABCDEF", p->s[p->i + k]))
                        return 0;
                p->i += 5;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e))
                return 0;
        }
        p->i++;
    }
    return 0;
}

static int jnumber(jp *p)
{
    size_t st = p->i;
    if (p->s[p->i] == '-')
        p->i++;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    return p->i > st;
}

static int jlit(jp *p, const char *w)
{
    size_t k = strlen(w);
    if (p->n - p->i >= k && !strncmp(p->s + p->i, w, k)) {
        p->i += k;
        return 1;
    }
    return 0;
}

static int jvalue(jp *p, int depth)
{
    if (depth > 64)
        return 0;
    ws(p);
    if (p->i >= p->n)
        return 0;
    char c = p->s[p->i];
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        p->i++;
        ws(p);
        if (p->s[p->i] == close) {
            p->i++;
            return 1;
        }
        for (;;) {
            ws(p);
            if (c == '{') {
                if (!jstring(p))
                    return 0;
                ws(p);
                if (p->s[p->i++] != ':')
                    return 0;
            }
            if (!jvalue(p, depth + 1))
                return 0;
            ws(p);
            if (p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->s[p->i] == close) {
                p->i++;
                return 1;
            }
            return 0;
        }
    }
    if (c == '"')
        return jstring(p);
    if (c == '-' || (c >= '0' && c <= '9'))
        return jnumber(p);
    return jlit(p, "true") || jlit(p, "false") || jlit(p, "null");
}

static int json_valid(const char *s)
{
    jp p = {s, 0, strlen(s)};
    if (!jvalue(&p, 0))
        return 0;
    ws(&p);
    return p.i == p.n;
}

/* ---- tests ------------------------------------------------------------- */

static void test_escape(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    const char in[] = "a\"b\\c\nd\te\x01" "f\xC3\xA9g\xE2\x80\xA8h\xFFi";
    json_escape(&b, in, sizeof in - 1);
    assert_string_equal(buf_cstr(&b),
                        "\"a\\\"b\\\\c\\nd\\te\\u0001f\xC3\xA9g\\u2028h\\ufffdi\"");
    assert_true(json_valid(buf_cstr(&b)));
    buf_free(&b);
}

static void test_writer_structure(void **state)
{
    (void)state;
    for (int pretty = 0; pretty < 2; pretty++) {
        buf b = BUF_INIT;
        json_w w;
        json_init(&w, &b, pretty);
        json_obj_begin(&w);
        json_kv_str(&w, "k", "v");
        json_key(&w, "empty");
        json_arr_begin(&w);
        json_arr_end(&w);
        json_key(&w, "list");
        json_arr_begin(&w);
        json_int(&w, -3);
        json_null(&w);
        json_bool(&w, 1);
        json_obj_begin(&w);
        json_obj_end(&w);
        json_str(&w, NULL);
        json_arr_end(&w);
        json_kv_int(&w, "n", 42);
        json_obj_end(&w);
        if (!json_valid(buf_cstr(&b)))
            print_message("invalid: %s\n", buf_cstr(&b));
        assert_true(json_valid(buf_cstr(&b)));
        if (!pretty)
            assert_string_equal(buf_cstr(&b),
                                "{\"k\":\"v\",\"empty\":[],\"list\":[-3,null,true,{},null],\"n\":42}");
        buf_free(&b);
    }
    assert_false(json_valid("{\"a\":1,}"));
    assert_false(json_valid("{\"a\":\"x\ny\"}"));
}

static const char *rules_text =
    "[t.quote]\nmessage = says \"quoted\" things\nseverity = error\ncite = BR 9.9 (Ballot \"X\")\n"
    "effective = 2018-01-01\nkind = forbid\nscope = doc\nmatch = \\bforbidden\\b\n"
    "example.bad = forbidden\nexample.good = fine\n"
    "[t.pass]\nmessage = m\nseverity = warning\ncite = c\nkind = forbid\nscope = doc\n"
    "match = \\bnever-here\\b\nexample.bad = never-here\nexample.good = fine\n"
    "[t.later]\nmessage = m\nseverity = error\ncite = c\neffective = 2099-01-01\nkind = forbid\n"
    "scope = doc\nmatch = x\nexample.bad = x\nexample.good = y\n";

static void test_reports(void **state)
{
    (void)state;
    outline_spec spec;
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(outline_spec_load("rulesets/rfc3647.outline", &spec, &e), 0);
    char path[] = "/tmp/cpslint-report-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, rules_text, strlen(rules_text)), (ssize_t)strlen(rules_text));
    close(fd);
    ruleset rs;
    ruleset_init(&rs);
    assert_int_equal(ruleset_load_file(&rs, path, &spec, &e), 0);
    unlink(path);
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head>"
        "<body><h1>1 Introduction</h1><h2>1.1 Overview</h2>"
        "<p>This \"document\" is \\ forbidden\ttoday \xE2\x80\x94 caf\xC3\xA9.</p>"
        "<h2>1.2 Document name and identification</h2>"
        "<p>This \"document\" is \\ forbidden\ttoday \xE2\x80\x94 caf\xC3\xA9.</p></body></html>";
    analysis a;
    analysis_opts o;
    memset(&o, 0, sizeof o);
    assert_int_equal(analysis_run_bytes("x\"y.html", (const unsigned char *)html, strlen(html),
                                        &spec, &o, &a, &e), 0);
    matcher m;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    check_input in = {&a, NULL, date_parse_iso("2026-11-27"), &spec, NULL};
    check_result res;
    check_run(&rs, &in, &m, &res, &e);
    assert_int_equal(res.nitems, rs.n); /* one item per rule */
    report_doc rd = {&a, &res, NULL, NULL, NULL, NULL};

    buf j = BUF_INIT;
    report_json(&j, &rd, 1, in.as_of);
    if (!json_valid(buf_cstr(&j)))
        print_message("%s\n", buf_cstr(&j));
    assert_true(json_valid(buf_cstr(&j)));
    assert_non_null(strstr(buf_cstr(&j), "\"as_of\": \"2026-11-27\""));
    assert_non_null(strstr(buf_cstr(&j), "\"file\": \"x\\\"y.html\""));
    assert_non_null(strstr(buf_cstr(&j), "\"rule\": \"t.quote\""));
    assert_non_null(strstr(buf_cstr(&j), "\"cite\": \"BR 9.9 (Ballot \\\"X\\\")\""));
    assert_non_null(strstr(buf_cstr(&j), "\"status\": \"not-effective\""));
    assert_non_null(strstr(buf_cstr(&j), "\"section\": \"1.1\""));
    buf_free(&j);

    buf t = BUF_INIT;
    report_opts ro;
    memset(&ro, 0, sizeof ro);
    report_text(&t, &rd, 1, in.as_of, &ro);
    const char *s = buf_cstr(&t);
    /* answer first: the two identical findings are one entry naming both
     * places, quoted once; the other rules are only counted */
    assert_non_null(strstr(s, "Errors and upcoming deadlines:\n"
                              "error     2 places: 1.1 (line 1), 1.2 (line 1)  [t.quote]\n"));
    const char *q = strstr(s, ">>forbidden<<");
    assert_non_null(q);
    assert_null(strstr(q + 1, ">>forbidden<<"));
    assert_non_null(strstr(s, "[BR 9.9 (Ballot \"X\"), effective 2018-01-01]"));
    assert_non_null(strstr(s, "1 rule passed, 1 not yet effective; --show-all lists them"));
    assert_null(strstr(s, "PASS"));
    assert_non_null(strstr(s, "2 errors, 0 warnings, 0 notices"));
    assert_null(strstr(s, "\033["));
    buf_free(&t);

    ro.show_all = 1;
    report_text(&t, &rd, 1, in.as_of, &ro);
    s = buf_cstr(&t);
    const char *other = strstr(s, "Other rules:\n");
    const char *pass = strstr(s, "PASS");
    const char *ne = strstr(s, "NOT-EFFECTIVE");
    assert_non_null(other);
    assert_non_null(pass);
    assert_non_null(ne);
    assert_true(other < pass && pass < ne); /* grouped by status */
    assert_null(strstr(s, "FAIL")); /* its findings are listed above */
    assert_null(strstr(s, "--show-all lists them"));
    buf_free(&t);
    ro.show_all = 0;

    ro.color = 1;
    report_text(&t, &rd, 1, in.as_of, &ro);
    assert_non_null(strstr(buf_cstr(&t), "\033[1m\033[31mforbidden\033[0m"));
    buf_free(&t);
    ro.color = 0;
    ro.quiet = 1;
    report_text(&t, &rd, 1, in.as_of, &ro);
    assert_null(strchr(buf_cstr(&t), '\n') == NULL ? NULL : strchr(strchr(buf_cstr(&t), '\n') + 1, '\n'));
    assert_non_null(strstr(buf_cstr(&t), "2 errors"));
    buf_free(&t);

    check_result_free(&res);
    matcher_free(&m);
    analysis_free(&a);
    ruleset_free(&rs);
    outline_spec_free(&spec);
}


/* The CI formats: escaping of hostile text in each, error entries, min
 * level, baseline marks, fingerprints and the line of a missing section. */
static void test_ci_formats(void **state)
{
    (void)state;
    outline_spec spec;
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(outline_spec_load("rulesets/rfc3647.outline", &spec, &e), 0);
    char path[] = "/tmp/cpslint-report-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, rules_text, strlen(rules_text)), (ssize_t)strlen(rules_text));
    close(fd);
    ruleset rs;
    ruleset_init(&rs);
    assert_int_equal(ruleset_load_file(&rs, path, &spec, &e), 0);
    unlink(path);
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head>"
        "<body><h1>1 Introduction</h1><h2>1.1 Overview</h2>"
        "<p>a | b % c: d, e *f* _g_ &lt;script&gt; \\ forbidden ]]&gt; \xEF\xBF\xBE.</p></body></html>";
    analysis a;
    analysis_opts o;
    memset(&o, 0, sizeof o);
    assert_int_equal(analysis_run_bytes("d%i,r:x.html", (const unsigned char *)html,
                                        strlen(html), &spec, &o, &a, &e), 0);
    matcher m;
    assert_int_equal(matcher_init(&m, 0, 0, 0, &e), 0);
    check_input in = {&a, NULL, date_parse_iso("2026-11-27"), &spec, NULL};
    check_result res;
    check_run(&rs, &in, &m, &res, &e);
    assert_int_equal(res.nitems, rs.n); /* one item per rule */
    assert_int_equal(res.nf, 1);
    report_doc rd[2];
    memset(rd, 0, sizeof rd);
    rd[0].a = &a;
    rd[0].res = &res;
    rd[1].file = "gone.html";
    rd[1].error = "No such file | or directory";
    report_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.fail_on = SEV_ERROR;
    buf b = BUF_INIT;

    /* Markdown: the pipe cannot split the cell, nothing becomes markup */
    report_markdown(&b, rd, 2, in.as_of, &ro);
    const char *s = buf_cstr(&b);
    assert_non_null(strstr(s, "a \\| b % c: d, e \\*f\\* \\_g\\_ \\<script\\> \\\\ **forbidden**"));
    assert_non_null(strstr(s, "**Could not be checked:** No such file \\| or directory"));
    assert_null(strstr(s, "<script>"));
    buf_free(&b);

    /* GitHub: % CR LF in data; also : and , in properties */
    report_github(&b, rd, 2, in.as_of, &ro);
    s = buf_cstr(&b);
    assert_non_null(strstr(s, "::error file=d%25i%2Cr%3Ax.html,line="));
    assert_non_null(strstr(s, ",title=cpslint t.quote::1.1 Overview: says \"quoted\" things%0A"));
    assert_non_null(strstr(s, "b %25 c: d, e"));
    assert_non_null(strstr(s, "::error file=gone.html,title=cpslint%3A cannot check this document::"));
    for (const char *l = s; *l; l = strchr(l, '\n') + 1)
        assert_true(strncmp(l, "::", 2) == 0 || strncmp(l, "cpslint: 2 documents", 20) == 0);
    buf_free(&b);

    /* JUnit: well-formed for libxml2, U+FFFE replaced, counts */
    report_junit(&b, rd, 2, in.as_of, &ro);
    xmlDocPtr x = xmlReadMemory(b.ptr, (int)b.len, "junit.xml", NULL, XML_PARSE_NONET);
    if (!x)
        print_message("%s\n", buf_cstr(&b));
    assert_non_null(x);
    xmlFreeDoc(x);
    assert_null(strstr(buf_cstr(&b), "\xEF\xBF\xBE"));
    assert_non_null(strstr(buf_cstr(&b), "<testsuites name=\"cpslint\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\""));
    assert_non_null(strstr(buf_cstr(&b), "classname=\"d%i,r:x_html\""));
    buf_free(&b);

    /* SARIF: valid JSON, percent-encoded URI, the error as a notification */
    ro.srcroot = "/work";
    report_sarif(&b, rd, 2, in.as_of, &ro);
    jv v;
    assert_int_equal(jsonp_parse("sarif", b.ptr, b.len, &v, &e), 0);
    const jv *run = &jsonp_get(&v, "runs")->items[0];
    const jv *res0 = &jsonp_get(run, "results")->items[0];
    const jv *loc = jsonp_get(&jsonp_get(res0, "locations")->items[0], "physicalLocation");
    assert_string_equal(jsonp_get(jsonp_get(loc, "artifactLocation"), "uri")->str, "d%25i%2Cr%3Ax.html");
    assert_true(jsonp_get(jsonp_get(loc, "region"), "startLine")->number >= 1);
    const jv *inv = &jsonp_get(run, "invocations")->items[0];
    assert_false(jsonp_get(inv, "executionSuccessful")->boolean);
    assert_int_equal(jsonp_get(inv, "toolExecutionNotifications")->n, 1);
    assert_string_equal(jsonp_get(jsonp_get(run, "originalUriBaseIds"), "%SRCROOT%")->items[0].str,
                        "file:///work/");
    jsonp_free(&v);
    buf_free(&b);

    /* min level hides, fail_on decides, marks accept */
    report_counts c;
    report_count(rd, 2, &ro, &c);
    assert_true(c.errors == 1 && c.failing == 1 && c.unreadable == 1);
    ro.min_level = SEV_ERROR + 1;
    report_count(rd, 2, &ro, &c);
    assert_true(c.errors == 0 && c.hidden == 1 && c.failing == 1);
    ro.min_level = 0;
    report_mark mk = {"accepted by the PA", DATE_NONE};
    rd[0].marks = &mk;
    report_count(rd, 2, &ro, &c);
    assert_true(c.errors == 0 && c.baselined == 1 && c.failing == 0);
    report_sarif(&b, rd, 1, in.as_of, &ro);
    assert_non_null(strstr(buf_cstr(&b), "\"results\": []"));
    buf_free(&b);
    report_json_opts(&b, rd, 1, in.as_of, &ro);
    assert_non_null(strstr(buf_cstr(&b), "\"reason\": \"accepted by the PA\""));
    buf_free(&b);
    rd[0].marks = NULL;

    /* fingerprints: whitespace in the match does not count, the section does */
    finding f = res.f[0];
    char fp1[REPORT_FP_LEN], fp2[REPORT_FP_LEN];
    report_fingerprint(&f, fp1);
    char *orig = f.match;
    f.match = "  forbidden  ";
    report_fingerprint(&f, fp2);
    assert_string_equal(fp1, fp2);
    strcpy(f.section, "1.2");
    report_fingerprint(&f, fp2);
    assert_string_not_equal(fp1, fp2);
    f.match = orig;

    /* a finding without a line points at the heading before its section */
    finding miss;
    memset(&miss, 0, sizeof miss);
    strcpy(miss.section, "1.2");
    long l11 = a.o.secs[outline_find(&a.o, "1.1")].line;
    assert_true(l11 > 0);
    assert_int_equal(report_finding_line(&rd[0], &miss), l11);
    strcpy(miss.section, "");
    assert_int_equal(report_finding_line(&rd[0], &miss), 1);

    check_result_free(&res);
    matcher_free(&m);
    analysis_free(&a);
    ruleset_free(&rs);
    outline_spec_free(&spec);
}

static void test_baseline_paths(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"a/b.html", "a/b.html"}, {"./a/b.html", "a/b.html"}, {"././a//b.html", "a/b.html"},
        {"a/./b.html", "a/b.html"}, {"/abs/./x//y.html", "/abs/x/y.html"}, {".hidden/x", ".hidden/x"},
        {"a/.b/c", "a/.b/c"}, {"-", "-"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *n = baseline_norm_path(cases[i][0]);
        assert_string_equal(n, cases[i][1]);
        free(n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_writer_structure),
        cmocka_unit_test(test_reports),
        cmocka_unit_test(test_ci_formats),
        cmocka_unit_test(test_baseline_paths),
    };
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}

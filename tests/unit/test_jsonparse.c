/* test_jsonparse.c — the strict JSON reader: values, lines, every refusal,
 * and a round trip through the JSON writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "json.h"
#include "jsonparse.h"

static int parse(const char *s, jv *v, cps_err *e)
{
    cps_err_clear(e);
    return jsonp_parse("t.json", s, strlen(s), v, e);
}

static void test_values(void **state)
{
    (void)state;
    jv v;
    cps_err e;
    assert_int_equal(parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {}}\n", &v, &e), 0);
    assert_int_equal(v.type, JV_OBJECT);
    assert_int_equal(v.n, 2);
    const jv *a = jsonp_get(&v, "a");
    assert_non_null(a);
    assert_int_equal(a->type, JV_ARRAY);
    assert_int_equal(a->n, 6);
    assert_true(a->items[0].type == JV_NUMBER && a->items[0].number == 1.0);
    assert_true(a->items[1].number == -2500.0);
    assert_string_equal(a->items[1].str, "-2.5e3");
    assert_true(a->items[2].type == JV_BOOL && a->items[2].boolean);
    assert_true(a->items[3].type == JV_BOOL && !a->items[3].boolean);
    assert_int_equal(a->items[4].type, JV_NULL);
    assert_string_equal(a->items[5].str, "x");
    assert_int_equal(jsonp_get(&v, "b")->type, JV_OBJECT);
    assert_null(jsonp_get(&v, "c"));
    assert_null(jsonp_get(a, "a"));
    jsonp_free(&v);
    assert_int_equal(v.type, JV_NULL);
    assert_null(v.items);

    assert_int_equal(parse("\"\"", &v, &e), 0);
    assert_int_equal(v.type, JV_STRING);
    assert_string_equal(v.str, "");
    jsonp_free(&v);
    assert_int_equal(parse("\xEF\xBB\xBF[]", &v, &e), 0);
    assert_int_equal(v.type, JV_ARRAY);
    jsonp_free(&v);
}

static void test_strings(void **state)
{
    (void)state;
    jv v;
    cps_err e;
    assert_int_equal(parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u20AC\\ud83d\\ude00 é\"", &v, &e), 0);
    assert_string_equal(v.str, "a\"b\\c/d\n\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 \xC3\xA9");
    jsonp_free(&v);
}

static void test_lines(void **state)
{
    (void)state;
    jv v;
    cps_err e;
    const char *s = "{\n  \"entries\": [\n    {\"a\": 1},\n\n    {\"a\":\n 2}\n  ]\n}\n";
    assert_int_equal(parse(s, &v, &e), 0);
    assert_int_equal(v.line, 1);
    const jv *en = jsonp_get(&v, "entries");
    assert_int_equal(en->line, 2);
    assert_int_equal(en->items[0].line, 3);
    assert_int_equal(en->items[1].line, 5);
    assert_int_equal(jsonp_get(&en->items[1], "a")->line, 6);
    jsonp_free(&v);
}

typedef struct bad_case {
    const char *text;
    long line;
    const char *msg;
} bad_case;

static void test_refusals(void **state)
{
    (void)state;
    static const bad_case bad[] = {
        {"", 1, "unexpected end"},
        {"{\"a\": 1,}", 1, "trailing comma"},
        {"[1,\n2,\n]", 3, "trailing comma"},
        {"{'a': 1}", 1, "double quotes"},
        {"[1] // c", 1, "unexpected text"},
        {"// c\n[1]", 1, "comments"},
        {"[01]", 1, "leading zero"},
        {"[1.]", 1, "digits must follow"},
        {"[1e]", 1, "exponent"},
        {"[-]", 1, "invalid number"},
        {"[NaN]", 1, "unexpected character"},
        {"[tru]", 1, "unexpected character"},
        {"{\"a\": 1, \"a\": 2}", 1, "duplicate key"},
        {"{\"a\" 1}", 1, "expected ':'"},
        {"{1: 2}", 1, "expected a \"key\""},
        {"[1 2]", 1, "expected ',' or ']'"},
        {"{\"a\": 1", 1, "unterminated object"},
        {"[\n1", 2, "unterminated array"},
        {"\"abc", 1, "unterminated string"},
        {"\"a\nb\"", 1, "line break"},
        {"\"a\tb\"", 1, "control character"},
        {"\"\\x\"", 1, "unknown escape"},
        {"\"\\u12\"", 1, "four hexadecimal"},
        {"\"\\ud800\"", 1, "unpaired surrogate"},
        {"\"\\ud800\\u0041\"", 1, "unpaired surrogate"},
        {"\"\\udc00\"", 1, "unpaired surrogate"},
        {"\"\\u0000\"", 1, "\\u0000"},
        {"\"\xC3\"", 1, "invalid UTF-8"},
        {"\"\xC0\xAF\"", 1, "invalid UTF-8"},
        {"\"\xED\xA0\x80\"", 1, "invalid UTF-8"},
        {"[1] [2]", 1, "unexpected text"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jv v;
        cps_err e;
        cps_err_clear(&e);
        int rc = jsonp_parse("t.json", bad[i].text, strlen(bad[i].text), &v, &e);
        if (rc != CPS_E_INPUT || !strstr(e.msg, bad[i].msg))
            fail_msg("case %zu '%s': rc %d, message '%s', expected '%s'", i, bad[i].text, rc,
                     e.msg, bad[i].msg);
        char want[32];
        snprintf(want, sizeof want, "t.json:%ld:", bad[i].line);
        if (strncmp(e.msg, want, strlen(want)))
            fail_msg("case %zu: message '%s' does not start with '%s'", i, e.msg, want);
        assert_int_equal(v.type, JV_NULL);
        assert_null(v.items);
    }
}

static void test_depth(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    for (int i = 0; i < JSONP_MAX_DEPTH; i++)
        buf_putc(&b, '[');
    for (int i = 0; i < JSONP_MAX_DEPTH; i++)
        buf_putc(&b, ']');
    jv v;
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(jsonp_parse("t", b.ptr, b.len, &v, &e), 0);
    jsonp_free(&v);
    buf_truncate(&b, 0);
    for (int i = 0; i < 100000; i++)
        buf_putc(&b, '[');
    assert_int_equal(jsonp_parse("t", b.ptr, b.len, &v, &e), CPS_E_INPUT);
    assert_non_null(strstr(e.msg, "nested too deeply"));
    buf_free(&b);
}

/* Whatever the writer produces, the reader reads back to the same text. */
static void test_writer_round_trip(void **state)
{
    (void)state;
    static const char *strings[] = {
        "plain", "quote \" backslash \\ slash /", "ctl \x01\x1f\x7f tab\t nl\n",
        "\xE2\x80\xA8 line sep", "accents \xC3\xA9\xC3\xA0 \xE2\x82\xAC \xF0\x9F\x98\x80",
    };
    buf b = BUF_INIT;
    json_w w;
    json_init(&w, &b, 1);
    json_obj_begin(&w);
    json_key(&w, "s");
    json_arr_begin(&w);
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        json_str(&w, strings[i]);
    json_str(&w, "bad \xFF byte");
    json_arr_end(&w);
    json_kv_int(&w, "n", -42);
    json_obj_end(&w);
    jv v;
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(jsonp_parse("w", b.ptr, b.len, &v, &e), 0);
    const jv *s = jsonp_get(&v, "s");
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        assert_string_equal(s->items[i].str, strings[i]);
    assert_string_equal(s->items[5].str, "bad \xEF\xBF\xBD byte");
    assert_true(jsonp_get(&v, "n")->number == -42.0);
    jsonp_free(&v);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_writer_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

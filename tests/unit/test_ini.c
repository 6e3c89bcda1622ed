/* Unit tests: the INI-like line syntax (ini.h) hands each header and each
 * complete key to its handler with the line where it starts, and the
 * .cpslint reader (config.h) keeps what it is given and refuses the rest
 * with FILE:LINE. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "ini.h"

typedef struct seen {
    buf log;
    int stop_at;   /* line whose key returns -9, or 0 */
} seen;

static int on_section(void *ctx, char *name, long line)
{
    buf_printf(&((seen *)ctx)->log, "[%s]@%ld;", name, line);
    return 0;
}

static int on_key(void *ctx, const char *key, char *value, long line)
{
    seen *s = ctx;
    buf_printf(&s->log, "%s=<%s>@%ld;", key, value, line);
    return line == s->stop_at ? -9 : 0;
}

static unsigned flags(void *ctx, const char *key)
{
    (void)ctx;
    return !strcmp(key, "pat") ? INI_TIGHT : !strcmp(key, "simple") ? INI_COMMENT : 0;
}

static int on_error(void *ctx, long line, const char *msg)
{
    buf_printf(&((seen *)ctx)->log, "error@%ld: %s;", line, msg);
    return -1;
}

static char *parse(const char *text, int stop_at, int *rc)
{
    seen s = {BUF_INIT, stop_at};
    ini_handler h = {&s, on_section, on_key, flags, on_error, "[id]"};
    char *t = strdup(text);
    *rc = ini_parse(t, &h);
    free(t);
    char *out = strdup(buf_cstr(&s.log));
    buf_free(&s.log);
    return out;
}

static void expect(const char *text, int stop_at, int want_rc, const char *want)
{
    int rc;
    char *got = parse(text, stop_at, &rc);
    if (strcmp(got, want))
        print_message("got  %s\nwant %s\n", got, want);
    assert_string_equal(got, want);
    assert_int_equal(rc, want_rc);
    free(got);
}

static void test_lines(void **state)
{
    (void)state;
    expect("# head\n[ a.b ]\nk = v\n", 0, 0, "[a.b]@2;k=<v>@3;");
    /* continuations: a space, or nothing for INI_TIGHT; a first-column
     * comment inside a value; a blank line ends it; CRLF */
    expect("k = one\n  two\n# note\n\tthree\n\npat = (a|\n  b)\r\n", 0, 0,
           "k=<one two three>@1;pat=<(a|b)>@6;");
    /* a trailing comment only for INI_COMMENT keys */
    expect("simple = x # why\nother = y # kept\n", 0, 0,
           "simple=<x>@1;other=<y # kept>@2;");
    /* the handler's return stops the parse */
    expect("a = 1\nb = 2\nc = 3\n", 2, -9, "a=<1>@1;b=<2>@2;");
}

static void test_errors(void **state)
{
    (void)state;
    expect("  lone\n", 0, -1, "error@1: indented line continues nothing;");
    expect("k = v\n[bad\n", 0, -1, "k=<v>@1;error@2: bad block header '[bad';");
    expect("\n\nnothing here\n", 0, -1, "error@3: expected 'key = value' or '[id]';");
    expect("= v\n", 0, -1, "error@1: bad key;");
}

/* ---- config.h ----------------------------------------------------------- */

static char dir[] = "/tmp/cpslint-ini-XXXXXX";

static char *write_file(const char *name, const char *text)
{
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", dir, name);
    FILE *f = fopen(buf_cstr(&p), "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return buf_detach(&p);
}

static void test_config_values(void **state)
{
    (void)state;
    char *path = write_file("c1", "ruleset = mozilla, rules/x.rules\nonly-ruleset = cabf-br\n"
                                   "disable = a.b c.d\nenable = e.f\nfail-on = never\n"
                                   "min-level = warning\nbaseline = bl.json\nas-of = doc\n"
                                   "exclude = drafts old-*\n");
    config c;
    config_init(&c);
    cps_err e;
    assert_int_equal(config_load(&c, path, &e), 0);
    assert_int_equal(c.rulesets.n, 2);
    assert_string_equal(c.rulesets.v[0], "mozilla");
    buf want = BUF_INIT;
    buf_printf(&want, "%s/rules/x.rules", dir);
    assert_string_equal(c.rulesets.v[1], buf_cstr(&want)); /* beside the file */
    assert_int_equal(c.only.n, 1);
    assert_int_equal(c.toggles.n, 3);
    assert_int_equal(c.toggles.on[0], 0);
    assert_int_equal(c.toggles.on[2], 1);
    assert_int_equal(c.toggles.line[2], 4);
    assert_int_equal(c.fail_on, 0);
    assert_int_equal(c.min_level, 2);
    buf_truncate(&want, 0);
    buf_printf(&want, "%s/bl.json", dir);
    assert_string_equal(c.baseline, buf_cstr(&want));
    assert_int_equal(c.as_of_mode, CONFIG_AS_OF_DOC);
    assert_int_equal(c.excludes.n, 2);
    buf_free(&want);
    config_free(&c);
    unlink(path);
    free(path);
}

static void expect_config_error(const char *text, const char *fragment)
{
    char *path = write_file("bad", text);
    config c;
    config_init(&c);
    cps_err e;
    assert_int_equal(config_load(&c, path, &e), CPS_E_USAGE);
    if (!strstr(e.msg, fragment))
        print_message("got %s\n", e.msg);
    assert_non_null(strstr(e.msg, fragment));
    config_free(&c);
    unlink(path);
    free(path);
}

static void test_config_errors(void **state)
{
    (void)state;
    expect_config_error("fail-on = error\nfail-on = never\n", "/bad:2: key 'fail-on' given twice");
    expect_config_error("min-level = never\n", "/bad:1: min-level: 'never' is not error");
    expect_config_error("as-of = 2026-02-30\n", "/bad:1: as-of: '2026-02-30' is not YYYY-MM-DD");
    expect_config_error("[check]\n", "/bad:1: unexpected section '[check]'");
    expect_config_error("disable =\n", "/bad:1: disable: no value");
    expect_config_error("\nno equals\n", "/bad:2: expected 'key = value'");
}

static void test_config_find(void **state)
{
    (void)state;
    /* dir/top/.cpslint above dir/top/repo (.git) above dir/top/repo/a/b */
    char out[4096];
    buf p = BUF_INIT;
    buf_printf(&p, "%s/top/repo/a/b", dir);
    buf cmd = BUF_INIT;
    buf_printf(&cmd, "mkdir -p %s %s/top/repo/.git && touch %s/top/.cpslint", buf_cstr(&p), dir,
               dir);
    assert_int_equal(system(buf_cstr(&cmd)), 0);
    buf_free(&cmd);
    assert_int_equal(config_find(buf_cstr(&p), out, sizeof out), 0); /* stops at .git */
    char *inrepo = write_file("top/repo/a/.cpslint", "fail-on = never\n");
    assert_int_equal(config_find(buf_cstr(&p), out, sizeof out), 1);
    assert_string_equal(out, inrepo);
    assert_int_equal(config_find(buf_cstr(&p), out, 8), -1);
    free(inrepo);
    buf_free(&p);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    buf cmd = BUF_INIT;
    buf_printf(&cmd, "rm -rf %s", dir);
    int rc = system(buf_cstr(&cmd));
    buf_free(&cmd);
    return rc == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_config_values),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_config_find),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

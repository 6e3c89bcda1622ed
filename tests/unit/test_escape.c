/* Unit tests: the escapers of escape.h, one per destination, on hostile
 * names (newlines, workflow commands, terminal escapes, Markdown). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "escape.h"

#define HOSTILE "a\n::error title=x::y\x1b[31m|`*#.html"

static char out[512];

static const char *run(void (*fn)(buf *, const char *), const char *s)
{
    buf b = BUF_INIT;
    fn(&b, s);
    snprintf(out, sizeof out, "%s", buf_cstr(&b));
    buf_free(&b);
    return out;
}

static void gh_data(buf *b, const char *s) { esc_gh(b, s, 0); }
static void gh_prop(buf *b, const char *s) { esc_gh(b, s, 1); }

static void test_text(void **state)
{
    (void)state;
    assert_string_equal(run(esc_text, HOSTILE), "a\\x0A::error title=x::y\\x1B[31m|`*#.html");
    assert_string_equal(run(esc_text, "tab\there, caf\xC3\xA9"), "tab\there, caf\xC3\xA9");
    assert_string_equal(run(esc_text, "del\x7f c1\xC2\x9B bad\xFF"), "del\\x7F c1\\xC2\\x9B bad\\xFF");
    /* a right-to-left override cannot reorder the line */
    assert_string_equal(run(esc_text, "x\xE2\x80\xAEy"), "x\\u{202E}y");
    assert_string_equal(run(esc_text, "cr\r"), "cr\\x0D");
    assert_string_equal(run(esc_text, NULL), "");
}

static void test_github(void **state)
{
    (void)state;
    assert_string_equal(run(gh_data, "50% done\r\n::stop-commands::t"),
                        "50%25 done%0D%0A::stop-commands::t");
    assert_string_equal(run(gh_prop, HOSTILE),
                        "a%0A%3A%3Aerror title=x%3A%3Ay\x1b[31m|`*#.html");
    assert_string_equal(run(gh_prop, "a,b"), "a%2Cb");
}

static void test_markdown(void **state)
{
    (void)state;
    assert_string_equal(run(esc_md, "**Result: pass**\n# h"), "\\*\\*Result: pass\\*\\* \\# h");
    assert_string_equal(run(esc_md, "[x](http://e) <img> & | ! ~ _ `"),
                        "\\[x\\](http://e) \\<img\\> \\& \\| \\! \\~ \\_ \\`");
    assert_string_equal(run(esc_md, "esc\x1b"), "esc\\\\x1B");
    assert_string_equal(run(esc_md_code, "cps/v1.html"), "`cps/v1.html`");
    assert_string_equal(run(esc_md_code, "a`b|c"), "a\\`b\\|c");
    assert_string_equal(run(esc_md_code, "a\nb"), "a b");
}

static void test_uri(void **state)
{
    (void)state;
    assert_string_equal(run(esc_uri, "dir/a b%\n\xC3\xA9.html"), "dir/a%20b%25%0A%C3%A9.html");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_github),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_uri),
    };
    return cmocka_run_group_tests_name("escape", tests, NULL, NULL);
}

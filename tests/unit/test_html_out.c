/* Unit tests: the HTML escaper (html_out.h) every text field of the HTML
 * reports goes through, and the SHA-256 behind their CSP hashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html_out.h"
#include "sha256.h"

static char *put(const char *s)
{
    buf b = BUF_INIT;
    html_put(&b, s, strlen(s));
    return buf_detach(&b);
}

static void test_markup_is_text(void **state)
{
    (void)state;
    char *x = put("<script>alert(\"x\")</script> & 'y' \"><img src=x onerror=alert(1)>");
    assert_string_equal(x, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; "
                           "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    free(x);
}

static void test_bidi_controls_shown(void **state)
{
    (void)state;
    /* U+202E RIGHT-TO-LEFT OVERRIDE, U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP */
    char *x = put("a\xE2\x80\xAE" "b\xE2\x81\xA7" "c\xE2\x81\xA9");
    assert_string_equal(x, "a<span class=\"ctl\">U+202E</span>b<span class=\"ctl\">U+2067</span>"
                           "c<span class=\"ctl\">U+2069</span>");
    free(x);
    /* other characters of the same lead bytes pass: U+2019, U+2070 */
    x = put("\xE2\x80\x99\xE2\x81\xB0");
    assert_string_equal(x, "\xE2\x80\x99\xE2\x81\xB0");
    free(x);
}

static void test_controls_replaced(void **state)
{
    (void)state;
    char *x = put("a\x01" "b\x1b[31mc\td");
    assert_string_equal(x, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD[31mc\td");
    free(x);
}

static void test_long_words_break(void **state)
{
    (void)state;
    char word[200];
    memset(word, 'A', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    char *x = put(word);
    /* a break opportunity every HTML_WORD_MAX bytes, never at the start */
    assert_int_equal(strncmp(x, "AAAA", 4), 0);
    size_t nwbr = 0;
    for (const char *p = x; (p = strstr(p, "<wbr>")) != NULL; p++)
        nwbr++;
    assert_int_equal(nwbr, (sizeof word - 2) / HTML_WORD_MAX);
    free(x);
    /* ordinary words get none */
    x = put("Certification Practice Statement");
    assert_null(strstr(x, "<wbr>"));
    free(x);
    /* never inside a UTF-8 sequence: 100 x "é" (2 bytes each) */
    buf in = BUF_INIT;
    for (int i = 0; i < 100; i++)
        buf_puts(&in, "\xC3\xA9");
    x = put(buf_cstr(&in));
    for (const char *p = x; (p = strstr(p, "<wbr>")) != NULL; p++)
        assert_int_equal((unsigned char)p[5], 0xC3);
    free(x);
    buf_free(&in);
    /* attribute values: escaped, never a <wbr> */
    buf a = BUF_INIT;
    html_attr(&a, word);
    assert_null(strstr(buf_cstr(&a), "<wbr>"));
    buf_free(&a);
}

static void test_ids(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    html_id(&b, "3.2.2.4\"><x");
    assert_string_equal(buf_cstr(&b), "3.2.2.4____");
    buf_free(&b);
}

static void test_sha256(void **state)
{
    (void)state;
    char out[45];
    sha256_base64("abc", 3, out); /* FIPS 180-4 example */
    assert_string_equal(out, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    sha256_base64("", 0, out);
    assert_string_equal(out, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    /* 56 bytes: the length no longer fits the first padding block */
    sha256_base64("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, out);
    assert_string_equal(out, "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup_is_text),     cmocka_unit_test(test_bidi_controls_shown),
        cmocka_unit_test(test_controls_replaced),  cmocka_unit_test(test_long_words_break),
        cmocka_unit_test(test_ids),                cmocka_unit_test(test_sha256),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

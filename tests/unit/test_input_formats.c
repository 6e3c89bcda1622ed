/* test_input_formats.c — the table of input formats: sniffing by name and
 * content with its precedence, the binary sniff, the lookups, the rows'
 * consistency. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "input_formats.h"

static const char *sniffed(const char *name, const char *text)
{
    return input_format_sniff(name, text, text ? strlen(text) : 0)->name;
}

static void test_sniff_by_name(void **state)
{
    (void)state;
    /* the extension decides first, whatever the content */
    assert_string_equal(sniffed("a.HTML", "# x"), "html");
    assert_string_equal(sniffed("a.htm", ""), "html");
    assert_string_equal(sniffed("a.xhtml", ""), "xhtml");
    assert_string_equal(sniffed("a.xht", "# x"), "xhtml");
    assert_string_equal(sniffed("dir.md/cps.md", "<p>x"), "markdown");
    assert_string_equal(sniffed("x.markdown", ""), "markdown");
    assert_string_equal(sniffed("x.mkd", "<p>x"), "markdown");
    assert_string_equal(sniffed("x.pdf", ""), "pdf");
    /* a .txt is plain text, even when it looks like Markdown or HTML */
    assert_string_equal(sniffed("cps.TXT", "Intro\n\n## 1. Introduction\n"), "text");
    assert_string_equal(sniffed("cps.txt", "<p>x</p>"), "text");
    /* a dot in a directory is not an extension; stdin has none */
    assert_string_equal(sniffed("dir.md/cps", "<p>x"), "html");
    assert_string_equal(sniffed("-", "# Title\n"), "markdown");
}

static void test_sniff_by_content(void **state)
{
    (void)state;
    assert_string_equal(sniffed("-", "%PDF-1.7"), "pdf");
    assert_string_equal(sniffed("-", "  <?xml version=\"1.0\"?><html>"), "xhtml");
    assert_string_equal(sniffed("cps", "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\">"),
                        "xhtml");
    assert_string_equal(sniffed("cps", "<!doctype html><title>x</title>"), "html");
    assert_string_equal(sniffed("cps", "<P>text"), "html");
    assert_string_equal(sniffed("cps", "Intro\n\n## 1. Introduction\n"), "markdown");
    assert_string_equal(sniffed("-", "#hashtag, <pre> is not <p\n"), "html");
    assert_string_equal(sniffed(NULL, "plain text"), "html");
    assert_string_equal(sniffed("-", NULL), "html");
    /* precedence: the signature over a declaration, a declaration over a
     * tag, a tag over a heading */
    assert_string_equal(sniffed("-", "%PDF-1.4 <html xmlns='http://www.w3.org/1999/xhtml'>"), "pdf");
    assert_string_equal(sniffed("-", "<?xml version=\"1.0\"?>\n# Title\n<p>x</p>"), "xhtml");
    assert_string_equal(sniffed("-", "# Title\n\n<p>x</p>\n"), "html");
    /* a tag past the first 4096 bytes is not looked at; a heading is */
    char big[5000];
    memset(big, 'a', sizeof big);
    memcpy(big + 4500, "\n# T\n<p>", 8);
    big[sizeof big - 1] = '\0';
    assert_string_equal(sniffed("-", big), "markdown");
}

static void test_binary(void **state)
{
    (void)state;
    const unsigned char pdf[] = "\n%PDF-1.7\n";
    assert_ptr_equal(input_format_binary("-", pdf, sizeof pdf - 1), input_format_find("pdf"));
    const unsigned char junk[] = "junk%PDF-1.7\n";
    assert_null(input_format_binary("-", junk, sizeof junk - 1));
    /* a file named *.pdf may have junk before the signature */
    assert_ptr_equal(input_format_binary("a.PDF", junk, sizeof junk - 1), input_format_find("pdf"));
    const unsigned char html[] = "<title>%PDF-1.7</title>";
    assert_null(input_format_binary("a.html", html, sizeof html - 1));
}

static void test_lookups(void **state)
{
    (void)state;
    assert_null(input_format_find("docx"));
    assert_string_equal(input_format_find("markdown")->label, "Markdown");
    assert_null(input_format_by_ext("cps", 0));
    assert_null(input_format_by_ext("a.md/cps", 0));
    assert_string_equal(input_format_by_ext("A.MARKDOWN", 1)->name, "markdown");
    /* named-only extensions are not picked by a directory walk */
    assert_string_equal(input_format_by_ext("a.xht", 0)->name, "xhtml");
    assert_null(input_format_by_ext("a.xht", 1));
    assert_null(input_format_by_ext("a.mdown", 1));
    assert_string_equal(input_format_by_ext("a.txt", 0)->name, "text");
    assert_null(input_format_by_ext("a.txt", 1));
    buf b = BUF_INIT;
    input_format_labels(&b, " or ");
    assert_string_equal(buf_cstr(&b), "HTML, XHTML, Markdown, PDF or plain text");
    buf_truncate(&b, 0);
    input_format_names(&b);
    assert_string_equal(buf_cstr(&b), "html, xhtml, markdown, pdf, text");
    buf_truncate(&b, 0);
    input_format_globs(&b);
    assert_string_equal(buf_cstr(&b), "*.html *.htm *.xhtml *.md *.markdown *.pdf");
    buf_free(&b);
}

/* Every row is complete and consistent: one reader, the sniff that goes
 * with it, unique names and extensions. */
static void test_rows(void **state)
{
    (void)state;
    size_t n = 0;
    for (size_t i = 0; input_formats[i]; i++, n++) {
        const input_format *f = input_formats[i];
        assert_non_null(f->name);
        assert_non_null(f->label);
        assert_non_null(f->ext);
        assert_non_null(f->need);
        assert_true((f->parse_text != NULL) != (f->parse_bytes != NULL));
        if (f->parse_bytes) {
            assert_non_null(f->sniff_bytes);
            assert_non_null(f->magic);
        }
        assert_true((f->sniff_text != NULL) == (f->strength != INPUT_SNIFF_NONE));
        assert_ptr_equal(input_format_find(f->name), f);
        for (size_t j = 0; j < i; j++)
            assert_true(strcmp(input_formats[j]->name, f->name) != 0);
        /* each extension leads back to its row; named-only ones only
         * when named */
        for (int walked = 1; walked >= 0; walked--)
            for (const char *w = walked ? f->ext : f->ext_named; w && *w;) {
                char path[40] = "x.";
                size_t k = strcspn(w, " ");
                assert_true(k < sizeof path - 3);
                memcpy(path + 2, w, k);
                path[2 + k] = '\0';
                assert_ptr_equal(input_format_by_ext(path, walked), f);
                assert_ptr_equal(input_format_by_ext(path, 0), f);
                if (!walked)
                    assert_null(input_format_by_ext(path, 1));
                w += k + (w[k] == ' ');
            }
    }
    assert_true(n >= 5);
    assert_null(input_formats[0]->parse_bytes); /* the fallback is a text format */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff_by_name),
        cmocka_unit_test(test_sniff_by_content),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

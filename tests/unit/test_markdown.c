/* Unit tests: Markdown to blocks (cmark-gfm through the HTML walker). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markdown.h"
#include "source.h"

static doc parse(const char *md)
{
    source s;
    cps_err e;
    assert_int_equal(source_from_bytes("t.md", (const unsigned char *)md, strlen(md),
                                       SOURCE_DEFAULT_MAX_SIZE, &s, &e), 0);
    doc d;
    assert_int_equal(markdown_parse(&s, 0, &d, &e), 0);
    source_free(&s);
    return d;
}

/* The first block whose text starts with prefix. */
static const doc_block *find(const doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (strncmp(d->blocks[i].text, prefix, strlen(prefix)) == 0)
            return &d->blocks[i];
    fail_msg("no block starting with '%s'", prefix);
    return NULL;
}

static void test_kinds_and_lines(void **state)
{
    (void)state;
    doc d = parse("# 1. Introduction\n"                 /* 1 */
                  "\n"
                  "Some *text*\nthat runs on\n"          /* 3-4 */
                  "\n"
                  "first part<br>\nsecond part\n"        /* 6-7 */
                  "\n"
                  "| Version | Date |\n|---|---|\n| 1.0 | 2024-01-02 |\n" /* 9-11 */
                  "\n"
                  "- one\n- two **bold**\n"              /* 13-14 */
                  "\n"
                  "```\ncode block\n```\n");           /* 16-18 */
    assert_string_equal(d.format, "markdown");
    const doc_block *b = find(&d, "1. Introduction");
    assert_int_equal(b->kind, BLOCK_HEADING);
    assert_int_equal(b->level, 1);
    assert_int_equal(b->line, 1);
    b = find(&d, "Some text that runs on");
    assert_int_equal(b->kind, BLOCK_PARAGRAPH);
    assert_int_equal(b->line, 3);
    b = find(&d, "second part");
    assert_int_equal(b->line, 7);
    assert_true(b->flags & BLOCK_SPLIT);
    b = find(&d, "Version");
    assert_int_equal(b->kind, BLOCK_TABLE_CELL);
    assert_true(b->flags & BLOCK_HEADER_CELL);
    assert_int_equal(b->line, 9);
    b = find(&d, "2024-01-02");
    assert_int_equal(b->table, 1);
    assert_int_equal(b->row, 1);
    assert_int_equal(b->col, 1);
    assert_int_equal(b->line, 11);
    b = find(&d, "two bold");
    assert_int_equal(b->kind, BLOCK_LIST_ITEM);
    assert_int_equal(b->line, 14);
    b = find(&d, "code block");
    assert_int_equal(b->kind, BLOCK_PRE);
    assert_int_equal(b->line, 16); /* the opening fence */
    assert_int_equal(b->page, 0);
    doc_free(&d);
}

static void test_lines_past_65535(void **state)
{
    (void)state;
    buf md = BUF_INIT;
    for (int i = 0; i < 70000; i++)
        buf_puts(&md, "\n");
    buf_puts(&md, "## 4.9.1 Circumstances for revocation\n\ntext\n\n<p>raw</p>\n");
    doc d = parse(buf_cstr(&md));
    assert_int_equal(find(&d, "4.9.1")->line, 70001);
    assert_int_equal(find(&d, "text")->line, 70003);
    /* inside raw HTML, lines are counted by libxml2 (capped): the block's
     * start line at least */
    assert_true(find(&d, "raw")->line >= 70005 - 1);
    buf_free(&md);
    doc_free(&d);
}

static void test_raw_html_read(void **state)
{
    (void)state;
    doc d = parse("# 1. Intro\n"
                  "\n"
                  "<table>\n"
                  "<tr><th>Version</th><th>Date</th></tr>\n"
                  "<tr><td>2.0</td><td>2024-05-06</td></tr>\n"
                  "</table>\n"
                  "\n"
                  "<a id=\"x\"></a>\n"
                  "<h2>1.1 Overview</h2>\n"
                  "\n"
                  "| a |\n|---|\n| b |\n");
    const doc_block *b = find(&d, "2024-05-06");
    assert_int_equal(b->kind, BLOCK_TABLE_CELL);
    assert_int_equal(b->table, 1);
    assert_int_equal(b->line, 5);
    b = find(&d, "1.1 Overview");
    assert_int_equal(b->kind, BLOCK_HEADING);
    assert_int_equal(b->line, 9);
    assert_int_equal(find(&d, "b")->table, 2);
    doc_free(&d);
}

/* A cpslint directive in Markdown (an HTML block) keeps its source line. */
static void test_directive_line(void **state)
{
    (void)state;
    doc d = parse("---\ntitle: T\n---\n"
                  "# 1. Intro\n"
                  "\n"
                  "Text.\n"
                  "\n"
                  "<!-- cpslint-disable a.b -- why -->\n"
                  "\n"
                  "## 1.1 Overview\n");
    assert_int_equal(d.ndirectives, 1);
    assert_string_equal(d.directives[0].text, "cpslint-disable a.b -- why");
    assert_int_equal(d.directives[0].line, 8);
    assert_int_equal(d.directives[0].block, 2);
    doc_free(&d);
}

static void test_front_matter(void **state)
{
    (void)state;
    const char *md = "---\n"
                     "title: \"Example CPS\"\n"
                     "subtitle: Version 2.2.6\n"
                     "author:\n  - Someone\n"
                     "date: 31-March-2026\n"
                     "copyright: |\n  text\n"
                     "---\n"
                     "\n"
                     "# 1. Introduction\n";
    doc d;
    doc_init(&d, "t.md");
    size_t n = markdown_front_matter(md, strlen(md), &d);
    assert_int_equal(n, strlen(md) - strlen("\n# 1. Introduction\n"));
    assert_string_equal(d.title, "Example CPS");
    assert_string_equal(d.fm_version, "Version 2.2.6");
    assert_string_equal(d.fm_date, "31-March-2026");
    doc_free(&d);

    d = parse(md);
    assert_int_equal(d.nblocks, 1); /* the front matter is no text */
    assert_int_equal(d.blocks[0].line, 11);
    assert_string_equal(d.fm_version, "Version 2.2.6");
    doc_free(&d);

    /* a thematic break is no front matter; nor is an unclosed one */
    assert_int_equal(markdown_front_matter("---\n\nText\n---\n", 14, NULL), 0);
    assert_int_equal(markdown_front_matter("---\nversion: 1\n", 15, NULL), 0);
    const char *crlf = "--- \r\nversion: '1.0'\r\n...\r\nx";
    assert_int_equal(markdown_front_matter(crlf, strlen(crlf), NULL), strlen(crlf) - 1);
}

static void test_hostile(void **state)
{
    (void)state;
    /* deep nesting, unclosed HTML, NUL-free junk: no crash, some blocks */
    buf md = BUF_INIT;
    for (int i = 0; i < 5000; i++)
        buf_puts(&md, "> ");
    buf_puts(&md, "deep\n\n<div><table><tr><td>open\n\n| a | b |\n|---|\n| 1 |\n");
    for (int i = 0; i < 2000; i++)
        buf_puts(&md, "[");
    buf_puts(&md, "\n");
    source s;
    cps_err e;
    assert_int_equal(source_from_bytes("h.md", (const unsigned char *)md.ptr, md.len,
                                       SOURCE_DEFAULT_MAX_SIZE, &s, &e), 0);
    doc d;
    int rc = markdown_parse(&s, 0, &d, &e);
    assert_true(rc == 0 || rc == CPS_E_INPUT);
    doc_free(&d);
    source_free(&s);
    buf_free(&md);
}

/* Rendering from several threads at once gives what one thread gives:
 * tables (whose rows add and remove cmark-gfm's global special
 * characters), strikethrough and autolinks. */
static const char *threads_md;
static char *threads_want;

static void *render_many(void *arg)
{
    int *bad = arg;
    for (int k = 0; k < 40; k++) {
        size_t n;
        char *h = markdown_render(threads_md, strlen(threads_md), &n);
        if (!h || strcmp(h, threads_want))
            (*bad)++;
        free(h);
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    markdown_init();
    markdown_init(); /* idempotent */
    buf md = BUF_INIT;
    buf_puts(&md, "# 1. Introduction\n\n");
    for (int i = 0; i < 200; i++)
        buf_printf(&md, "| a %d | ~~b~~ | www.example.com/%d |\n|---|---|---|\n| ~~x~~ | y | "
                        "https://example.org/%d |\n\nText ~~struck %d~~ and www.example.net.\n\n",
                   i, i, i, i);
    threads_md = buf_cstr(&md);
    size_t n;
    threads_want = markdown_render(threads_md, md.len, &n);
    assert_non_null(threads_want);
    assert_non_null(strstr(threads_want, "<del>struck 7</del>"));
    assert_non_null(strstr(threads_want, "<del>x</del>"));
    assert_non_null(strstr(threads_want, "href=\"http://www.example.com/3\""));
    pthread_t t[4];
    int bad[4] = {0};
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, render_many, &bad[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(bad[i], 0);
    }
    free(threads_want);
    buf_free(&md);
}

static int limits(const char *text)
{
    cps_err e;
    cps_err_clear(&e);
    return markdown_check_limits(text, strlen(text), "t.md", &e);
}

static void test_limits(void **state)
{
    (void)state;
    assert_int_equal(limits("|a|b|\n|-|-|\n|1|2|\n\n<?xml version=\"1.0\"?> <![CDATA[x]]>\n"), 0);
    buf b = BUF_INIT;
    /* ordinary wide rows, any number of them */
    for (int i = 0; i < 20000; i++)
        buf_puts(&b, "|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|1|2|3|4|5|\n");
    assert_int_equal(limits(buf_cstr(&b)), 0);
    /* header width times rows */
    buf_truncate(&b, 0);
    buf_puts(&b, "| a | b | c | d | e | f | g | h |\n| :-- | --- | --: | - | - | - | - | - |\n");
    for (int i = 0; i < 31000; i++)
        buf_puts(&b, "x\n");
    assert_int_equal(limits(buf_cstr(&b)), 0);
    for (int i = 0; i < 500; i++)
        buf_puts(&b, "x\n");
    cps_err e;
    assert_int_equal(markdown_check_limits(b.ptr, b.len, "t.md", &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "cells"));
    /* a blank line ends the table: the lines after it are no rows */
    buf_truncate(&b, 0);
    buf_puts(&b, "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n\n");
    for (int i = 0; i < 40000; i++)
        buf_puts(&b, "x\n");
    assert_int_equal(limits(buf_cstr(&b)), 0);
    /* one row of 20,000 cells */
    buf_truncate(&b, 0);
    buf_puts(&b, "|a|\n|-|\n|");
    for (int i = 0; i < 20000; i++)
        buf_puts(&b, "x|");
    assert_int_equal(markdown_check_limits(b.ptr, b.len, "t.md", &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "t.md:3:"));
    /* unclosed "<?": cheap when closed or cut by a blank line */
    buf_truncate(&b, 0);
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "a <? b\n\n");
    assert_int_equal(limits(buf_cstr(&b)), 0);
    buf_truncate(&b, 0);
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "a <? b ?>\n");
    assert_int_equal(limits(buf_cstr(&b)), 0);
    buf_truncate(&b, 0);
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "a <? b\n");
    assert_int_equal(limits(buf_cstr(&b)), CPS_E_LIMIT);
    buf_free(&b);
}

/* text[0..) repeated n times, then tail: its markdown_check_limits code;
 * the message in e. */
static int repeated(const char *text, int n, const char *tail, cps_err *e)
{
    buf b = BUF_INIT;
    for (int i = 0; i < n; i++)
        buf_puts(&b, text);
    buf_puts(&b, tail);
    int rc = markdown_check_limits(b.ptr, b.len, "t.md", e);
    buf_free(&b);
    return rc;
}

/* The paths found on the trackers (markdown.h): refused in one paragraph,
 * read when blank lines, closers or ordinary use keep them cheap. */
static void test_limits_tracker_paths(void **state)
{
    (void)state;
    cps_err e;
    /* "<!D" declarations (commonmark/cmark#379) */
    assert_int_equal(repeated("<!D ", 50000, "\n", &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "declarations"));
    assert_int_equal(repeated("<!DOCTYPE html> x ", 50000, "\n", &e), 0);
    assert_int_equal(repeated("<!D x\n\n", 50000, "", &e), 0);
    /* image openers before link closers */
    assert_int_equal(repeated("![[]()", 50000, "\n", &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "image openers"));
    assert_int_equal(repeated("![a](b.png) [c](d)\n\n", 50000, "", &e), 0);
    /* emphasis delimiters in one paragraph */
    assert_int_equal(repeated("*a **a", 50000, "\n", &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "emphasis"));
    assert_int_equal(repeated("Some *emphasis* and **strong** text.\n\n", 50000, "", &e), 0);
    /* a long reference definition used many times (mity/md4c#238) */
    buf b = BUF_INIT;
    buf_puts(&b, "[x]: ");
    for (int i = 0; i < 10000; i++)
        buf_putc(&b, 'x');
    buf_puts(&b, "\n");
    assert_int_equal(repeated("\n[x]", 10000, buf_cstr(&b), &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "reference definition"));
    assert_int_equal(repeated("\n[x]", 10000, "[x]: https://example.test/policy\n", &e), 0);
    buf_free(&b);
}

/* cmark-gfm's pool: a budget too small for the tree fails the parse with
 * CPS_E_LIMIT and no blocks, frees everything (the ASan build checks),
 * and releases the parse lock (the next parse works). */
static void test_pool_budget(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    buf_puts(&b, "# 1. Introduction\n\n");
    for (int i = 0; i < 20000; i++)
        buf_puts(&b, "A paragraph | with ~~text~~ and https://x.test.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
    source s;
    cps_err e;
    assert_int_equal(source_from_bytes("t.md", (const unsigned char *)b.ptr, b.len,
                                       SOURCE_DEFAULT_MAX_SIZE, &s, &e), 0);
    doc d;
    assert_int_equal(markdown_parse_limited(&s, 0, 256 * 1024, &d, &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "--max-memory"));
    assert_int_equal(d.nblocks, 0);
    doc_free(&d);
    assert_int_equal(markdown_parse_limited(&s, 0, 0, &d, &e), 0);
    assert_true(d.nblocks > 20000);
    doc_free(&d);
    source_free(&s);
    buf_free(&b);
}

/* Past MARKDOWN_SEGMENT_FROM the text is read in segments: the same
 * blocks, lines and kinds as one piece (checked against the segments'
 * own sum: each block's line is the line its text is on). */
static void test_segments_keep_lines(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    size_t line = 1, want = 0;
    while (b.len < MARKDOWN_SEGMENT_FROM + 100000) {
        buf_printf(&b, "Paragraph on line %zu.\n\n", line);
        line += 2;
        want++;
        if (want % 1000 == 0) {
            buf_puts(&b, "```\nfenced\n\nLooks like a paragraph\n```\n\n");
            line += 6;
        }
    }
    source s;
    cps_err e;
    assert_int_equal(source_from_bytes("t.md", (const unsigned char *)b.ptr, b.len,
                                       SOURCE_DEFAULT_MAX_SIZE, &s, &e), 0);
    doc d;
    assert_int_equal(markdown_parse(&s, 0, &d, &e), 0);
    size_t paras = 0;
    for (size_t i = 0; i < d.nblocks; i++) {
        if (d.blocks[i].kind == BLOCK_PRE) {
            assert_non_null(strstr(d.blocks[i].text, "Looks like a paragraph"));
            continue;
        }
        char expect[64];
        snprintf(expect, sizeof expect, "Paragraph on line %ld.", d.blocks[i].line);
        assert_string_equal(d.blocks[i].text, expect);
        paras++;
    }
    assert_int_equal(paras, want);
    doc_free(&d);
    source_free(&s);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_and_lines),
        cmocka_unit_test(test_pool_budget),
        cmocka_unit_test(test_segments_keep_lines),
        cmocka_unit_test(test_lines_past_65535),
        cmocka_unit_test(test_raw_html_read),
        cmocka_unit_test(test_directive_line),
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_limits_tracker_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

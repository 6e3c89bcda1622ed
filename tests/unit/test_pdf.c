/* Unit tests: PDF text to blocks (no pdftotext needed) and the child
 * process half (a stand-in program, and a missing one). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "layout.h"
#include "pdf.h"

static doc blocks_of(const char *text)
{
    doc d;
    doc_init(&d, "t.pdf");
    cps_err e;
    assert_int_equal(layout_to_blocks(text, strlen(text), &d, &e), 0);
    return d;
}

static const doc_block *find(const doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (strncmp(d->blocks[i].text, prefix, strlen(prefix)) == 0)
            return &d->blocks[i];
    return NULL;
}

static int any_contains(const doc *d, const char *needle)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (strstr(d->blocks[i].text, needle))
            return 1;
    return 0;
}

/* Four pages as pdftotext -layout writes them: a title page, a TOC with
 * dot leaders (one entry wrapped), then body pages with a running header,
 * a footer with the page number, a paragraph across a page break. */
static const char sample[] =
    "              Example CA\n"
    "       Certification Practice Statement\n"
    "              Version 3.1\n"
    "\f"
    "Example CA CPS v3.1                                  Public\n"
    "\n"
    "Table of Contents\n"
    "1. INTRODUCTION .......................................... 3\n"
    "  1.1 Overview ........................................... 3\n"
    "  1.2 Document name and identification of the document\n"
    "      and its versions ................................... 3\n"
    "  1.3 PKI participants ................................... 4\n"
    "\n"
    "                          Page 2 of 4\n"
    "\f"
    "Example CA CPS v3.1                                  Public\n"
    "\n"
    "1. INTRODUCTION\n"
    "\n"
    "1.1 Overview\n"
    "This CPS describes the practices of Example CA for the issuance of\n"
    "certificates, as described in section\n"
    "4.9.1 Circumstances for revocation and elsewhere. The text goes on\n"
    "and on until the end of the\n"
    "\n"
    "                          Page 3 of 4\n"
    "\f"
    "Example CA CPS v3.1                                  Public\n"
    "page, where it continues on the next one.\n"
    "\n"
    "1.2 Document name and identification\n"
    "   \xe2\x80\xa2 First item of a list\n"
    "     continued here\n"
    "   \xe2\x80\xa2 Second item\n"
    "1. Validate the request.\n"
    "2. Issue the certificate.\n"
    "1.3 Registration authorities and other delegated third parties named in\n"
    "agreements\n"
    "\n"
    "                          Page 4 of 4\n"
    "\f";

static void test_headers_footers_toc(void **state)
{
    (void)state;
    doc d = blocks_of(sample);
    assert_false(any_contains(&d, "Example CA CPS v3.1"));
    assert_false(any_contains(&d, "Page "));
    assert_false(any_contains(&d, "Table of Contents"));
    assert_false(any_contains(&d, "....."));
    assert_false(any_contains(&d, "and its versions"));
    /* the title page stays: it is front matter */
    assert_non_null(find(&d, "Example CA"));
    assert_true(any_contains(&d, "Version 3.1"));
    doc_free(&d);
}

static void test_headings_and_pages(void **state)
{
    (void)state;
    doc d = blocks_of(sample);
    const doc_block *b = find(&d, "1. INTRODUCTION");
    assert_non_null(b);
    assert_int_equal(b->kind, BLOCK_HEADING);
    assert_int_equal(b->level, 1);
    assert_int_equal(b->page, 3);
    assert_int_equal(b->line, 3);
    b = find(&d, "1.1 Overview");
    assert_non_null(b);
    assert_int_equal(b->kind, BLOCK_HEADING);
    assert_int_equal(b->level, 2);
    assert_int_equal(b->line, 5);
    /* the paragraph: a section number inside the sentence is no heading,
     * and the page break does not cut it */
    b = find(&d, "This CPS describes");
    assert_non_null(b);
    assert_int_equal(b->kind, BLOCK_PARAGRAPH);
    assert_int_equal(b->page, 3);
    assert_int_equal(b->line, 6);
    assert_non_null(strstr(b->text, "section 4.9.1 Circumstances"));
    assert_non_null(strstr(b->text, "end of the page, where it continues"));
    assert_null(find(&d, "4.9.1"));
    b = find(&d, "1.2 Document name");
    assert_non_null(b);
    assert_int_equal(b->kind, BLOCK_HEADING);
    assert_int_equal(b->page, 4);
    assert_int_equal(b->line, 4);
    b = find(&d, "First item of a list continued here");
    assert_non_null(b);
    assert_int_equal(b->kind, BLOCK_LIST_ITEM);
    assert_non_null(find(&d, "Second item"));
    /* "1. Validate the request." is not chapter 1 */
    b = find(&d, "1. Validate");
    assert_non_null(b);
    assert_int_not_equal(b->kind, BLOCK_HEADING);
    /* a title cut by the page width is joined */
    b = find(&d, "1.3 Registration");
    assert_non_null(b);
    assert_int_equal(b->kind, BLOCK_HEADING);
    assert_string_equal(b->text, "1.3 Registration authorities and other delegated third "
                                 "parties named in agreements");
    doc_free(&d);
}

/* A TOC entry wrapped across a page break leaves nothing behind. */
static void test_toc_entry_across_pages(void **state)
{
    (void)state;
    doc d = blocks_of("Head\n\nContents\n"
                      "7.1.8 Policy qualifiers syntax and semantics ......... 33\n"
                      "7.1.9 Processing semantics for the critical Certificate\n"
                      "\n  - 5 -\n\f"
                      "Head\n\n"
                      "      Policies extension ............................ 33\n"
                      "7.2 CRL profile ....................................... 34\n"
                      "\n  - 6 -\n\f"
                      "Head\n\n7.1.9 Processing semantics\n\nText.\n\n  - 7 -\n\f");
    const doc_block *b = find(&d, "7.1.9");
    assert_non_null(b);
    assert_int_equal(b->page, 3);
    assert_int_equal(d.nblocks, 2);
    doc_free(&d);
}

static void test_page_numbers_and_junk(void **state)
{
    (void)state;
    /* bare page numbers, roman numerals, "- 3 -"; and hostile bytes */
    doc d = blocks_of("Intro text\n\n- 1 -\n\fii\nMore text\n\n3\n\f\x01\xff\xfe junk \x80\n");
    assert_false(any_contains(&d, "- 1 -"));
    assert_null(find(&d, "ii"));
    assert_non_null(find(&d, "More text"));
    for (size_t i = 0; i < d.nblocks; i++)
        assert_true(d.blocks[i].page >= 1);
    doc_free(&d);
    d = blocks_of("");
    assert_int_equal(d.nblocks, 0);
    doc_free(&d);
    d = blocks_of("\f\f\f\n\n\f");
    assert_int_equal(d.nblocks, 0);
    doc_free(&d);
}

static void test_sniff(void **state)
{
    (void)state;
    assert_true(pdf_is_pdf((const unsigned char *)"%PDF-1.7\n", 9));
    assert_true(pdf_is_pdf((const unsigned char *)"\r\n%PDF-1.4", 10));
    assert_false(pdf_is_pdf((const unsigned char *)"<html>", 6));
    assert_false(pdf_is_pdf((const unsigned char *)"%PD", 3));
}

static char *write_script(const char *body)
{
    char *path = strdup("/tmp/cpslint-test-pdftotext-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "#!/bin/sh\n%s\n", body);
    fclose(f);
    chmod(path, 0700);
    return path;
}

static void test_extract_child(void **state)
{
    (void)state;
    cps_err e;
    char *text;
    size_t len;
    /* missing program */
    pdf_opts o = {0, 0, "/nonexistent/pdftotext"};
    assert_int_equal(pdf_extract("x.pdf", "x.pdf", &o, &text, &len, &e), CPS_E_INPUT);
    assert_non_null(strstr(e.msg, "x.pdf: PDF input needs pdftotext (Debian package poppler-utils)"));
    assert_null(text);

    /* a stand-in that prints its arguments: no shell, file name kept whole */
    char *prog = write_script("for a in \"$@\"; do printf '[%s]' \"$a\"; done");
    o.pdftotext = prog;
    assert_int_equal(pdf_extract("-odd name.pdf", "n", &o, &text, &len, &e), 0);
    assert_string_equal(text, "[-q][-layout][-enc][UTF-8][./-odd name.pdf][-]");
    free(text);
    unlink(prog);
    free(prog);

    /* exit status 1: a PDF it cannot read */
    prog = write_script("exit 1");
    o.pdftotext = prog;
    assert_int_equal(pdf_extract("x.pdf", "x.pdf", &o, &text, &len, &e), CPS_E_PARSE);
    assert_non_null(strstr(e.msg, "cannot read this PDF"));
    unlink(prog);
    free(prog);

    /* output cap */
    prog = write_script("yes 0123456789012345678901234567890123456789 | head -c 300000");
    o.pdftotext = prog;
    o.max_output = 100000;
    assert_int_equal(pdf_extract("x.pdf", "x.pdf", &o, &text, &len, &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "larger than 100000 bytes"));
    unlink(prog);
    free(prog);

    /* time limit */
    prog = write_script("exec sleep 30");
    o.pdftotext = prog;
    o.max_output = 0;
    o.timeout = 1;
    assert_int_equal(pdf_extract("x.pdf", "x.pdf", &o, &text, &len, &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "longer than 1 s"));
    unlink(prog);
    free(prog);
}

static void test_parse_bytes_temp_file(void **state)
{
    (void)state;
    /* the stand-in copies the temporary file; the file is gone afterwards */
    char *prog = write_script("printf '%s' \"$6\" > /tmp/cpslint-test-lastarg; "
                              "printf '1.1 Overview\\n\\nText.\\n'");
    pdf_opts o = {0, 0, prog};
    doc d;
    cps_err e;
    const char pdf[] = "%PDF-1.4 fake";
    assert_int_equal(pdf_parse_bytes("-", (const unsigned char *)pdf, sizeof pdf - 1, &o, &d, &e),
                     0);
    assert_string_equal(d.format, "pdf");
    assert_int_equal(d.nblocks, 2);
    assert_int_equal(d.blocks[0].kind, BLOCK_HEADING);
    assert_int_equal(d.blocks[0].page, 1);
    doc_free(&d);
    FILE *f = fopen("/tmp/cpslint-test-lastarg", "r");
    assert_non_null(f);
    char tmpname[512] = "";
    assert_non_null(fgets(tmpname, sizeof tmpname, f));
    fclose(f);
    unlink("/tmp/cpslint-test-lastarg");
    assert_int_equal(access(tmpname, F_OK), -1);
    unlink(prog);
    free(prog);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headers_footers_toc),
        cmocka_unit_test(test_headings_and_pages),
        cmocka_unit_test(test_toc_entry_across_pages),
        cmocka_unit_test(test_page_numbers_and_junk),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_extract_child),
        cmocka_unit_test(test_parse_bytes_temp_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

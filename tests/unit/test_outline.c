/* Unit tests: section numbers, heading recognition, TOC skipping, ranges. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "outline.h"

static outline_spec spec;

static int setup(void **state)
{
    (void)state;
    cps_err e;
    cps_err_clear(&e);
    int rc = outline_spec_load("rulesets/rfc3647.outline", &spec, &e);
    if (rc)
        fprintf(stderr, "%s\n", e.msg);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    outline_spec_free(&spec);
    return 0;
}

static const char *num(const char *s)
{
    static char out[OUTLINE_NUM_MAX];
    size_t used = outline_parse_number(s, strlen(s), out);
    return used ? out : "";
}

static void test_parse_number(void **state)
{
    (void)state;
    assert_string_equal(num("1.5.2 Contact person"), "1.5.2");
    assert_string_equal(num("1.5.2. Contact person"), "1.5.2");
    assert_string_equal(num("1. INTRODUCTION"), "1");
    assert_string_equal(num("Section 1.5.2 Contact"), "1.5.2");
    assert_string_equal(num("Chapitre 4 Exigences"), "4");
    assert_string_equal(num("Article 4.9.3 Proc\xc3\xa9" "dure"), "4.9.3");
    assert_string_equal(num("Art. 4.9.3 Proc\xc3\xa9" "dure"), "4.9.3");
    assert_string_equal(num("ART.\xc2\xa0" "2.1 Publication"), "2.1");
    assert_string_equal(num("Chap. 4 Exigences"), "4");
    assert_string_equal(num("Sect. 1.5.2 Contact"), "1.5.2");
    assert_string_equal(num("\xc2\xa0\xc2\xa0" "1.5.2\xc2\xa0\xc2\xa0\xc2\xa0Point de contact"), "1.5.2");
    assert_string_equal(num("1.5.2 \xe2\x80\x93 Contact"), "1.5.2");
    assert_string_equal(num("IV.9.3 Proc\xc3\xa9" "dure"), "4.9.3");
    assert_string_equal(num("VI. MESURES DE S\xc3\x89" "CURIT\xc3\x89"), "6");
    assert_string_equal(num("3.2.2.4.19 Agreed-Upon Change"), "3.2.2.4.19");
    assert_string_equal(num("1.5.2"), "1.5.2");
    /* not section numbers */
    assert_string_equal(num("2.23.140.1.2.1 is the DV OID"), "");
    assert_string_equal(num("25.11.2018 version"), "");
    assert_string_equal(num("2.0 is the version"), "");
    assert_string_equal(num("1.5.2a Contact"), "");
    assert_string_equal(num("398 days"), "");
    assert_string_equal(num("I think so"), "");
    assert_string_equal(num("5,2 millions"), "");
    assert_string_equal(num("Art.4.9.3 Proc"), ""); /* the abbreviation needs its space */
    assert_string_equal(num("Arts. 4 and 5"), "");
    assert_string_equal(num("Artist 4 Studio"), "");
    /* a title glued to its number */
    assert_string_equal(num("1.5.2.Contact Person"), "1.5.2");
    assert_string_equal(num("1.5.2Contact Person"), "1.5.2");
    assert_string_equal(num("1.INTRODUCTION"), "1");
    assert_string_equal(num("4.9.1.1.\xc3\x89tat"), "4.9.1.1");
    /* but not a word or a version glued to a bare number */
    assert_string_equal(num("1Password"), "");
    assert_string_equal(num("2.0beta"), "");
    assert_string_equal(num("I.T. Security"), "");
    assert_string_equal(num("IV.9.3Proc"), "");
}

static void test_number_order(void **state)
{
    (void)state;
    assert_true(outline_number_cmp("4.9.10", "4.9.9") > 0);
    assert_true(outline_number_cmp("3.2", "3.2.1") < 0);
    assert_true(outline_number_cmp("3.2.2.4.19", "3.2.2.4.2") > 0);
    assert_int_equal(outline_number_cmp("1.5.2", "1.5.2"), 0);
    assert_true(outline_number_within("3.2.2.4.1", "3.2"));
    assert_true(outline_number_within("3.2", "3.2"));
    assert_false(outline_number_within("3.21", "3.2"));
    assert_false(outline_number_within("3", "3.2"));
}

static doc_block *add(doc *d, block_kind k, int level, const char *text)
{
    return doc_add_block(d, k, level, text, strlen(text), (long)d->nblocks + 1);
}

static const section *sec(const outline *o, const char *number)
{
    int i = outline_find(o, number);
    return i < 0 ? NULL : &o->secs[i];
}

static void test_build_small(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t.html");
    add(&d, BLOCK_PARAGRAPH, 0, "Example CA Certification Practice Statement");
    add(&d, BLOCK_HEADING, 1, "Table of Contents");
    add(&d, BLOCK_PARAGRAPH, 0, "1 Introduction ........ 3");
    add(&d, BLOCK_LIST_ITEM, 0, "1.5.2 Contact person");
    add(&d, BLOCK_HEADING, 1, "1. INTRODUCTION");
    add(&d, BLOCK_HEADING, 2, "1.1 Overview");
    add(&d, BLOCK_PARAGRAPH, 0, "This CPS describes the practices of Example CA.");
    add(&d, BLOCK_HEADING, 3, "1.5.2 Contact person");
    add(&d, BLOCK_PARAGRAPH, 0, "Write to pma@example.test.");
    add(&d, BLOCK_PARAGRAPH, 0, "1.5.2.1 Problem reports"); /* plain line, extra */
    add(&d, BLOCK_PARAGRAPH, 0, "Report problems at https://example.test/report.");
    add(&d, BLOCK_HEADING, 3, "1.5.3 Person determining CPS suitability for the policy");
    add(&d, BLOCK_HEADING, 3, "1.5.4 CPS approval procedures");
    add(&d, BLOCK_PARAGRAPH, 0, "3. The applicant sends a request."); /* a sentence, not 3 */
    add(&d, BLOCK_HEADING, 3, "1.5.2 Contact person");                /* duplicate */
    add(&d, BLOCK_HEADING, 2, "1.3 PKI participants");                /* out of order */
    add(&d, BLOCK_PARAGRAPH, 0, "The participants are listed below.");

    outline o;
    cps_err e;
    outline_build(&d, &spec, &o, &e);
    assert_int_equal(o.expected, 270);
    assert_non_null(sec(&o, "1"));
    assert_int_equal(sec(&o, "1")->status, SEC_FOUND);
    assert_int_equal(sec(&o, "1")->heading_block, 4); /* not the TOC line */
    assert_int_equal(o.roles[2], ROLE_TOC);
    assert_int_equal(o.roles[3], ROLE_TOC);
    assert_int_equal(o.roles[0], ROLE_FRONT);
    assert_int_equal(sec(&o, "1.5.2")->status, SEC_FOUND);
    assert_int_equal(sec(&o, "1.5.2.1")->status, SEC_EXTRA);
    assert_string_equal(o.secs[sec(&o, "1.5.2.1")->parent].number, "1.5.2");
    assert_int_equal(sec(&o, "1.5.2")->scope_end, 11); /* includes 1.5.2.1 */
    assert_int_equal(sec(&o, "1.5.2")->body_end, 9);   /* own text stops at 1.5.2.1 */
    assert_true(sec(&o, "1.5.3")->empty);
    assert_false(sec(&o, "1.5.4")->empty);
    assert_int_equal(sec(&o, "3")->status, SEC_MISSING);
    assert_int_equal(sec(&o, "1.3")->status, SEC_OUT_OF_ORDER);
    assert_int_equal(o.duplicate, 1);
    assert_int_equal(o.block_sec[8], outline_find(&o, "1.5.2"));
    assert_true(sec(&o, "1.1")->title_match == 1);
    outline_free(&o);
    doc_free(&d);
}

static void test_titles(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t.html");
    add(&d, BLOCK_HEADING, 2, "1.5.2 Point de contact");
    add(&d, BLOCK_HEADING, 2, "1.3.2 Subordinate CAs");
    add(&d, BLOCK_HEADING, 2, "5.1 Physical Security Controls"); /* BR title */
    add(&d, BLOCK_HEADING, 2, "1.5.3 Person Determining CPS Suitability for the Policy");
    outline o;
    outline_build(&d, &spec, &o, NULL);
    assert_int_equal(sec(&o, "1.5.2")->title_match, 1);
    assert_int_equal(sec(&o, "1.3.2")->title_match, 0);
    assert_int_equal(sec(&o, "5.1")->title_match, 1);
    assert_int_equal(sec(&o, "1.5.3")->title_match, 1);
    outline_free(&o);
    doc_free(&d);
}

static void test_many_headings_bounded(void **state)
{
    (void)state;
    /* every section number duplicated, many times: must stay fast */
    doc d;
    doc_init(&d, "t.html");
    char text[64];
    for (int r = 0; r < 200; r++)
        for (size_t i = 0; i < spec.n; i++) {
            snprintf(text, sizeof text, "%s %s", spec.e[i].number, "Heading");
            add(&d, BLOCK_HEADING, 2, text);
        }
    outline o;
    outline_build(&d, &spec, &o, NULL);
    assert_int_equal(o.found + o.out_of_order, 270);
    assert_int_equal(o.duplicate, 199 * 270);
    outline_free(&o);
    doc_free(&d);
}

static void test_toc_in_table_and_bare_title(void **state)
{
    (void)state;
    /* a TOC laid out as a table, then bold-paragraph headings */
    doc d;
    doc_init(&d, "t.html");
    add(&d, BLOCK_PARAGRAPH, 0, "Table of Contents");
    doc_block *b = doc_add_block(&d, BLOCK_TABLE_CELL, 0, "1 Introduction", 14, 2);
    b->table = 1;
    b = doc_add_block(&d, BLOCK_TABLE_CELL, 0, "3", 1, 2);
    b->table = 1, b->col = 1;
    b = doc_add_block(&d, BLOCK_TABLE_CELL, 0, "1.1 Overview", 12, 3);
    b->table = 1, b->row = 1;
    add(&d, BLOCK_PARAGRAPH, 0, "1 Introduction")->flags |= BLOCK_BOLD;
    add(&d, BLOCK_PARAGRAPH, 0, "1.1 Overview")->flags |= BLOCK_BOLD;
    add(&d, BLOCK_PARAGRAPH, 0, "This CPS describes Example CA.");
    outline o;
    outline_build(&d, &spec, &o, NULL);
    assert_int_equal(sec(&o, "1")->status, SEC_FOUND);
    assert_int_equal(sec(&o, "1")->heading_block, 4);
    assert_int_equal(sec(&o, "1.1")->heading_block, 5);
    outline_free(&o);
    doc_free(&d);

    /* a bare "Contents" paragraph with no entries: headings still count */
    doc_init(&d, "t.html");
    add(&d, BLOCK_PARAGRAPH, 0, "Contents");
    add(&d, BLOCK_PARAGRAPH, 0, "1 Introduction")->flags |= BLOCK_BOLD;
    add(&d, BLOCK_PARAGRAPH, 0, "1.1 Overview")->flags |= BLOCK_BOLD;
    add(&d, BLOCK_PARAGRAPH, 0, "This CPS describes Example CA.");
    outline_build(&d, &spec, &o, NULL);
    assert_int_equal(sec(&o, "1")->status, SEC_FOUND);
    assert_int_equal(sec(&o, "1.1")->status, SEC_FOUND);
    outline_free(&o);
    doc_free(&d);
}

static void test_spec_errors(void **state)
{
    (void)state;
    char path[] = "/tmp/cpslint-test-outline-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("# comment\n1\tINTRODUCTION\t-\tIntroduction\n1.x\tBad\t-\t-\n", f);
    fclose(f);
    outline_spec s;
    cps_err e;
    cps_err_clear(&e);
    assert_int_equal(outline_spec_load(path, &s, &e), CPS_E_RULES);
    assert_non_null(strstr(e.msg, ":3: invalid section number"));
    f = fopen(path, "w");
    fputs("1\tINTRODUCTION\n", f);
    fclose(f);
    assert_int_equal(outline_spec_load(path, &s, &e), CPS_E_RULES);
    assert_non_null(strstr(e.msg, ":1: expected 4"));
    remove(path);
}

static const char *heading_of(const outline *o, const char *number)
{
    const section *x = sec(o, number);
    return x && x->heading ? x->heading : "";
}

/* Headings as people write them: glued numbers, a number alone with its
 * title on the next bold line, a title wrapped onto two lines, TOC lines
 * with page numbers, a footnote that starts with a chapter number, title
 * variants. */
static void test_heading_forms(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t.html");
    add(&d, BLOCK_PARAGRAPH, 0, "1.5.2 Contact person 12"); /* TOC line, page 12 */
    add(&d, BLOCK_PARAGRAPH, 0, "4.2.1 Performing identification and authentication functions 31");
    add(&d, BLOCK_HEADING, 1, "1.INTRODUCTION");
    add(&d, BLOCK_PARAGRAPH, 0, "Text.");
    add(&d, BLOCK_HEADING, 2, "1.5.2.Contact Person");
    add(&d, BLOCK_PARAGRAPH, 0, "Write to us.");
    add(&d, BLOCK_HEADING, 2, "1.5.3Person Determining CPS Suitability for the Policy");
    add(&d, BLOCK_PARAGRAPH, 0, "The board.");
    add(&d, BLOCK_PARAGRAPH, 0, "4.2.1.");
    doc_block *b = add(&d, BLOCK_PARAGRAPH, 0, "Performing identification and authentication functions");
    b->flags |= BLOCK_BOLD;
    add(&d, BLOCK_PARAGRAPH, 0, "The RA checks the request.");
    add(&d, BLOCK_PARAGRAPH, 0, "4.6.4 Notification of new certificate issuance to");
    add(&d, BLOCK_PARAGRAPH, 0, "subscriber");
    add(&d, BLOCK_PARAGRAPH, 0, "We notify by email.");
    add(&d, BLOCK_PARAGRAPH, 0, "6 Legacy applications may still rely on SHA-1.");
    add(&d, BLOCK_HEADING, 2, "5.1.1 Site location and construction");
    add(&d, BLOCK_HEADING, 2, "6 Legacy applications");   /* a footnote set as a heading */
    add(&d, BLOCK_HEADING, 1, "6 Technical Security Controls");
    add(&d, BLOCK_HEADING, 2, "4.10.2 Service availability");
    add(&d, BLOCK_HEADING, 2, "4.10.1 Operational characteristics");
    add(&d, BLOCK_HEADING, 2, "2.1 On-line repositories");
    outline o;
    cps_err e;
    assert_int_equal(outline_build(&d, &spec, &o, &e), 0);
    assert_int_equal(o.roles[0], ROLE_TOC);
    assert_int_equal(o.roles[1], ROLE_TOC);
    assert_int_equal(sec(&o, "1")->status, SEC_FOUND);
    assert_string_equal(heading_of(&o, "1"), "INTRODUCTION");
    assert_int_equal(sec(&o, "1.5.2")->heading_block, 4);
    assert_string_equal(heading_of(&o, "1.5.2"), "Contact Person");
    assert_int_equal(sec(&o, "1.5.3")->heading_block, 6);
    assert_int_equal(sec(&o, "4.2.1")->heading_block, 8);
    assert_string_equal(heading_of(&o, "4.2.1"), "Performing identification and authentication functions");
    assert_int_equal(sec(&o, "4.2.1")->body_start, 10);
    assert_int_equal(o.roles[9], ROLE_HEADING);
    assert_false(sec(&o, "4.2.1")->empty);
    assert_int_equal(sec(&o, "4.6.4")->heading_block, 11);
    assert_string_equal(heading_of(&o, "4.6.4"), "Notification of new certificate issuance to subscriber");
    assert_int_equal(sec(&o, "6")->heading_block, 17);  /* not the footnote */
    assert_int_equal(o.duplicate, 0);
    assert_int_equal(sec(&o, "2.1")->title_match, 1);   /* On-line = Online */
    assert_int_equal(sec(&o, "4.10.1")->status, SEC_OUT_OF_ORDER);
    outline_free(&o);
    doc_free(&d);
}

/* A chapter title set apart without a number between numbered sections,
 * and a PDF chapter heading wrapped onto a second line. */
static void test_chapters_unnumbered_and_wrapped(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t.html");
    add(&d, BLOCK_HEADING, 1, "1 INTRODUCTION");
    add(&d, BLOCK_HEADING, 2, "1.6 Definitions and acronyms");
    add(&d, BLOCK_PARAGRAPH, 0, "Terms.");
    doc_block *b = add(&d, BLOCK_PARAGRAPH, 0, "PUBLICATION AND REPOSITORY RESPONSIBILITIES");
    b->flags |= BLOCK_BOLD;
    add(&d, BLOCK_HEADING, 2, "2.1 Repositories");
    add(&d, BLOCK_PARAGRAPH, 0, "At https://example.test/.");
    b = add(&d, BLOCK_PARAGRAPH, 0, "IMPORTANT NOTICE"); /* bold capitals, not a section */
    b->flags |= BLOCK_BOLD;
    add(&d, BLOCK_HEADING, 1, "9 OTHER BUSINESS AND LEGAL");
    add(&d, BLOCK_PARAGRAPH, 0, "MATTERS");
    add(&d, BLOCK_HEADING, 2, "9.1 Fees");
    add(&d, BLOCK_PARAGRAPH, 0, "None.");
    outline o;
    cps_err e;
    assert_int_equal(outline_build(&d, &spec, &o, &e), 0);
    assert_int_equal(sec(&o, "2")->status, SEC_FOUND);
    assert_true(sec(&o, "2")->unnumbered);
    assert_int_equal(sec(&o, "2")->heading_block, 3);
    assert_int_equal(sec(&o, "9")->heading_block, 7);
    assert_string_equal(heading_of(&o, "9"), "OTHER BUSINESS AND LEGAL MATTERS");
    assert_int_equal(sec(&o, "9")->title_match, 1);
    assert_int_equal(o.roles[8], ROLE_HEADING);
    assert_int_equal(o.out_of_order, 0);
    assert_int_equal(o.extra, 0);
    outline_free(&o);
    doc_free(&d);
}

/* A CP whose numbers were lost and whose titles are reworded: its headings
 * align to RFC 3647 by level and order; the order vouches for a title that
 * shares no word with the RFC's. */
static void test_unnumbered_alignment(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t.html");
    add(&d, BLOCK_HEADING, 1, "Example Policy");
    size_t reworded = 0;
    for (size_t j = 0; j < spec.n; j++) {
        const outline_entry *en = &spec.e[j];
        char t[160];
        if (!strcmp(en->number, "4.9") || !strcmp(en->number, "5.4") || j % 7 == 3) {
            snprintf(t, sizeof t, "Zorblax %zu", j); /* shares no word with the RFC */
            reworded++;
        } else {
            snprintf(t, sizeof t, "%s", en->title);
        }
        add(&d, BLOCK_HEADING, en->level + 1, t);
        add(&d, BLOCK_PARAGRAPH, 0, "Some text.");
    }
    assert_true(reworded > 20);
    outline o;
    cps_err e;
    assert_int_equal(outline_build(&d, &spec, &o, &e), 0);
    assert_int_equal(sec(&o, "4.9")->status, SEC_FOUND);
    assert_true(sec(&o, "4.9")->unnumbered);
    assert_string_equal(heading_of(&o, "4.9"), "Zorblax 84");
    assert_int_equal(sec(&o, "5.4")->status, SEC_FOUND);
    assert_int_equal(o.missing, 0);
    assert_int_equal(o.out_of_order, 0);
    outline_free(&o);
    doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_number),
        cmocka_unit_test(test_number_order),
        cmocka_unit_test(test_build_small),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_many_headings_bounded),
        cmocka_unit_test(test_toc_in_table_and_bare_title),
        cmocka_unit_test(test_spec_errors),
        cmocka_unit_test(test_heading_forms),
        cmocka_unit_test(test_unnumbered_alignment),
        cmocka_unit_test(test_chapters_unnumbered_and_wrapped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* Unit tests: version, date and revision rows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"

static doc_block *add(doc *d, block_kind k, const char *text, int table, int row, int col)
{
    doc_block *b = doc_add_block(d, k, 0, text, strlen(text), (long)d->nblocks + 1);
    b->table = table;
    b->row = row;
    b->col = col;
    return b;
}

static void test_front_matter(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t");
    add(&d, BLOCK_PARAGRAPH, "D\xc3\xa9" "claration des Pratiques de Certification", 0, 0, 0);
    add(&d, BLOCK_PARAGRAPH, "Version 4.2", 0, 0, 0);
    add(&d, BLOCK_PARAGRAPH, "Date de r\xc3\xa9" "daction : 2 octobre 2018", 0, 0, 0);
    add(&d, BLOCK_PARAGRAPH, "Date d\xe2\x80\x99" "application : 25 novembre 2018", 0, 0, 0);
    doc_meta m;
    meta_extract(&d, d.nblocks, "fr", &m);
    assert_string_equal(m.version, "4.2");
    char buf[11];
    date_format(m.date, buf);
    assert_string_equal(buf, "2018-11-25"); /* the labelled effective date wins */
    assert_true(m.date_from_label);
    assert_int_equal(m.date_line, 4);
    meta_free(&m);
    doc_free(&d);
}

static void test_revision_table(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t");
    add(&d, BLOCK_TABLE_CELL, "Date", 1, 0, 0);
    add(&d, BLOCK_TABLE_CELL, "Changes", 1, 0, 1);
    add(&d, BLOCK_TABLE_CELL, "Version", 1, 0, 2);
    add(&d, BLOCK_TABLE_CELL, "May 5, 2015", 1, 1, 0);
    add(&d, BLOCK_TABLE_CELL, "Original.", 1, 1, 1);
    add(&d, BLOCK_TABLE_CELL, "1.0", 1, 1, 2);
    add(&d, BLOCK_TABLE_CELL, "April 13, 2017", 1, 2, 0);
    add(&d, BLOCK_TABLE_CELL, "Updated 3.2.2.4.", 1, 2, 1);
    add(&d, BLOCK_TABLE_CELL, "2.0", 1, 2, 2);
    add(&d, BLOCK_TABLE_CELL, "Method", 2, 0, 0); /* not a revision table */
    add(&d, BLOCK_TABLE_CELL, "Date of previous review", 2, 0, 1);
    int n;
    unsigned char *rev = meta_revision_tables(&d, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rev[1], 1);
    assert_int_equal(rev[2], 0);
    free(rev);
    doc_meta m;
    meta_extract(&d, 0, "en", &m);
    assert_int_equal(m.revision_table, 1);
    assert_int_equal(m.nrevs, 2);
    assert_string_equal(m.revs[1].version, "2.0");
    assert_string_equal(m.version, "2.0");
    char buf[11];
    date_format(m.date, buf);
    assert_string_equal(buf, "2017-04-13");
    assert_false(m.date_from_label);
    meta_free(&m);
    doc_free(&d);
}

static void test_nothing(void **state)
{
    (void)state;
    doc d;
    doc_init(&d, "t");
    add(&d, BLOCK_PARAGRAPH, "OID 2.23.140.1.2.1 and RFC 5280", 0, 0, 0);
    doc_meta m;
    meta_extract(&d, 1, "en", &m);
    assert_null(m.version);
    assert_true(m.date == DATE_NONE);
    meta_free(&m);
    doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_revision_table),
        cmocka_unit_test(test_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

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

static const char *iso(cps_date t, char b[11])
{
    date_format(t, b);
    return b;
}

/* A revision table: header cells (row 0) then rows of cells. */
static void table(doc *d, int t, const char *const *hdr, int ncol, const char *const *cells,
                  int nrows)
{
    for (int c = 0; c < ncol; c++)
        add(d, BLOCK_TABLE_CELL, hdr[c], t, 0, c);
    for (int r = 0; r < nrows; r++)
        for (int c = 0; c < ncol; c++)
            add(d, BLOCK_TABLE_CELL, cells[r * ncol + c], t, r + 1, c);
}

/* Header synonyms in four languages: the newest dated row gives version
 * and date. */
static void test_header_synonyms(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *vh, *dh, *d1, *d2, *want;
    } cases[] = {
        {"en", "Ver.", "Effective", "May 9, 2019", "June 1, 2020", "2020-06-01"},
        {"en", "Rev.", "Published", "9 May 2019", "1 June 2020", "2020-06-01"},
        {"en", "Release", "Adopted", "2019-05-09", "2020-06-01", "2020-06-01"},
        {"en", "Revision", "Approval", "2019-05-09", "2020-06-01", "2020-06-01"},
        {"fr", "Version", "Date d'effet", "9 mai 2019", "1er juin 2020", "2020-06-01"},
        {"fr", "R\xc3\xa9vision", "Date d\xe2\x80\x99" "application", "09/05/2019", "01/06/2020",
         "2020-06-01"},
        {"es", "Versi\xc3\xb3n", "Fecha", "9 de mayo de 2019", "1 de junio de 2020", "2020-06-01"},
        {"es", "VERSI\xc3\x93N", "Fecha de entrada en vigor", "09/05/2019", "01/06/2020",
         "2020-06-01"},
        {"es", "Versi\xc3\xb3n", "Fecha de aprobaci\xc3\xb3n", "9 de mayo de 2019",
         "1 de junio de 2020", "2020-06-01"},
        {"it", "Versione", "Data", "9 maggio 2019", "1 giugno 2020", "2020-06-01"},
        {"it", "Versione", "Data di entrata in vigore", "09/05/2019", "01/06/2020", "2020-06-01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        doc d;
        doc_init(&d, "t");
        const char *hdr[3] = {cases[i].vh, "Description", cases[i].dh};
        const char *cells[6] = {"1.0", "First", cases[i].d1, "1.1", "Second", cases[i].d2};
        table(&d, 1, hdr, 3, cells, 2);
        doc_meta m;
        meta_extract(&d, 0, cases[i].lang, &m);
        char b[11];
        assert_int_equal(m.revision_table, 1);
        assert_int_equal(m.nrevs, 2);
        assert_non_null(m.version);
        assert_string_equal(m.version, "1.1");
        assert_string_equal(iso(m.date, b), cases[i].want);
        assert_int_equal(m.date_source, META_DATE_REVISION);
        meta_free(&m);
        doc_free(&d);
    }
}

/* English "09/05/2019": the table's other dates decide, else nothing. */
static void test_ambiguous_numeric(void **state)
{
    (void)state;
    const char *hdr[2] = {"Version", "Date"};
    const char *undecided[4] = {"1.0", "03/04/2019", "1.1", "09/05/2019"};
    const char *decided[4] = {"1.0", "25/04/2019", "1.1", "09/05/2019"};
    const char *contradictory[4] = {"1.0", "25/04/2019", "1.1", "04/25/2019"};
    char b[11];
    doc d;
    doc_meta m;
    doc_init(&d, "t");
    table(&d, 1, hdr, 2, undecided, 2);
    meta_extract(&d, 0, "en", &m);
    assert_true(m.date == DATE_NONE); /* declared missing, not guessed */
    assert_string_equal(m.version, "1.1");
    meta_free(&m);
    doc_free(&d);
    doc_init(&d, "t");
    table(&d, 1, hdr, 2, decided, 2);
    meta_extract(&d, 0, "en", &m);
    assert_string_equal(iso(m.date, b), "2019-05-09");
    assert_int_equal(m.date_order, DATE_DMY);
    meta_free(&m);
    doc_free(&d);
    doc_init(&d, "t");
    table(&d, 1, hdr, 2, contradictory, 2);
    meta_extract(&d, 0, "en", &m);
    assert_int_equal(m.date_order, DATE_ORDER_STRICT);
    assert_string_equal(iso(m.date, b), "2019-04-25"); /* both unambiguous on their own */
    meta_free(&m);
    doc_free(&d);
}

/* A caption row over the header; an empty table; a header-only table. */
static void test_odd_tables(void **state)
{
    (void)state;
    char b[11];
    doc d;
    doc_meta m;
    doc_init(&d, "t");
    add(&d, BLOCK_TABLE_CELL, "Document history", 1, 0, 0);
    add(&d, BLOCK_TABLE_CELL, "Ver.", 1, 1, 0);
    add(&d, BLOCK_TABLE_CELL, "Date", 1, 1, 1);
    add(&d, BLOCK_TABLE_CELL, "2.3", 1, 2, 0);
    add(&d, BLOCK_TABLE_CELL, "July 31, 2014", 1, 2, 1);
    meta_extract(&d, 0, "en", &m);
    assert_string_equal(m.version, "2.3");
    assert_string_equal(iso(m.date, b), "2014-07-31");
    meta_free(&m);
    doc_free(&d);
    doc_init(&d, "t");
    add(&d, BLOCK_TABLE_CELL, "Version", 1, 0, 0);
    add(&d, BLOCK_TABLE_CELL, "Date", 1, 0, 1);
    meta_extract(&d, 0, "en", &m);
    assert_int_equal(m.revision_table, 1);
    assert_int_equal(m.nrevs, 0);
    assert_null(m.version);
    assert_true(m.date == DATE_NONE);
    meta_free(&m);
    doc_free(&d);
    doc_init(&d, "t");
    add(&d, BLOCK_TABLE_CELL, "Version", 1, 0, 0);
    add(&d, BLOCK_TABLE_CELL, "Date", 1, 0, 1);
    add(&d, BLOCK_TABLE_CELL, "", 1, 1, 0);
    add(&d, BLOCK_TABLE_CELL, "", 1, 1, 1);
    meta_extract(&d, 0, "en", &m);
    assert_int_equal(m.nrevs, 0);
    assert_true(m.date == DATE_NONE);
    meta_free(&m);
    doc_free(&d);
}

/* A labelled effective date on the title page wins over the table; a
 * compact label in the title is the last resort. */
static void test_sources(void **state)
{
    (void)state;
    char b[11];
    doc d;
    doc_meta m;
    doc_init(&d, "t");
    add(&d, BLOCK_PARAGRAPH, "Fecha de entrada en vigor: 3 de marzo de 2021", 0, 0, 0);
    add(&d, BLOCK_PARAGRAPH, "Versi\xc3\xb3n 2.1", 0, 0, 0);
    add(&d, BLOCK_TABLE_CELL, "Versi\xc3\xb3n", 1, 0, 0);
    add(&d, BLOCK_TABLE_CELL, "Fecha", 1, 0, 1);
    add(&d, BLOCK_TABLE_CELL, "2.1", 1, 1, 0);
    add(&d, BLOCK_TABLE_CELL, "1 de febrero de 2021", 1, 1, 1);
    meta_extract(&d, 2, "es", &m);
    assert_string_equal(m.version, "2.1");
    assert_string_equal(iso(m.date, b), "2021-03-03");
    assert_int_equal(m.date_source, META_DATE_LABEL);
    assert_true(m.date_from_label);
    meta_free(&m);
    doc_free(&d);
    doc_init(&d, "t");
    d.title = strdup("EXAMPLE CA CERTIFICATE POLICY p20140731");
    add(&d, BLOCK_PARAGRAPH, "OID 1.3.6.1.4.1.20140731.1", 0, 0, 0);
    meta_extract(&d, 1, "en", &m);
    assert_string_equal(iso(m.date, b), "2014-07-31");
    assert_int_equal(m.date_source, META_DATE_TITLE);
    meta_free(&m);
    doc_free(&d);
    doc_init(&d, "t");
    add(&d, BLOCK_PARAGRAPH, "OID 1.3.6.1.4.1.20140731.1, serial 20141399", 0, 0, 0);
    meta_extract(&d, 1, "en", &m);
    assert_true(m.date == DATE_NONE);
    meta_free(&m);
    doc_free(&d);
    /* version labels in four languages, on the title page */
    static const char *const labels[][2] = {
        {"Versi\xc3\xb3n 2.1", "2.1"}, {"Versione 3.0", "3.0"}, {"\xc3\x89" "dition 4", "4"},
        {"Ver. 1.2", "1.2"}, {"Rev. 7", "7"}, {"R\xc3\xa9vision n\xc2\xb0 5", NULL},
        {"Release 4.0", "4.0"}, {"Reversal 2.0 of the policy", NULL}};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        doc_init(&d, "t");
        add(&d, BLOCK_PARAGRAPH, labels[i][0], 0, 0, 0);
        meta_extract(&d, 1, "en", &m);
        if (labels[i][1])
            assert_string_equal(m.version, labels[i][1]);
        else if (!strncmp(labels[i][0], "Reversal", 8))
            assert_null(m.version); /* "rev" must be a whole word */
        meta_free(&m);
        doc_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_revision_table),
        cmocka_unit_test(test_nothing),
        cmocka_unit_test(test_header_synonyms),
        cmocka_unit_test(test_ambiguous_numeric),
        cmocka_unit_test(test_odd_tables),
        cmocka_unit_test(test_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

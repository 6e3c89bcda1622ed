/* Unit tests: HTML to blocks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "html_elements.h"
#include "source.h"

static int try_parse(const char *html, doc *d, cps_err *e)
{
    source s;
    assert_int_equal(source_from_bytes("t.html", (const unsigned char *)html, strlen(html),
                                       SOURCE_DEFAULT_MAX_SIZE, &s, e), 0);
    int rc = html_parse(&s, 0, d, e);
    source_free(&s);
    return rc;
}

static doc parse(const char *html, int keep_chrome)
{
    source s;
    cps_err e;
    assert_int_equal(source_from_bytes("t.html", (const unsigned char *)html, strlen(html),
                                       SOURCE_DEFAULT_MAX_SIZE, &s, &e), 0);
    doc d;
    assert_int_equal(html_parse(&s, keep_chrome, &d, &e), 0);
    source_free(&s);
    return d;
}

static void test_blocks_and_kinds(void **state)
{
    (void)state;
    doc d = parse("<html lang=\"fr\"><head><title>DPC</title><style>p{}</style></head><body>"
                  "<h2>1.5.2&nbsp;Point   de\ncontact</h2>"
                  "<p>Texte <b>gras</b> et <a href=\"https://x.test\">lien</a>.</p>"
                  "<ul><li><p>Premier</p></li><li>Second</li></ul>"
                  "<table><thead><tr><th>Version</th><th>Date</th></tr></thead>"
                  "<tbody><tr><td>4.2</td><td>25/11/2018</td></tr></tbody></table>"
                  "<script>var x = '1.5.2 Not text';</script>"
                  "</body></html>", 0);
    assert_string_equal(d.title, "DPC");
    assert_string_equal(d.lang_attr, "fr");
    assert_int_equal(d.nblocks, 8);
    assert_int_equal(d.blocks[0].kind, BLOCK_HEADING);
    assert_int_equal(d.blocks[0].level, 2);
    assert_string_equal(d.blocks[0].text, "1.5.2\xc2\xa0Point de contact");
    assert_string_equal(d.blocks[1].text, "Texte gras et lien.");
    assert_int_equal(d.blocks[2].kind, BLOCK_LIST_ITEM);
    assert_string_equal(d.blocks[2].text, "Premier");
    assert_int_equal(d.blocks[3].kind, BLOCK_LIST_ITEM);
    assert_int_equal(d.blocks[4].kind, BLOCK_TABLE_CELL);
    assert_true(d.blocks[4].flags & BLOCK_HEADER_CELL);
    assert_int_equal(d.blocks[4].table, 1);
    assert_int_equal(d.blocks[6].row, 1);
    assert_int_equal(d.blocks[7].col, 1);
    assert_string_equal(d.blocks[7].text, "25/11/2018");
    assert_string_equal(d.blocks[0].lang, "fr");
    assert_int_equal(d.nlinks, 1);
    assert_string_equal(d.links[0].href, "https://x.test");
    assert_string_equal(d.links[0].text, "lien");
    doc_free(&d);
}

/* The element table: names ignore ASCII case; a name it does not hold,
 * a longer one, a heading level past 6 and NULL are "other". */
static void test_element_table(void **state)
{
    (void)state;
    const html_el *td = html_el_lookup("td");
    assert_int_equal(td->id, HTML_EL_TD);
    assert_true(td->flags & HTML_ELF_BLOCK);
    assert_true(td->flags & HTML_ELF_CONTENT);
    assert_ptr_equal(html_el_lookup("TD"), td);
    assert_ptr_equal(html_el_lookup("tD"), td);
    assert_int_equal(html_el_lookup("H3")->id, HTML_EL_HEADING);
    assert_int_equal(html_el_lookup("h3")->level, 3);
    assert_int_equal(html_el_lookup("h6")->level, 6);
    assert_int_equal(html_el_lookup("h7")->id, HTML_EL_OTHER);
    assert_int_equal(html_el_lookup("h")->id, HTML_EL_OTHER);
    assert_int_equal(html_el_lookup("SCRIPT")->flags, HTML_ELF_SKIP);
    assert_true(html_el_lookup("nav")->flags & HTML_ELF_CHROME);
    assert_int_equal(html_el_lookup("figcaption")->flags, HTML_ELF_BLOCK);
    assert_int_equal(html_el_lookup("figcaptions")->id, HTML_EL_OTHER);
    assert_int_equal(html_el_lookup("figcaptionfigcaption")->flags, 0);
    assert_int_equal(html_el_lookup("span")->id, HTML_EL_OTHER);
    assert_int_equal(html_el_lookup("span")->flags, 0);
    assert_int_equal(html_el_lookup("")->id, HTML_EL_OTHER);
    assert_int_equal(html_el_lookup(NULL)->id, HTML_EL_OTHER);
}

/* Upper-case tags (old authoring tools, XHTML served as HTML) read as
 * their lower-case forms: headings, cells, header cells, skipped heads. */
static void test_upper_case_tags(void **state)
{
    (void)state;
    doc d = parse("<HTML><HEAD><TITLE>CPS</TITLE><SCRIPT>x</SCRIPT></HEAD><BODY>"
                  "<H3>4.9.3 Procedure</H3><P>Text <STRONG>bold</STRONG></P>"
                  "<TABLE><TR><TH>Version</TH><TD>1.0</TD></TR></TABLE></BODY></HTML>", 0);
    assert_string_equal(d.title, "CPS");
    assert_int_equal(d.nblocks, 4);
    assert_int_equal(d.blocks[0].kind, BLOCK_HEADING);
    assert_int_equal(d.blocks[0].level, 3);
    assert_int_equal(d.blocks[1].kind, BLOCK_PARAGRAPH);
    assert_string_equal(d.blocks[1].text, "Text bold");
    assert_int_equal(d.blocks[2].kind, BLOCK_TABLE_CELL);
    assert_true(d.blocks[2].flags & BLOCK_HEADER_CELL);
    assert_int_equal(d.blocks[3].col, 1);
    assert_false(d.blocks[3].flags & BLOCK_HEADER_CELL);
    doc_free(&d);
}

/* A footnote reference in <sup> (Markdown's <sup><a>2</a></sup>) becomes
 * superscript digits, not digits glued to the figure before it. */
static void test_footnote_marker(void **state)
{
    (void)state;
    doc d = parse("<p>Valid 825<sup>2</sup> days, 398<sup><a href=\"#fn-1\">1</a></sup> days, "
                  "x<sup>th</sup>.</p>", 0);
    assert_int_equal(d.nblocks, 1);
    assert_string_equal(d.blocks[0].text, "Valid 825\u00b2 days, 398\u00b9 days, xth.");
    doc_free(&d);
}

static void test_br_bold_toc_chrome(void **state)
{
    (void)state;
    doc d = parse("<body><nav>1.1 Overview</nav>"
                  "<p class=MsoNormal><b>3.2.2.4.7 DNS Change</b></p>"
                  "<p>1.5.2 Contact<br>Write to us.</p>"
                  "<p class=MsoToc1><a href=\"#_Toc1\">1.5.2 Contact person</a></p>"
                  "<div id=\"toc\"><p>4.9 Revocation</p></div>"
                  "<p style=\"display:none\">hidden</p>"
                  "<footer>Page 3</footer></body>", 0);
    assert_int_equal(d.nblocks, 5);
    assert_true(d.blocks[0].flags & BLOCK_BOLD);
    assert_string_equal(d.blocks[1].text, "1.5.2 Contact");
    assert_string_equal(d.blocks[2].text, "Write to us.");
    assert_true(d.blocks[2].flags & BLOCK_SPLIT);
    assert_true(d.blocks[3].flags & BLOCK_TOC);
    assert_true(d.blocks[3].flags & BLOCK_LINK_ONLY);
    assert_true(d.blocks[4].flags & BLOCK_TOC);
    doc_free(&d);
    d = parse("<body><nav>1.1 Overview</nav><p>x</p></body>", 1);
    assert_int_equal(d.nblocks, 2);
    doc_free(&d);
}

/* 1 if some block's text is exactly t */
static int has_block(const doc *d, const char *t)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (strcmp(d->blocks[i].text, t) == 0)
            return 1;
    return 0;
}

static void test_hidden_is_css_exact(void **state)
{
    (void)state;
    doc d = parse("<body><main><h1>1. Intro</h1>"
                  "<p style=\"/* display:none */\">A 3.2.2.4.5</p>"
                  "<p style=\"display:none;display:block\">B</p>"
                  "<p style=\"display:none-x\">C</p>"
                  "<p style=\"DISPLAY : None !important; display:block\">D</p>"
                  "<p style=\"display:none\">E</p>"
                  "<p hidden>F</p>"
                  "<p style=\"visibility: hidden\">G</p>"
                  "<p style=\"color:red;display:'none'\">H</p>"
                  "<p style=\"font-weight : bold /* x */\">I</p>"
                  "<p style=\"font-weight: 400; font-weight: 700\">J</p>"
                  "<p style=\"display:/*x*/none\">K</p>"
                  "</main></body>", 0);
    assert_true(has_block(&d, "A 3.2.2.4.5"));
    assert_true(has_block(&d, "B"));
    assert_true(has_block(&d, "C"));
    assert_false(has_block(&d, "D"));
    assert_false(has_block(&d, "E"));
    assert_false(has_block(&d, "F"));
    assert_false(has_block(&d, "G"));
    assert_true(has_block(&d, "H"));
    assert_false(has_block(&d, "K"));
    for (size_t i = 0; i < d.nblocks; i++)
        if (!strcmp(d.blocks[i].text, "I") || !strcmp(d.blocks[i].text, "J"))
            assert_true(d.blocks[i].flags & BLOCK_BOLD);
    doc_free(&d);
}

static void test_chrome_only_at_page_level(void **state)
{
    (void)state;
    doc d = parse("<body><nav>Menu</nav><header>Site</header>"
                  "<h1>1. Intro</h1><p>Text <button>Press 3.2.2.4.5</button></p>"
                  "<div><aside>Page aside</aside></div>"
                  "<section><header>Section header</header><footer>Section footer</footer></section>"
                  "<main><aside>Main aside</aside><nav>Main nav</nav><button>Main button</button></main>"
                  "<article><header>Article header</header></article>"
                  "<footer>Page footer</footer></body>", 0);
    assert_false(has_block(&d, "Menu"));
    assert_false(has_block(&d, "Site"));
    assert_false(has_block(&d, "Page aside"));
    assert_false(has_block(&d, "Page footer"));
    assert_true(has_block(&d, "Text Press 3.2.2.4.5"));
    assert_true(has_block(&d, "Section header"));
    assert_true(has_block(&d, "Section footer"));
    assert_true(has_block(&d, "Main aside"));
    assert_true(has_block(&d, "Main nav"));
    assert_true(has_block(&d, "Main button"));
    assert_true(has_block(&d, "Article header"));
    doc_free(&d);
}

static void test_many_attributes_refused(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><p ");
    for (int i = 0; i < 1500; i++)
        buf_printf(&b, "a%d=\"v\" ", i);
    buf_puts(&b, ">x</p></body></html>");
    doc d;
    cps_err e;
    assert_int_equal(try_parse(buf_cstr(&b), &d, &e), CPS_E_LIMIT);
    assert_non_null(strstr(e.msg, "more than 1000 attributes"));
    doc_free(&d);
    /* script text and comments are not tags */
    buf_truncate(&b, 0);
    buf_puts(&b, "<html><body><script>if (a<b ");
    for (int i = 0; i < 1500; i++)
        buf_puts(&b, "c ");
    buf_puts(&b, ") {}</script><!-- <p ");
    for (int i = 0; i < 1500; i++)
        buf_puts(&b, "c ");
    buf_puts(&b, "--><p a=1 b=2>ok</p></body></html>");
    assert_int_equal(try_parse(buf_cstr(&b), &d, &e), 0);
    assert_true(has_block(&d, "ok"));
    doc_free(&d);
    buf_free(&b);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body>");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "<div>");
    buf_puts(&b, "<p>deep</p>");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "</div>");
    buf_puts(&b, "<p>after</p></body></html>");
    /* libxml2 stops at 256 levels: a clear refusal, not a silent half */
    doc d;
    cps_err e;
    assert_int_equal(try_parse(buf_cstr(&b), &d, &e), CPS_E_INPUT);
    assert_non_null(strstr(e.msg, "t.html: elements nested more than 256 deep"));
    doc_free(&d);
    buf_truncate(&b, 0);
    buf_puts(&b, "<html><body><p>");
    for (int i = 0; i < 11 * 1000 * 1000; i += 10)
        buf_puts(&b, "aaaaaaaaa ");
    buf_puts(&b, "</p></body></html>");
    assert_int_equal(try_parse(buf_cstr(&b), &d, &e), CPS_E_INPUT);
    assert_non_null(strstr(e.msg, "text run over 10,000,000 bytes"));
    doc_free(&d);
    buf_free(&b);
}

static void test_xhtml_entities(void **state)
{
    (void)state;
    doc d = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\"><body>"
                  "<p>Caf&eacute;&nbsp;&#160;ok</p></body></html>", 0);
    assert_int_equal(d.nblocks, 1);
    assert_string_equal(d.blocks[0].text, "Caf\xc3\xa9\xc2\xa0\xc2\xa0ok");
    assert_string_equal(d.lang_attr, "en");
    doc_free(&d);
}

/* cpslint directives are kept with their line and the blocks before them
 * (a comment inside a paragraph counts before that paragraph); other
 * comments, and comments in hidden parts, are not. */
static void test_directives(void **state)
{
    (void)state;
    doc d = parse("<html><body>\n"
                  "<!-- cpslint-disable a.b -- before everything -->\n"
                  "<h2>1.5.2 Contact</h2>\n"
                  "<!--   cpslint-disable br.x -- why\n -->\n"
                  "<p>Text <!-- cpslint-disable c.d --> more.</p>\n"
                  "<!-- an ordinary comment --><!--cpslint-line:3-->\n"
                  "<div style=\"display:none\"><!-- cpslint-disable hidden -- x --></div>\n"
                  "</body></html>", 0);
    assert_int_equal(d.nblocks, 2);
    assert_int_equal(d.ndirectives, 3);
    assert_string_equal(d.directives[0].text, "cpslint-disable a.b -- before everything");
    assert_int_equal(d.directives[0].block, 0);
    assert_int_equal(d.directives[0].line, 2);
    assert_string_equal(d.directives[1].text, "cpslint-disable br.x -- why");
    assert_int_equal(d.directives[1].block, 1);
    assert_string_equal(d.directives[2].text, "cpslint-disable c.d");
    assert_int_equal(d.directives[2].block, 1);
    assert_int_equal(d.directives[2].line, 6);
    doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_and_kinds),
        cmocka_unit_test(test_footnote_marker),
        cmocka_unit_test(test_br_bold_toc_chrome),
        cmocka_unit_test(test_hidden_is_css_exact),
        cmocka_unit_test(test_chrome_only_at_page_level),
        cmocka_unit_test(test_many_attributes_refused),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_xhtml_entities),
        cmocka_unit_test(test_directives),
        cmocka_unit_test(test_element_table),
        cmocka_unit_test(test_upper_case_tags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

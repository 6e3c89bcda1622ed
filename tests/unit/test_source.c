/* test_source.c — reading input and decoding it to UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source.h"

static int valid_utf8(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            if (c == 0)
                return 0;
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else {
            return 0;
        }
        if (n - i - 1 < k || s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (size_t j = 2; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k + 1;
    }
    return 1;
}

static void decode_ok(const char *name, const void *bytes, size_t n, source *s)
{
    cps_err e;
    cps_err_clear(&e);
    int rc = source_from_bytes(name, bytes, n, 0, s, &e);
    if (rc != CPS_OK)
        fail_msg("decode failed: %s", e.msg);
    assert_true(valid_utf8(s->data, s->len));
    assert_int_equal(strlen(s->data), s->len);
}

static void decode_fails(const char *name, const void *bytes, size_t n, size_t max,
                         int code, const char *msg)
{
    cps_err e;
    source s;
    cps_err_clear(&e);
    assert_int_equal(source_from_bytes(name, bytes, n, max, &s, &e), code);
    assert_int_equal(e.code, code);
    if (msg)
        assert_string_equal(e.msg, msg);
    assert_null(s.data);
}

static void test_bom_utf8(void **state)
{
    (void)state;
    source s;
    const char in[] = "\xEF\xBB\xBF<p>R\xC3\xA9vocation</p>";
    decode_ok("a.html", in, sizeof in - 1, &s);
    assert_string_equal(s.data, "<p>R\xC3\xA9vocation</p>");
    assert_string_equal(s.encoding, "UTF-8");
    assert_int_equal(s.had_bom, 1);
    assert_int_equal(s.declared, 1);
    assert_string_equal(s.name, "a.html");
    source_free(&s);

    /* A BOM followed by bytes that are not UTF-8: detection decides. */
    const char bad[] = "\xEF\xBB\xBF<p>R\xE9vocation et \xE9t\xE9</p>";
    decode_ok("b.html", bad, sizeof bad - 1, &s);
    assert_string_equal(s.data, "<p>R\xC3\xA9vocation et \xC3\xA9t\xC3\xA9</p>");
    assert_int_equal(s.had_bom, 1);
    assert_int_equal(s.declared, 0);
    source_free(&s);
}

/* "<p>Révocation ’ 😀</p>" in UTF-16 with a BOM. */
static size_t utf16_sample(unsigned char *out, int be, int bom)
{
    static const uint16_t units[] = {'<', 'p', '>', 'R', 0xE9, 'v', 'o', 'c', 'a', 't', 'i',
                                     'o', 'n', ' ', 0x2019, ' ', 0xD83D, 0xDE00, '<', '/',
                                     'p', '>'};
    size_t n = 0;
    if (bom) {
        out[n++] = be ? 0xFE : 0xFF;
        out[n++] = be ? 0xFF : 0xFE;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        unsigned char hi = (unsigned char)(units[i] >> 8), lo = (unsigned char)units[i];
        out[n++] = be ? hi : lo;
        out[n++] = be ? lo : hi;
    }
    return n;
}

static void test_bom_utf16(void **state)
{
    (void)state;
    const char *want = "<p>R\xC3\xA9vocation \xE2\x80\x99 \xF0\x9F\x98\x80</p>";
    unsigned char b[128];
    source s;
    size_t n = utf16_sample(b, 0, 1);
    decode_ok("le.html", b, n, &s);
    assert_string_equal(s.data, want);
    assert_string_equal(s.encoding, "UTF-16LE");
    assert_int_equal(s.had_bom, 1);
    assert_int_equal(s.declared, 1);
    source_free(&s);

    n = utf16_sample(b, 1, 1);
    decode_ok("be.html", b, n, &s);
    assert_string_equal(s.data, want);
    assert_string_equal(s.encoding, "UTF-16BE");
    source_free(&s);

    /* Without a BOM, recognised by the position of its NUL bytes. */
    n = utf16_sample(b, 0, 0);
    decode_ok("nobom.html", b, n, &s);
    assert_string_equal(s.data, want);
    assert_string_equal(s.encoding, "UTF-16LE");
    assert_int_equal(s.had_bom, 0);
    source_free(&s);

    /* Odd length after the BOM: refused, not guessed. */
    n = utf16_sample(b, 0, 1);
    b[n++] = 'x';
    decode_fails("odd.html", b, n, 0, CPS_E_INPUT, NULL);
    /* A lone surrogate. */
    n = utf16_sample(b, 1, 1);
    b[n - 4] = 0xD8;
    decode_fails("sur.html", b, n, 0, CPS_E_INPUT, NULL);
}

static void test_meta_charset_latin1_is_cp1252(void **state)
{
    (void)state;
    source s;
    const char in[] = "<html><head><meta charset=\"iso-8859-1\"></head>"
                      "<body><p>L\x92" "autorit\xE9 \x80 \xAB ok \xBB</p></body></html>";
    decode_ok("m.html", in, sizeof in - 1, &s);
    assert_non_null(strstr(s.data, "L\xE2\x80\x99" "autorit\xC3\xA9 \xE2\x82\xAC "
                                   "\xC2\xAB ok \xC2\xBB"));
    assert_string_equal(s.encoding, "windows-1252");
    assert_int_equal(s.declared, 1);
    assert_int_equal(s.had_bom, 0);
    source_free(&s);

    /* Other spellings of the same label. */
    const char *labels[] = {"latin1", "ISO_8859-1", "us-ascii", "Windows-1252", "'l1'"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        char doc[256];
        int k = snprintf(doc, sizeof doc, "<meta charset=%s><p>caf\xE9 \x96 \x81</p>", labels[i]);
        decode_ok("m.html", doc, (size_t)k, &s);
        assert_non_null(strstr(s.data, "caf\xC3\xA9 \xE2\x80\x93 \xC2\x81"));
        assert_string_equal(s.encoding, "windows-1252");
        assert_int_equal(s.declared, 1);
        source_free(&s);
    }
}

static void test_http_equiv(void **state)
{
    (void)state;
    source s;
    const char in[] = "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" "
                      "CONTENT=\"text/html; charset=ISO-8859-1\"></HEAD>"
                      "<BODY><P>d\xE9lai\xA0: 24 h</P></BODY></HTML>";
    decode_ok("h.htm", in, sizeof in - 1, &s);
    assert_non_null(strstr(s.data, "d\xC3\xA9lai\xC2\xA0: 24 h"));
    assert_string_equal(s.encoding, "windows-1252");
    assert_int_equal(s.declared, 1);
    source_free(&s);

    /* Another charset keeps ICU's (MIME) name. */
    const char in2[] = "<meta http-equiv='content-type' content='text/html;charset=iso-8859-15'>"
                       "<p>10 \xA4</p>";
    decode_ok("h.html", in2, sizeof in2 - 1, &s);
    assert_non_null(strstr(s.data, "10 \xE2\x82\xAC"));
    assert_string_equal(s.encoding, "ISO-8859-15");
    assert_int_equal(s.declared, 1);
    source_free(&s);
}

static void test_xml_declaration(void **state)
{
    (void)state;
    source s;
    const char in[] = "<?xml version=\"1.0\" encoding='ISO-8859-1'?>\n"
                      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                      "<p>\xC7" "a s\x92" "applique</p></body></html>";
    decode_ok("doc", in, sizeof in - 1, &s);
    assert_non_null(strstr(s.data, "\xC3\x87" "a s\xE2\x80\x99" "applique"));
    assert_string_equal(s.encoding, "windows-1252");
    assert_int_equal(s.declared, 1);
    source_free(&s);
}

static const char latin1_fr[] =
    "<html><body><h1>Politique de certification</h1>"
    "<p>La r\xE9vocation d'un certificat est effectu\xE9" "e par l'autorit\xE9 de "
    "certification d\xE8s que possible, apr\xE8s v\xE9rification de la demande. "
    "Les donn\xE9" "es sont prot\xE9g\xE9" "es et conserv\xE9" "es pendant sept ann\xE9" "es. "
    "Le ma\xEEtre de la cl\xE9 priv\xE9" "e ne peut \xEAtre d\xE9sign\xE9 qu'\xE0 "
    "l'issue d'une c\xE9r\xE9monie. O\xF9 est la fran\xE7" "aise\xA0?</p></body></html>";

static void test_undeclared_latin1(void **state)
{
    (void)state;
    source s;
    decode_ok("fr.html", latin1_fr, sizeof latin1_fr - 1, &s);
    assert_non_null(strstr(s.data, "La r\xC3\xA9vocation"));
    assert_non_null(strstr(s.data, "fran\xC3\xA7" "aise\xC2\xA0?"));
    assert_string_equal(s.encoding, "windows-1252");
    assert_int_equal(s.declared, 0);
    source_free(&s);
}

static void test_declared_utf8_but_latin1(void **state)
{
    (void)state;
    char doc[2048];
    int k = snprintf(doc, sizeof doc, "<meta charset=\"utf-8\">%s", latin1_fr);
    source s;
    decode_ok("lie.html", doc, (size_t)k, &s);
    assert_non_null(strstr(s.data, "La r\xC3\xA9vocation"));
    assert_string_equal(s.encoding, "windows-1252");
    assert_int_equal(s.declared, 0);
    source_free(&s);

    /* A declared UTF-16 readable as ASCII means UTF-8. */
    const char u[] = "<meta charset=\"utf-16\"><p>caf\xC3\xA9</p>";
    decode_ok("u.html", u, sizeof u - 1, &s);
    assert_non_null(strstr(s.data, "caf\xC3\xA9"));
    assert_string_equal(s.encoding, "UTF-8");
    assert_int_equal(s.declared, 1);
    source_free(&s);

    /* An unknown label is ignored. */
    const char x[] = "<meta charset=\"no-such-charset\"><p>caf\xC3\xA9</p>";
    decode_ok("x.html", x, sizeof x - 1, &s);
    assert_string_equal(s.encoding, "UTF-8");
    assert_int_equal(s.declared, 0);
    source_free(&s);
}

static void test_plain_utf8_and_ascii(void **state)
{
    (void)state;
    source s;
    const char in[] = "# Titre\n\nL\xE2\x80\x99" "autorit\xC3\xA9\n";
    decode_ok("-", in, sizeof in - 1, &s);
    assert_string_equal(s.data, in);
    assert_string_equal(s.encoding, "UTF-8");
    assert_int_equal(s.declared, 0);
    assert_int_equal(s.had_bom, 0);
    assert_string_equal(s.name, "-");
    source_free(&s);
}

static void test_empty_binary_size(void **state)
{
    (void)state;
    decode_fails("e.html", "", 0, 0, CPS_E_INPUT, "e.html: empty input");
    decode_fails("-", "", 0, 0, CPS_E_INPUT, "<stdin>: empty input");
    decode_fails("bom.html", "\xEF\xBB\xBF", 3, 0, CPS_E_INPUT, "bom.html: empty input");
    decode_fails("b.bin", "abc\0def", 7, 0, CPS_E_INPUT, "b.bin: binary input (NUL bytes)");
    decode_fails("png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
                 33, 0, CPS_E_INPUT, "png: binary input (NUL bytes)");
    char ctl[200];
    for (size_t i = 0; i < sizeof ctl; i++)
        ctl[i] = (char)(i % 3 ? 'a' : 0x01);
    decode_fails("c", ctl, sizeof ctl, 0, CPS_E_INPUT, "c: binary input (control characters)");
    /* NUL after the first 8 KiB is still refused. */
    char *late = malloc(20000);
    memset(late, 'a', 20000);
    late[15000] = '\0';
    decode_fails("late", late, 20000, 0, CPS_E_INPUT, "late: binary input (NUL bytes)");
    free(late);
    decode_fails("big.html", "0123456789X", 11, 10, CPS_E_INPUT,
                 "big.html: input is larger than 10 bytes (--max-size)");
    source s;
    decode_ok("fits.html", "0123456789", 10, &s);
    source_free(&s);
}

static void test_read_files(void **state)
{
    (void)state;
    char path[] = "/tmp/cpslint-test-source-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char body[] = "<p>caf\xE9</p>";
    assert_int_equal(write(fd, body, sizeof body - 1), (ssize_t)(sizeof body - 1));
    close(fd);

    source s;
    cps_err e;
    assert_int_equal(source_read(path, 0, &s, &e), CPS_OK);
    assert_string_equal(s.data, "<p>caf\xC3\xA9</p>");
    assert_string_equal(s.name, path);
    source_free(&s);

    char want[256];
    assert_int_equal(source_read(path, 5, &s, &e), CPS_E_INPUT);
    snprintf(want, sizeof want, "%s: input is larger than 5 bytes (--max-size)", path);
    assert_string_equal(e.msg, want);
    unlink(path);

    assert_int_equal(source_read("/nonexistent/cps.html", 0, &s, &e), CPS_E_IO);
    assert_string_equal(e.msg, "/nonexistent/cps.html: No such file or directory");
    assert_int_equal(source_read("/tmp", 0, &s, &e), CPS_E_IO);
    assert_string_equal(e.msg, "/tmp: Is a directory");
}

static void check_any(const unsigned char *b, size_t n)
{
    source s;
    cps_err e;
    int rc = source_from_bytes("fuzz", b, n, 0, &s, &e);
    if (rc == CPS_OK) {
        assert_true(valid_utf8(s.data, s.len));
        assert_int_equal(strlen(s.data), s.len);
        assert_true(s.len > 0);
        assert_true(s.len < 3 || memcmp(s.data, "\xEF\xBB\xBF", 3) != 0);
        source_free(&s);
    } else {
        assert_int_equal(rc, CPS_E_INPUT);
        assert_int_equal(strncmp(e.msg, "fuzz: ", 6), 0);
    }
}

static void test_invalid_utf8_everywhere(void **state)
{
    (void)state;
    const char base[] = "<p>L\xE2\x80\x99" "autorit\xC3\xA9 r\xC3\xA9voque \xF0\x9F\x98\x80 "
                        "\xC2\xAB ok \xC2\xBB</p>";
    size_t n = sizeof base - 1;
    unsigned char buf[128];
    const unsigned char bad[] = {0xFF, 0x80, 0xC3, 0xE2, 0xF0, 0xC0, 0xED};
    for (size_t b = 0; b < sizeof bad; b++)
        for (size_t i = 0; i <= n; i++) {
            memcpy(buf, base, i);
            buf[i] = bad[b];
            memcpy(buf + i + 1, base + i, n - i);
            check_any(buf, n + 1);
            /* Same with a UTF-8 declaration and with a BOM. */
            unsigned char d[192];
            memcpy(d, "<meta charset=utf-8>", 20);
            memcpy(d + 20, buf, n + 1);
            check_any(d, n + 21);
            memcpy(d, "\xEF\xBB\xBF", 3);
            memcpy(d + 3, buf, n + 1);
            check_any(d, n + 4);
        }
    /* Invalid UTF-8 inserted in otherwise valid text decodes. */
    memcpy(buf, base, n);
    buf[5] = 0xFF;
    source s;
    decode_ok("x", buf, n, &s);
    assert_string_equal(s.encoding, "windows-1252");
    source_free(&s);
}

static void test_random_bytes(void **state)
{
    (void)state;
    uint32_t x = 12345;
    unsigned char b[600];
    for (int round = 0; round < 400; round++) {
        size_t n = (size_t)(round * 37 % 600) + 1;
        int mode = round % 4;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            unsigned char c = (unsigned char)(x >> 16);
            if (mode == 1)
                c |= 0x80;                  /* high bytes only */
            else if (mode == 2 && c < 0x20)
                c = (unsigned char)(c + 0x20); /* no controls */
            else if (mode == 3 && (i & 1))
                c = 0;                      /* UTF-16 shaped */
            b[i] = c;
        }
        if (round % 5 == 0 && n > 2) {
            b[0] = 0xFF;
            b[1] = 0xFE;
        }
        check_any(b, n);
    }
}

/* UTF-16/32 only with a BOM or NUL bytes; a declared charset that does
 * not read ASCII as ASCII is ignored. */
static void test_no_wide_without_nul(void **state)
{
    (void)state;
    size_t cap = 100000, n = 0;
    char *b = malloc(cap);
    n += (size_t)snprintf(b, cap, "<html><body><p>Soci\xe9t\xe9</p><p><img src=\"data:image/png;base64,");
    unsigned x = 12345;
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 40000; i++) {
        x = x * 1103515245u + 12345u;
        b[n++] = b64[(x >> 16) & 63];
    }
    n += (size_t)snprintf(b + n, cap - n, "\"></p></body></html>");
    source s;
    decode_ok("b64.html", b, n, &s);
    assert_string_equal(s.encoding, "windows-1252");
    source_free(&s);
    n = (size_t)snprintf(b, cap, "<html><body><p>");
    while (n < 65535)
        b[n++] = 'a';
    b[n++] = (char)0xC3;
    for (int i = 0; i < 1000; i++)
        b[n++] = 'b';
    n += (size_t)snprintf(b + n, cap - n, "</p></body></html>");
    decode_ok("c3.html", b, n, &s);
    assert_null(strstr(s.encoding, "UTF-16"));
    assert_null(strstr(s.encoding, "UTF-32"));
    source_free(&s);
    static const char *const labels[] = {"ebcdic-cp-us", "utf-7", "cp037", "utf-32", "hz-gb-2312", NULL};
    for (int i = 0; labels[i]; i++) {
        n = (size_t)snprintf(b, cap,
                             "<html><head><meta charset=\"%s\"></head><body><p>Caf\xc3\xa9 +AOk-</p></body></html>",
                             labels[i]);
        decode_ok("decl.html", b, n, &s);
        assert_string_equal(s.encoding, "UTF-8");
        assert_non_null(strstr(s.data, "Caf\xc3\xa9 +AOk-"));
        source_free(&s);
    }
    free(b);
}

/* Word-processor files by their magic number: a ZIP naming
 * word/document.xml, an ODF text, another ZIP, an OLE2 file; text that
 * merely starts with "PK" is still text. */
static void test_office_files(void **state)
{
    (void)state;
    static const char docx[] = "PK\x03\x04\x14\0\0\0\x08\0junk\0word/document.xml\0more";
    decode_fails("a.docx", docx, sizeof docx - 1, 0, CPS_E_INPUT,
                 "a.docx: Word document: export it to HTML or PDF");
    char odt[128] = "PK\x03\x04";
    memcpy(odt + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47);
    decode_fails("b.odt", odt, sizeof odt, 0, CPS_E_INPUT,
                 "b.odt: OpenDocument text (ODT): export it to HTML or PDF");
    static const char zip[] = "PK\x03\x04\x14\0\0\0\x08\0other.bin\0";
    decode_fails("c.zip", zip, sizeof zip - 1, 0, CPS_E_INPUT,
                 "c.zip: ZIP archive, not a CP/CPS in HTML, Markdown or PDF");
    static const char doc[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0";
    decode_fails("d.doc", doc, sizeof doc - 1, 0, CPS_E_INPUT,
                 "d.doc: Word 97-2003 document (or another OLE2 compound file): export it to "
                 "HTML or PDF");
    source s;
    decode_ok("e.md", "PK words\n", 9, &s);
    source_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bom_utf8),
        cmocka_unit_test(test_bom_utf16),
        cmocka_unit_test(test_meta_charset_latin1_is_cp1252),
        cmocka_unit_test(test_http_equiv),
        cmocka_unit_test(test_xml_declaration),
        cmocka_unit_test(test_undeclared_latin1),
        cmocka_unit_test(test_declared_utf8_but_latin1),
        cmocka_unit_test(test_plain_utf8_and_ascii),
        cmocka_unit_test(test_empty_binary_size),
        cmocka_unit_test(test_read_files),
        cmocka_unit_test(test_invalid_utf8_everywhere),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_no_wide_without_nul),
        cmocka_unit_test(test_office_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* source.c — reading input bytes and turning them into UTF-8 (ICU).
 * Contract in source.h. Which format the text is: input_formats.c. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>

#include "buf.h"
#include "utf8.h"

#define SNIFF_DECL_BYTES 4096u      /* where a charset declaration may be */
#define SNIFF_BINARY_BYTES 8192u    /* where NUL bytes mean "binary" */
#define DETECT_SAMPLE_BYTES 65536u  /* what ucsdet gets to see */

/* ---- small helpers ----------------------------------------------------- */

static const char *display_name(const char *name)
{
    if (!name)
        return "<input>";
    return strcmp(name, "-") == 0 ? "<stdin>" : name;
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_ascii_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const unsigned char *source_find_ci(const unsigned char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || k > n)
        return NULL;
    int first = ascii_lower((unsigned char)needle[0]);
    for (size_t i = 0; i + k <= n; i++) {
        if (ascii_lower(h[i]) != first)
            continue;
        size_t j = 1;
        while (j < k && ascii_lower(h[i + j]) == ascii_lower((unsigned char)needle[j]))
            j++;
        if (j == k)
            return h + i;
    }
    return NULL;
}

/* ---- charset labels ---------------------------------------------------- */

/* Labels decoded as windows-1252 (WHATWG Encoding: the windows-1252 label
 * set, which includes ISO-8859-1 and US-ASCII). */
static const char *const cp1252_labels[] = {
    "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
    "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
    "iso_8859-1:1987", "l1", "latin1", "latin-1", "us-ascii", "windows-1252",
    "x-cp1252", "iso-8859-1:1987", NULL
};

static const char *const utf8_labels[] = {
    "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
    "x-unicode20utf8", NULL
};

static int label_in(const char *label, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(label, list[i]) == 0)
            return 1;
    return 0;
}

/* Canonical name for a lower-cased label: "UTF-8", "windows-1252",
 * "UTF-16LE"/"UTF-16BE", else the label itself (ICU resolves aliases). A
 * declared UTF-16 cannot be right when we could read the declaration as
 * ASCII, so in a declaration it means UTF-8 (as browsers do). */
static const char *canonical_label(const char *label, int in_declaration)
{
    if (label_in(label, cp1252_labels))
        return "windows-1252";
    if (label_in(label, utf8_labels))
        return "UTF-8";
    if (strcmp(label, "utf-16le") == 0 || strcmp(label, "utf-16be") == 0 ||
        strcmp(label, "utf-16") == 0) {
        if (in_declaration)
            return "UTF-8";
        return strcmp(label, "utf-16be") == 0 ? "UTF-16BE" : "UTF-16LE";
    }
    return label;
}

/* Read a charset value at p (after optional spaces and an optional quote)
 * into out, lower-cased; 1 if one was found. */
static int read_label(const unsigned char *p, const unsigned char *end,
                      char *out, size_t cap)
{
    while (p < end && is_ascii_space(*p))
        p++;
    if (p < end && (*p == '"' || *p == '\''))
        p++;
    while (p < end && is_ascii_space(*p))
        p++;
    size_t k = 0;
    while (p < end && k + 1 < cap) {
        unsigned char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
              c == ':'))
            break;
        out[k++] = (char)ascii_lower(c);
        p++;
    }
    out[k] = '\0';
    return k > 0 && k + 1 < cap;
}

/* Find `attr` followed by optional spaces and '=' in [p, end); returns the
 * position after '=' or NULL. */
static const unsigned char *find_attr(const unsigned char *p, const unsigned char *end,
                                      const char *attr)
{
    size_t alen = strlen(attr);
    while (p < end) {
        const unsigned char *q = source_find_ci(p, (size_t)(end - p), attr);
        if (!q)
            return NULL;
        const unsigned char *r = q + alen;
        while (r < end && is_ascii_space(*r))
            r++;
        if (r < end && *r == '=')
            return r + 1;
        p = q + 1;
    }
    return NULL;
}

/* The charset the document declares in its first 4096 bytes: the XML
 * declaration's encoding, else the first <meta> carrying "charset" (either
 * <meta charset=...> or content="text/html; charset=..."). */
static int declared_charset(const unsigned char *b, size_t n, char *out, size_t cap)
{
    if (n > SNIFF_DECL_BYTES)
        n = SNIFF_DECL_BYTES;
    const unsigned char *end = b + n;
    const unsigned char *p = b;
    while (p < end && is_ascii_space(*p))
        p++;
    if ((size_t)(end - p) >= 5 && memcmp(p, "<?xml", 5) == 0) {
        const unsigned char *close = source_find_ci(p, (size_t)(end - p), "?>");
        const unsigned char *lim = close ? close : end;
        const unsigned char *v = find_attr(p + 5, lim, "encoding");
        if (v && read_label(v, lim, out, cap))
            return 1;
    }
    p = b;
    while (p < end) {
        const unsigned char *m = source_find_ci(p, (size_t)(end - p), "<meta");
        if (!m)
            break;
        const unsigned char *tag_end = memchr(m, '>', (size_t)(end - m));
        const unsigned char *lim = tag_end ? tag_end : end;
        const unsigned char *v = find_attr(m + 5, lim, "charset");
        if (v && read_label(v, lim, out, cap))
            return 1;
        p = m + 5;
    }
    return 0;
}

/* ---- decoding ---------------------------------------------------------- */

/* Convert b[0..n) from charset to UTF-8 into *out. Any unmappable or
 * illegal sequence stops the conversion: the charset is then wrong for
 * these bytes and 0 is returned (out emptied). 1 on success. */
static int convert_strict(const char *charset, const unsigned char *b, size_t n, buf *out,
                          int *nomem)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *from = ucnv_open(charset, &st);
    if (U_FAILURE(st)) {
        *nomem |= st == U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    UConverter *to = ucnv_open("UTF-8", &st);
    if (U_FAILURE(st)) {
        *nomem |= st == U_MEMORY_ALLOCATION_ERROR;
        ucnv_close(from);
        return 0;
    }
    ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    if (U_FAILURE(st)) {
        ucnv_close(from);
        ucnv_close(to);
        return 0;
    }

    UChar pivot[1024];
    UChar *pivot_src = pivot, *pivot_tgt = pivot;
    const char *src = (const char *)b;
    const char *src_end = src + n;
    buf_truncate(out, 0);
    buf_grow(out, n + n / 2 + 16);
    int ok = 1;
    UBool reset = 1;
    for (;;) {
        char *tgt = out->ptr + out->len;
        char *tgt_end = out->ptr + out->cap - 1; /* keep room for the NUL */
        st = U_ZERO_ERROR;
        ucnv_convertEx(to, from, &tgt, tgt_end, &src, src_end, pivot,
                       &pivot_src, &pivot_tgt, pivot + sizeof pivot / sizeof pivot[0],
                       reset, 1, &st);
        reset = 0;
        out->len = (size_t)(tgt - out->ptr);
        out->ptr[out->len] = '\0';
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            buf_grow(out, out->cap); /* double */
            continue;
        }
        if (U_FAILURE(st)) {
            ok = 0;
            *nomem |= st == U_MEMORY_ALLOCATION_ERROR;
        }
        break;
    }
    ucnv_close(from);
    ucnv_close(to);
    if (!ok)
        buf_truncate(out, 0);
    return ok;
}

/* 1 if charset maps every printable ASCII byte, tab, LF and CR to itself,
 * one byte per character: only such a charset can be named by a
 * declaration we read as ASCII, and only such a charset can be right for
 * bytes without NULs. EBCDIC, UTF-7, HZ, UTF-16 and UTF-32 are not. (Only
 * a U_MEMORY_ALLOCATION_ERROR sets *nomem.) */
static int ascii_compatible(const char *charset, int *nomem)
{
    char in[128];
    size_t k = 0;
    in[k++] = '\t';
    in[k++] = '\n';
    in[k++] = '\r';
    for (int c = 0x20; c < 0x7F; c++)
        in[k++] = (char)c;
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &st);
    if (st == U_MEMORY_ALLOCATION_ERROR)
        *nomem = 1;
    if (U_FAILURE(st))
        return 0;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    UChar u[256];
    int32_t got = U_SUCCESS(st) ? ucnv_toUChars(cnv, u, 256, in, (int32_t)k, &st) : 0;
    if (st == U_MEMORY_ALLOCATION_ERROR)
        *nomem = 1;
    ucnv_close(cnv);
    if (U_FAILURE(st) || got != (int32_t)k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (u[i] != (UChar)(unsigned char)in[i])
            return 0;
    return 1;
}

static int is_wide_unicode(const char *cs)
{
    return strncasecmp(cs, "UTF-16", 6) == 0 || strncasecmp(cs, "UTF-32", 6) == 0 ||
           strncasecmp(cs, "UTF16", 5) == 0 || strncasecmp(cs, "UTF32", 5) == 0;
}

/* UTF-16 without a byte order mark: NUL bytes nearly all on one parity. */
static const char *utf16_guess(const unsigned char *b, size_t n)
{
    size_t lim = n < SNIFF_BINARY_BYTES ? n : SNIFF_BINARY_BYTES;
    lim &= ~(size_t)1;
    if (lim < 4 || (n & 1))
        return NULL;
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < lim; i += 2) {
        even += b[i] == 0;
        odd += b[i + 1] == 0;
    }
    size_t units = lim / 2;
    if (odd * 2 >= units && even * 10 <= units)
        return "UTF-16LE";
    if (even * 2 >= units && odd * 10 <= units)
        return "UTF-16BE";
    return NULL;
}

/* A detection sample: everything when small, else the lines holding
 * non-ASCII bytes (they carry the charset's signal), up to 64 KiB. */
static const unsigned char *detect_sample(const unsigned char *b, size_t n, buf *tmp,
                                          size_t *len)
{
    if (n <= DETECT_SAMPLE_BYTES) {
        *len = n;
        return b;
    }
    size_t i = 0;
    while (i < n && tmp->len < DETECT_SAMPLE_BYTES) {
        const unsigned char *nl = memchr(b + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - b) + 1 : n;
        int high = 0;
        for (size_t j = i; j < e; j++)
            if (b[j] & 0x80) {
                high = 1;
                break;
            }
        if (high) {
            size_t take = e - i;
            if (take > DETECT_SAMPLE_BYTES - tmp->len)
                take = DETECT_SAMPLE_BYTES - tmp->len;
            buf_put(tmp, b + i, take);
        }
        i = e;
    }
    if (tmp->len == 0) {
        *len = DETECT_SAMPLE_BYTES;
        return b;
    }
    *len = tmp->len;
    return (const unsigned char *)tmp->ptr;
}

/* The name we record for an ICU charset name. */
static void record_name(const char *charset, char *dst, size_t cap)
{
    char low[64];
    size_t k = 0;
    for (; charset[k] && k + 1 < sizeof low; k++)
        low[k] = (char)ascii_lower((unsigned char)charset[k]);
    low[k] = '\0';
    const char *name = canonical_label(low, 0);
    if (name == low) {
        /* Neither UTF-8 nor windows-1252: ICU's MIME or IANA name. */
        UErrorCode st = U_ZERO_ERROR;
        UConverter *cnv = ucnv_open(charset, &st);
        const char *icu = U_SUCCESS(st) ? ucnv_getName(cnv, &st) : NULL;
        const char *std = NULL;
        if (U_SUCCESS(st) && icu) {
            std = ucnv_getStandardName(icu, "MIME", &st);
            if (!std || U_FAILURE(st)) {
                st = U_ZERO_ERROR;
                std = ucnv_getStandardName(icu, "IANA", &st);
                if (U_FAILURE(st))
                    std = NULL;
            }
            if (!std)
                std = icu;
        }
        /* The names ICU returns are static; the converter can go. */
        if (std)
            snprintf(dst, cap, "%s", std);
        else
            snprintf(dst, cap, "%s", charset);
        if (cnv)
            ucnv_close(cnv);
        return;
    }
    snprintf(dst, cap, "%s", name);
}

/* Try to decode b[0..n) as charset (already canonical for UTF-8 and
 * windows-1252). On success the UTF-8 text is in *out. */
static int try_charset(const char *charset, const unsigned char *b, size_t n, buf *out,
                       int *nomem)
{
    if (strcmp(charset, "UTF-8") == 0) {
        if (!utf8_valid(b, n))
            return 0;
        buf_truncate(out, 0);
        buf_put(out, b, n);
        return 1;
    }
    return convert_strict(charset, b, n, out, nomem);
}

/* Binary: NUL bytes anywhere in the text, or more than 10% control
 * characters (other than tab, LF, CR, FF) in its first 8 KiB. */
static const char *binary_reason(const char *t, size_t n)
{
    if (memchr(t, '\0', n))
        return "binary input (NUL bytes)";
    size_t lim = n < SNIFF_BINARY_BYTES ? n : SNIFF_BINARY_BYTES;
    size_t ctl = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
            ctl++;
    }
    if (ctl > 8 && ctl * 10 > lim)
        return "binary input (control characters)";
    return NULL;
}

/* Detection over the sample, then decoding with each candidate in
 * confidence order. windows-1252 decodes any byte and is the last resort. */
static int detect_and_decode(const unsigned char *b, size_t n, buf *out, char *enc,
                             size_t enc_cap, int *nomem)
{
    int has_nul = memchr(b, '\0', n) != NULL;
    buf tmp = BUF_INIT;
    size_t slen = 0;
    const unsigned char *sample = detect_sample(b, n, &tmp, &slen);
    int done = 0;
    int tried_1252 = 0;
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&st);
    if (U_SUCCESS(st)) {
        ucsdet_enableInputFilter(det, 1);
        ucsdet_setText(det, (const char *)sample, (int32_t)slen, &st);
        int32_t nm = 0;
        const UCharsetMatch **m = U_SUCCESS(st) ? ucsdet_detectAll(det, &nm, &st) : NULL;
        for (int32_t i = 0; U_SUCCESS(st) && m && i < nm && !done && !*nomem; i++) {
            UErrorCode s2 = U_ZERO_ERROR;
            const char *name = ucsdet_getName(m[i], &s2);
            if (U_FAILURE(s2) || !name)
                continue;
            char low[64];
            size_t k = 0;
            for (; name[k] && k + 1 < sizeof low; k++)
                low[k] = (char)ascii_lower((unsigned char)name[k]);
            low[k] = '\0';
            const char *cs = canonical_label(low, 0);
            if (cs == low)
                cs = name;
            if (strcmp(cs, "UTF-8") == 0)
                continue; /* strict UTF-8 already failed */
            /* UTF-16/32 only on NUL evidence (a BOM was handled before);
             * everything else only if ASCII reads as ASCII (ucsdet offers
             * EBCDIC and UTF-16 for bytes that are neither) */
            if (is_wide_unicode(cs) ? !has_nul
                                    : (strcmp(cs, "windows-1252") != 0 &&
                                       !ascii_compatible(cs, nomem)))
                continue;
            if (strcmp(cs, "windows-1252") == 0) {
                if (tried_1252)
                    continue;
                tried_1252 = 1;
            }
            if (try_charset(cs, b, n, out, nomem)) {
                record_name(cs, enc, enc_cap);
                done = 1;
            }
        }
        ucsdet_close(det);
    }
    if (st == U_MEMORY_ALLOCATION_ERROR)
        *nomem = 1;
    buf_free(&tmp);
    if (!done && !tried_1252 && !*nomem && try_charset("windows-1252", b, n, out, nomem)) {
        record_name("windows-1252", enc, enc_cap);
        done = 1;
    }
    return done;
}

/* A word-processor file cpslint does not read, by its magic number: a ZIP
 * holding word/document.xml (.docx) or an OpenDocument text (its first
 * entry, "mimetype", stored as is), another ZIP, an OLE2 compound file
 * (.doc). NULL for anything else. The names of a ZIP's entries are stored
 * uncompressed in its headers, so a byte search finds them. */
static const char *office_reason(const unsigned char *b, size_t n)
{
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (n >= 8 && !memcmp(b, ole2, 8))
        return "Word 97-2003 document (or another OLE2 compound file): export it to HTML or PDF";
    if (n < 4 || memcmp(b, "PK\x03\x04", 4))
        return NULL;
    static const char odt[] = "mimetypeapplication/vnd.oasis.opendocument.text";
    if (n >= 30 + sizeof odt - 1 && !memcmp(b + 30, odt, sizeof odt - 1))
        return "OpenDocument text (ODT): export it to HTML or PDF";
    static const char word[] = "word/document.xml";
    for (size_t i = 0; i + sizeof word - 1 <= n; i++) {
        const unsigned char *p = memchr(b + i, 'w', n - i);
        if (!p)
            break;
        i = (size_t)(p - b);
        if (n - i >= sizeof word - 1 && !memcmp(p, word, sizeof word - 1))
            return "Word document: export it to HTML or PDF";
    }
    return "ZIP archive, not a CP/CPS in HTML, Markdown or PDF";
}

/* ---- public ------------------------------------------------------------ */

/* The decoded text into out (its encoding and BOM flags already set):
 * refused when it is binary or empty once the BOMs a decoding left are
 * dropped. text is consumed. */
static int source_take_text(const char *name, buf *text, source *out, cps_err *e)
{
    const char *dn = display_name(name);
    const char *why = binary_reason(text->ptr ? text->ptr : "", text->len);
    if (why) {
        buf_free(text);
        return cps_err_set(e, CPS_E_INPUT, dn, 0, "%s", why);
    }
    /* A BOM decoded from UTF-16, or a second UTF-8 BOM, is not text. */
    size_t skip = 0;
    while (text->len - skip >= 3 && memcmp(text->ptr + skip, "\xEF\xBB\xBF", 3) == 0)
        skip += 3;
    if (skip) {
        memmove(text->ptr, text->ptr + skip, text->len - skip);
        buf_truncate(text, text->len - skip);
    }
    if (text->len == 0) {
        buf_free(text);
        return cps_err_set(e, CPS_E_INPUT, dn, 0, "empty input");
    }
    out->name = xstrdup(name ? name : "-");
    out->len = text->len;
    out->data = buf_detach(text);
    return CPS_OK;
}

int source_from_bytes(const char *name, const unsigned char *bytes, size_t n,
                      size_t max_size, source *out, cps_err *e)
{
    const char *dn = display_name(name);
    memset(out, 0, sizeof *out);
    if (max_size == 0)
        max_size = SOURCE_DEFAULT_MAX_SIZE;
    if (n > max_size)
        return cps_err_set(e, CPS_E_INPUT, dn, 0,
                           "input is larger than %zu bytes (--max-size)", max_size);
    if (n == 0 || !bytes)
        return cps_err_set(e, CPS_E_INPUT, dn, 0, "empty input");
    const char *office = office_reason(bytes, n);
    if (office)
        return cps_err_set(e, CPS_E_INPUT, dn, 0, "%s", office);

    buf text = BUF_INIT;
    char enc[32] = "";
    int had_bom = 0, declared = 0, ok = 0, nomem = 0;
    const unsigned char *b = bytes;
    size_t len = n;

    /* 1. Byte order mark. */
    const char *bom = NULL;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        bom = "UTF-8";
        b += 3;
        len -= 3;
    } else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        bom = "UTF-16LE";
        b += 2;
        len -= 2;
    } else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        bom = "UTF-16BE";
        b += 2;
        len -= 2;
    }
    if (bom) {
        had_bom = 1;
        if (len == 0)
            return cps_err_set(e, CPS_E_INPUT, dn, 0, "empty input");
        if (try_charset(bom, b, len, &text, &nomem)) {
            snprintf(enc, sizeof enc, "%s", bom);
            declared = 1;
            ok = 1;
        } else if (strcmp(bom, "UTF-8") != 0) {
            buf_free(&text);
            return cps_err_set(e, CPS_E_INPUT, dn, 0,
                               "invalid %s after its byte order mark", bom);
        }
    }

    /* UTF-16 without BOM is recognised by its NUL pattern; other NULs in
     * the first 8 KiB mean binary. */
    int utf16 = bom && strcmp(bom, "UTF-8") != 0;
    if (!ok && !utf16) {
        size_t lim = len < SNIFF_BINARY_BYTES ? len : SNIFF_BINARY_BYTES;
        if (memchr(b, '\0', lim)) {
            const char *g = utf16_guess(b, len);
            if (g && try_charset(g, b, len, &text, &nomem)) {
                snprintf(enc, sizeof enc, "%s", g);
                ok = 1;
            } else {
                buf_free(&text);
                return cps_err_set(e, CPS_E_INPUT, dn, 0, "binary input (NUL bytes)");
            }
        }
    }

    /* 2. Declared charset. */
    if (!ok && !utf16) {
        char label[64];
        if (declared_charset(b, len, label, sizeof label)) {
            const char *cs = canonical_label(label, 1);
            /* a declaration we could read as ASCII cannot name a charset
             * that does not read ASCII as ASCII: ignored, as browsers do */
            if (ascii_compatible(cs, &nomem) && try_charset(cs, b, len, &text, &nomem)) {
                record_name(cs, enc, sizeof enc);
                declared = 1;
                ok = 1;
            }
        }
    }

    /* ICU could not allocate: stop here (going on would only report a
     * wrong charset, or reach ICU code that does not survive it) */
    if (!ok && nomem) {
        buf_free(&text);
        return cps_err_set(e, CPS_E_NOMEM, dn, 0, "out of memory decoding the input (ICU)");
    }

    /* 3. Strict UTF-8, 4. detection. */
    if (!ok && !utf16 && utf8_valid(b, len)) {
        buf_truncate(&text, 0);
        buf_put(&text, b, len);
        snprintf(enc, sizeof enc, "UTF-8");
        ok = 1;
    }
    if (!ok)
        ok = detect_and_decode(b, len, &text, enc, sizeof enc, &nomem);
    if (!ok) {
        buf_free(&text);
        if (nomem)
            return cps_err_set(e, CPS_E_NOMEM, dn, 0, "out of memory decoding the input (ICU)");
        return cps_err_set(e, CPS_E_INPUT, dn, 0, "cannot decode the input in any known charset");
    }

    snprintf(out->encoding, sizeof out->encoding, "%s", enc);
    out->had_bom = had_bom;
    out->declared = declared;
    return source_take_text(name, &text, out, e);
}

int source_read_raw(const char *path, size_t max_size, char **bytes, size_t *n, cps_err *e)
{
    *bytes = NULL;
    *n = 0;
    if (max_size == 0)
        max_size = SOURCE_DEFAULT_MAX_SIZE;
    int is_stdin = strcmp(path, "-") == 0;
    const char *dn = display_name(path);
    /* O_NONBLOCK would make a FIFO without a writer read as empty; a
     * blocking open waits for the writer, as cat does */
    int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return cps_err_set(e, CPS_E_IO, dn, 0, "%s", strerror(errno));
    struct stat st;
    int rc = CPS_OK;
    buf data = BUF_INIT;
    if (fstat(fd, &st) != 0) {
        rc = cps_err_set(e, CPS_E_IO, dn, 0, "%s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        rc = cps_err_set(e, CPS_E_IO, dn, 0, "%s", strerror(EISDIR));
    } else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max_size) {
        rc = cps_err_set(e, CPS_E_INPUT, dn, 0, "input is larger than %zu bytes (--max-size)",
                         max_size);
    } else if (S_ISREG(st.st_mode)) {
        buf_grow(&data, (size_t)st.st_size + 1);
    }
    /* one read loop for files, pipes, FIFOs, /dev/fd/N and devices: the
     * size cap bounds whatever a device would give */
    while (rc == CPS_OK) {
        if (data.cap - data.len < 65536 + 1)
            buf_grow(&data, data.len < 65536 ? 65536 : data.len);
        size_t room = data.cap - data.len - 1;
        if (room > max_size + 1 - data.len)
            room = max_size + 1 - data.len;
        ssize_t got = read(fd, data.ptr + data.len, room);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = cps_err_set(e, CPS_E_IO, dn, 0, "%s", strerror(errno));
            break;
        }
        if (got == 0)
            break;
        data.len += (size_t)got;
        data.ptr[data.len] = '\0';
        if (data.len > max_size)
            rc = cps_err_set(e, CPS_E_INPUT, dn, 0, "input is larger than %zu bytes (--max-size)",
                             max_size);
    }
    if (!is_stdin)
        close(fd);
    if (rc) {
        buf_free(&data);
        return rc;
    }
    *n = data.len;
    *bytes = buf_detach(&data);
    if (!*bytes)
        *bytes = xstrdup("");
    return CPS_OK;
}

int source_read(const char *path, size_t max_size, source *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    char *bytes;
    size_t n;
    int rc = source_read_raw(path, max_size, &bytes, &n, e);
    if (rc == CPS_OK)
        rc = source_from_bytes(path, (const unsigned char *)bytes, n, max_size, out, e);
    free(bytes);
    return rc;
}

void source_free(source *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->data);
    memset(s, 0, sizeof *s);
}

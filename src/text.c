/* text.c — the matching text, its offset map, display text, clauses and
 * snippets. Contract in text.h. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

/* Zeroed bytes kept after the matching text (see text_fold). */
#define TEXT_SIMD_SLACK 16

#include "buf.h"

/* ---- text_fold ----------------------------------------------------------- */

typedef struct fold_out {
    char *s;
    uint32_t *off;
    unsigned char *ext;
    size_t len, cap;
    int pending;           /* a collapsed space waits to be written */
    size_t space_off;      /* its source offset and length */
    unsigned char space_ext;
    size_t last_start;     /* output index of the last code point written */
    int have_last;         /* last_start valid and nothing dropped since but marks */
} fold_out;

static void out_reserve(fold_out *o, size_t extra)
{
    if (o->len + extra + 1 <= o->cap)
        return;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->len + extra + 1)
        cap *= 2;
    o->s = xrealloc(o->s, cap);
    o->off = xrealloc(o->off, cap * sizeof *o->off);
    o->ext = xrealloc(o->ext, cap);
    o->cap = cap;
}

static void out_flush_space(fold_out *o)
{
    if (!o->pending)
        return;
    o->pending = 0;
    out_reserve(o, 1);
    o->s[o->len] = ' ';
    o->off[o->len] = (uint32_t)o->space_off;
    o->ext[o->len] = o->space_ext;
    o->len++;
}

static void out_space(fold_out *o, size_t off, size_t ext)
{
    o->have_last = 0;
    if (o->len == 0 || o->pending)
        return; /* leading whitespace, or the run already has its space */
    o->pending = 1;
    o->space_off = off;
    o->space_ext = (unsigned char)ext;
}

/* Write the bytes of one output piece of the code point at src[off..+ext).
 * first: this is the first piece of that code point. */
static void out_bytes(fold_out *o, const char *b, size_t k, size_t off, size_t ext, int first)
{
    out_flush_space(o);
    out_reserve(o, k);
    if (first || !o->have_last) {
        o->last_start = o->len;
        o->have_last = 1;
    }
    for (size_t i = 0; i < k; i++) {
        o->s[o->len] = b[i];
        o->off[o->len] = (uint32_t)off;
        o->ext[o->len] = (unsigned char)ext;
        o->len++;
    }
}

/* A combining mark at src[off..+ext) was dropped: the code point written
 * just before it extends over it in the source, so a match ending there
 * quotes the whole grapheme. */
static void out_absorb(fold_out *o, size_t off, size_t ext)
{
    if (!o->have_last || o->pending || o->last_start >= o->len)
        return;
    size_t start = o->off[o->last_start];
    if (off + ext <= start || off + ext - start > 255)
        return;
    unsigned char w = (unsigned char)(off + ext - start);
    for (size_t i = o->last_start; i < o->len; i++)
        o->ext[i] = w;
}

/* Typographic punctuation -> ASCII; 0 when c is not mapped. */
static char punct_ascii(UChar32 c)
{
    switch (c) {
    case 0x0060: case 0x00B4: case 0x02BC: case 0x02B9: case 0x2018:
    case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0xFF07:
        return '\'';
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2039: case 0x203A: case 0x2033: case 0xFF02:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0x2043: case 0xFE58: case 0xFE63:
    case 0xFF0D:
        return '-';
    default:
        return 0;
    }
}

static int is_removed(UChar32 c)
{
    /* Soft hyphen, zero-width space/joiners, word joiner, BOM, and every
     * other format character (bidi marks, invisible operators...). */
    return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 ||
           c == 0xFEFF || u_charType(c) == U_FORMAT_CHAR;
}

static int is_space_cp(UChar32 c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c < 0x20 || c == 0x7F;
    int8_t t = u_charType(c);
    return t == U_SPACE_SEPARATOR || t == U_LINE_SEPARATOR ||
           t == U_PARAGRAPH_SEPARATOR || t == U_CONTROL_CHAR || u_isUWhiteSpace(c);
}

/* Superscript digits: a footnote marker glued to a figure ("825²", and
 * html.c's rendering of "825<sup>2</sup>"), never part of the number. */
static int is_superscript_digit(UChar32 c)
{
    return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || c == 0x2070 ||
           (c >= 0x2074 && c <= 0x2079);
}

/* The last stage for one code point of a decomposition. */
static void emit_piece(fold_out *o, UChar32 c, size_t off, size_t ext, int *first)
{
    if (c < 0x80) {
        if (is_space_cp(c)) {
            out_space(o, off, ext);
            return;
        }
        char b = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c == '`' ? '\'' : (char)c;
        out_bytes(o, &b, 1, off, ext, *first);
        *first = 0;
        return;
    }
    if (u_charType(c) == U_NON_SPACING_MARK || is_removed(c))
        return;
    if (is_space_cp(c)) {
        out_space(o, off, ext);
        return;
    }
    char p = punct_ascii(c);
    if (p) {
        out_bytes(o, &p, 1, off, ext, *first);
        *first = 0;
        return;
    }
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (c == 0x0153) {
        out_bytes(o, "oe", 2, off, ext, *first);
    } else if (c == 0x00E6) {
        out_bytes(o, "ae", 2, off, ext, *first);
    } else {
        char b[4];
        size_t k = 0;
        U8_APPEND_UNSAFE(b, k, c);
        out_bytes(o, b, k, off, ext, *first);
    }
    *first = 0;
}

/* One non-ASCII code point c at src[off..+ext). */
static void fold_cp(fold_out *o, const UNormalizer2 *nfkd, UChar32 c, size_t off, size_t ext)
{
    if (is_removed(c))
        return;
    if (u_charType(c) == U_NON_SPACING_MARK) {
        out_absorb(o, off, ext);
        return;
    }
    int first = 1;
    if (is_superscript_digit(c)) {
        out_space(o, off, ext);
        return;
    }
    if (is_space_cp(c) || punct_ascii(c) || c == 0x0152 || c == 0x0153 || c == 0x00C6 ||
        c == 0x00E6) {
        emit_piece(o, c, off, ext, &first);
        return;
    }
    /* Full case folding (ß -> ss, ŉ -> ʼn), then NFKD of each folded code
     * point, then simple folding again (NFKD can give capitals: U+1D400). */
    UChar in[2], folded[16];
    int32_t in_len = 0;
    U16_APPEND_UNSAFE(in, in_len, c);
    UErrorCode st = U_ZERO_ERROR;
    int32_t flen = u_strFoldCase(folded, 16, in, in_len, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st) || flen <= 0) {
        folded[0] = in[0];
        if (in_len > 1)
            folded[1] = in[1];
        flen = in_len;
    }
    for (int32_t i = 0; i < flen;) {
        UChar32 f;
        U16_NEXT(folded, i, flen, f);
        UChar d[64];
        st = U_ZERO_ERROR;
        int32_t dlen = unorm2_getDecomposition(nfkd, f, d, 64, &st);
        /* Spacing accents (¨ -> space + mark) keep their own form. */
        if (U_FAILURE(st) || dlen <= 0 || (d[0] == 0x20 && !is_space_cp(f))) {
            emit_piece(o, f, off, ext, &first);
            continue;
        }
        for (int32_t j = 0; j < dlen;) {
            UChar32 g;
            U16_NEXT(d, j, dlen, g);
            emit_piece(o, g, off, ext, &first);
        }
    }
}

int text_fold(const char *src, size_t n, text_map *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    if (n >= UINT32_MAX)
        return cps_err_set(e, CPS_E_INPUT, NULL, 0, "text of %zu bytes is too long to match", n);
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&st);
    if (U_FAILURE(st))
        return cps_err_set(e, CPS_E_INPUT, NULL, 0, "ICU normalizer unavailable: %s",
                           u_errorName(st));

    fold_out o;
    memset(&o, 0, sizeof o);
    out_reserve(&o, n + 16);
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    while (i < n) {
        unsigned char b = s[i];
        if (b < 0x80) {
            /* ASCII: no ICU. */
            if (b > 0x20 && b < 0x7F) {
                char c = b >= 'A' && b <= 'Z' ? (char)(b + 32) : b == '`' ? '\'' : (char)b;
                out_flush_space(&o);
                out_reserve(&o, 1);
                o.last_start = o.len;
                o.have_last = 1;
                o.s[o.len] = c;
                o.off[o.len] = (uint32_t)i;
                o.ext[o.len] = 1;
                o.len++;
            } else {
                out_space(&o, i, 1);
            }
            i++;
            continue;
        }
        size_t start = i;
        size_t avail = n - i;
        int32_t lim = avail > 4 ? 4 : (int32_t)avail;
        int32_t k = 0;
        UChar32 c;
        U8_NEXT(s + start, k, lim, c);
        if (c < 0)
            c = 0xFFFD; /* not UTF-8: keep a placeholder, never crash */
        i = start + (size_t)k;
        fold_cp(&o, nfkd, c, start, (size_t)k);
    }
    /* A trailing space is dropped (trim). */
    o.pending = 0;
    out_reserve(&o, 0);
    o.s[o.len] = '\0';
    o.off[o.len] = (uint32_t)n;
    o.ext[o.len] = 0;
    /* PCRE2's JIT reads the subject 16 bytes at a time (SIMD) and may read
     * up to 15 bytes past its end: keep that much slack, zeroed, inside the
     * allocation (valgrind sees the over-read otherwise) */
    o.s = xrealloc(o.s, o.len + 1 + TEXT_SIMD_SLACK);
    memset(o.s + o.len + 1, 0, TEXT_SIMD_SLACK);
    if (o.cap > o.len + 1) { /* the reserve was for the source's length */
        o.off = xrealloc(o.off, (o.len + 1) * sizeof *o.off);
        o.ext = xrealloc(o.ext, o.len + 1);
    }
    out->s = o.s;
    out->len = o.len;
    out->off = o.off;
    out->ext = o.ext;
    return CPS_OK;
}

void text_map_span(const text_map *m, size_t start, size_t end, size_t *src_start,
                   size_t *src_end)
{
    if (m->len == 0 || !m->off) {
        *src_start = *src_end = m->off ? m->off[0] : 0;
        return;
    }
    if (start > m->len)
        start = m->len;
    if (end > m->len)
        end = m->len;
    if (end <= start) {
        *src_start = *src_end = m->off[start];
        return;
    }
    *src_start = m->off[start];
    size_t last = end - 1;
    if (m->ext) {
        *src_end = m->off[last] + m->ext[last];
    } else {
        size_t j = end;
        while (j < m->len && m->off[j] == m->off[last])
            j++;
        *src_end = m->off[j];
    }
}

void text_map_free(text_map *m)
{
    if (!m)
        return;
    free(m->s);
    free(m->off);
    free(m->ext);
    memset(m, 0, sizeof *m);
}

/* ---- text_display ------------------------------------------------------- */

static int is_display_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

static char *collapse_ascii_ws(const char *s, size_t n, size_t *out_len)
{
    char *r = xmalloc(n + 1);
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_display_ws(c)) {
            space = k > 0;
            continue;
        }
        if (space) {
            r[k++] = ' ';
            space = 0;
        }
        r[k++] = (char)c;
    }
    r[k] = '\0';
    if (out_len)
        *out_len = k;
    return r;
}

char *text_display(const char *src, size_t n, size_t *out_len)
{
    size_t i = 0;
    while (i < n && !((unsigned char)src[i] & 0x80))
        i++;
    if (i == n || n > INT32_MAX / 4)
        return collapse_ascii_ws(src, n, out_len);

    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return collapse_ascii_ws(src, n, out_len);
    int32_t ucap = (int32_t)n + 1;
    UChar *u = xmalloc((size_t)ucap * sizeof *u);
    int32_t ulen = 0;
    u_strFromUTF8WithSub(u, ucap, &ulen, src, (int32_t)n, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        free(u);
        return collapse_ascii_ws(src, n, out_len);
    }
    UChar *norm = u;
    int32_t nlen = ulen;
    int32_t yes = unorm2_spanQuickCheckYes(nfc, u, ulen, &st);
    if (U_SUCCESS(st) && yes < ulen) {
        int32_t ncap = ulen * 3 + 16;
        norm = xmalloc((size_t)ncap * sizeof *norm);
        st = U_ZERO_ERROR;
        nlen = unorm2_normalize(nfc, u, ulen, norm, ncap, &st);
        if (U_FAILURE(st)) {
            free(norm);
            norm = u;
            nlen = ulen;
        }
    }
    st = U_ZERO_ERROR;
    int32_t bcap = nlen * 3 + 1;
    char *b = xmalloc((size_t)bcap);
    int32_t blen = 0;
    u_strToUTF8WithSub(b, bcap, &blen, norm, nlen, 0xFFFD, NULL, &st);
    if (norm != u)
        free(norm);
    free(u);
    char *r = U_SUCCESS(st) ? collapse_ascii_ws(b, (size_t)blen, out_len)
                            : collapse_ascii_ws(src, n, out_len);
    free(b);
    return r;
}

/* ---- text_clauses ------------------------------------------------------- */

/* Words that end with a period without ending a sentence (EN + FR), as
 * they appear lower-cased and without accents, the final period removed. */
static const char *const abbreviations[] = {
    /* English */
    "e.g", "i.e", "cf", "chap", "ch", "sect", "sec", "art", "no", "nos", "p", "pp",
    "m", "mr", "mrs", "ms", "dr", "prof", "etc", "vs", "fig", "figs", "al",
    "vol", "ed", "eds", "approx", "incl", "resp", "viz", "para", "ref", "refs",
    /* French */
    "mme", "mmes", "mlle", "mlles", "mm", "ex", "p.ex", "env", "c.-a-d", "c-a-d",
    "ann", "pt",
    NULL
};

static int is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* s[dot] == '.': is the word before it an abbreviation? */
static int abbrev_before(const char *s, size_t dot)
{
    size_t b = dot;
    while (b > 0) {
        unsigned char c = (unsigned char)s[b - 1];
        if (is_ascii_letter(c) || c == '.' || c == '-')
            b--;
        else
            break;
    }
    if (b > 0 && ((unsigned char)s[b - 1] & 0x80))
        return 0; /* a word with non-ASCII letters: never in the list */
    size_t k = dot - b;
    if (k == 0 || k > 8)
        return 0;
    char w[9];
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[b + i];
        w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[k] = '\0';
    for (size_t i = 0; abbreviations[i]; i++)
        if (strcmp(w, abbreviations[i]) == 0)
            return 1;
    return 0;
}

static int clause_opener(unsigned char c)
{
    return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '"' || c == '\'' ||
           c >= 0x80;
}

/* If a clause ends at terminator s[i], the offset where the next one
 * starts; 0 if s[i] does not end a clause. */
static size_t clause_break(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c != '.' && c != ';' && c != '!' && c != '?')
        return 0;
    if (c == '.') {
        /* 4.9.1 and "1.5" never break (no space follows); "e.g." etc. */
        if (abbrev_before(s, i))
            return 0;
        if (i > 0 && s[i - 1] == '.')
            return 0; /* "..." in the middle of a sentence */
    }
    size_t j = i + 1;
    if (j < n && (s[j] == '"' || s[j] == ')' || s[j] == '\''))
        j++; /* closing quote or parenthesis after the terminator */
    if (j >= n || s[j] != ' ')
        return 0;
    while (j < n && s[j] == ' ')
        j++;
    if (j >= n || !clause_opener((unsigned char)s[j]))
        return 0;
    return j;
}

size_t text_clauses(const char *s, size_t n, size_t **starts)
{
    buf b = BUF_INIT;
    size_t count = 0;
    if (n > 0) {
        size_t z = 0;
        buf_put(&b, &z, sizeof z);
        count = 1;
        for (size_t i = 0; i < n; i++) {
            size_t next = clause_break(s, n, i);
            if (next) {
                buf_put(&b, &next, sizeof next);
                count++;
                i = next - 1;
            }
        }
    }
    buf_put(&b, &n, sizeof n);
    size_t *r = xmalloc((count + 1) * sizeof *r);
    memcpy(r, b.ptr, (count + 1) * sizeof *r);
    buf_free(&b);
    *starts = r;
    return count;
}

/* ---- text_snippet ------------------------------------------------------- */

#define ELLIPSIS "\xE2\x80\xA6"
#define ELLIPSIS_LEN 3u

/* Back to the start of the code point holding byte i. */
static size_t cp_floor(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return n;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Forward to the next code point boundary at or after i. */
static size_t cp_ceil(const char *s, size_t n, size_t i)
{
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

char *text_snippet(const char *src, size_t n, size_t ms, size_t me, size_t max_bytes,
                   size_t *mark_start, size_t *mark_end)
{
    if (ms > n)
        ms = n;
    if (me > n)
        me = n;
    if (me < ms)
        me = ms;
    ms = cp_floor(src, n, ms);
    me = cp_ceil(src, n, me);

    size_t a = 0, z = n; /* the quoted range [a, z) */
    if (n > max_bytes) {
        size_t mlen = me - ms;
        if (mlen + 2 * ELLIPSIS_LEN >= max_bytes) {
            /* The match alone fills the budget: quote (the head of) it. */
            a = ms;
            size_t room = max_bytes > 2 * ELLIPSIS_LEN ? max_bytes - 2 * ELLIPSIS_LEN : 1;
            z = mlen <= room ? me : cp_floor(src, n, ms + room);
            if (z <= a)
                z = cp_ceil(src, n, a + 1);
        } else {
            /* The clause holding the match, when it fits: only a clause
             * within max_bytes of the match can, so split just that window
             * (a finding in a 10 MB paragraph must not cost 10 MB). */
            size_t wa = ms > max_bytes ? cp_floor(src, n, ms - max_bytes) : 0;
            size_t wz = n - me > max_bytes ? cp_ceil(src, n, me + max_bytes) : n;
            size_t *cl = NULL;
            size_t nc = text_clauses(src + wa, wz - wa, &cl);
            size_t cs = wa, ce = wz;
            for (size_t k = 0; k < nc; k++) {
                if (wa + cl[k] <= ms)
                    cs = wa + cl[k];
                if (wa + cl[k + 1] >= me && wa + cl[k + 1] > ms) {
                    ce = wa + cl[k + 1];
                    break;
                }
            }
            free(cl);
            while (ce > cs && src[ce - 1] == ' ')
                ce--;
            size_t need = ce - cs + (cs > 0 ? ELLIPSIS_LEN : 0) + (ce < n ? ELLIPSIS_LEN : 0);
            if (need <= max_bytes && ce >= me) {
                a = cs;
                z = ce;
            } else {
                /* Context on both sides, cut at spaces. */
                size_t budget = max_bytes - mlen - 2 * ELLIPSIS_LEN;
                size_t left = budget / 2, right = budget - left;
                if (ms < left) {
                    right += left - ms;
                    left = ms;
                }
                if (n - me < right) {
                    left += right - (n - me);
                    right = n - me;
                    if (left > ms)
                        left = ms;
                }
                a = cp_ceil(src, n, ms - left);
                z = cp_floor(src, n, me + right);
                if (z < me)
                    z = me;
                if (a > 0 && src[a - 1] != ' ') {
                    const char *sp = memchr(src + a, ' ', ms - a);
                    if (sp)
                        a = (size_t)(sp - src) + 1;
                }
                if (z < n && src[z] != ' ') {
                    size_t k = z;
                    while (k > me && src[k] != ' ')
                        k--;
                    if (k > me)
                        z = k;
                }
            }
        }
    }
    /* No blank right inside an ellipsis. */
    while (a > 0 && a < ms && src[a] == ' ')
        a++;
    while (z < n && z > me && src[z - 1] == ' ')
        z--;

    buf b = BUF_INIT;
    if (a > 0)
        buf_put(&b, ELLIPSIS, ELLIPSIS_LEN);
    size_t base = b.len;
    buf_put(&b, src + a, z - a);
    if (z < n)
        buf_put(&b, ELLIPSIS, ELLIPSIS_LEN);
    if (mark_start)
        *mark_start = base + (ms - a);
    if (mark_end)
        *mark_end = base + ((me < z ? me : z) - a);
    if (!b.ptr)
        return xstrdup("");
    return buf_detach(&b);
}

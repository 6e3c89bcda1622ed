/* text.c — the matching text, its offset map, display text, clauses and
 * snippets. Contract in text.h. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

/* Zeroed bytes kept after the matching text (see text_fold). */
#define TEXT_SIMD_SLACK 16

#include "buf.h"

/* ---- text_fold ----------------------------------------------------------- */

/* The fold is written into scratch space (on the stack for short texts,
 * the common case: most blocks are a line or a paragraph), then copied
 * into the one allocation the map keeps (see text_fold). */
#define FOLD_STACK 512

typedef struct fold_out {
    char *s;
    uint32_t *off;
    unsigned char *ext;
    size_t len, cap;
    int heap;              /* s, off, ext are malloc'd (else the stack arrays) */
    int pending;           /* a collapsed space waits to be written */
    size_t space_off;      /* its source offset and length */
    unsigned char space_ext;
    size_t last_start;     /* output index of the last code point written */
    int have_last;         /* last_start valid and nothing dropped since but marks */
    UErrorCode err;        /* first ICU failure (U_ZERO_ERROR: none) */
    const char *err_what;  /* the ICU call that failed */
} fold_out;

/* out_reserve's slow path: leave the stack arrays or grow the heap ones. */
static void out_grow(fold_out *o, size_t extra)
{
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->len + extra + 1)
        cap *= 2;
    if (o->heap) {
        o->s = xrealloc(o->s, cap);
        o->off = xrealloc(o->off, cap * sizeof *o->off);
        o->ext = xrealloc(o->ext, cap);
    } else { /* leave the stack arrays */
        char *ns = xmalloc(cap);
        uint32_t *noff = xmalloc(cap * sizeof *noff);
        unsigned char *next = xmalloc(cap);
        memcpy(ns, o->s, o->len);
        memcpy(noff, o->off, o->len * sizeof *noff);
        memcpy(next, o->ext, o->len);
        o->s = ns;
        o->off = noff;
        o->ext = next;
        o->heap = 1;
    }
    o->cap = cap;
}

static inline void out_reserve(fold_out *o, size_t extra)
{
    if (o->len + extra + 1 > o->cap)
        out_grow(o, extra);
}

/* Record the first ICU failure (the fold goes on, its result is dropped). */
static void out_fail(fold_out *o, const char *what, UErrorCode st)
{
    if (o->err == U_ZERO_ERROR) {
        o->err = st;
        o->err_what = what;
    }
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
    if (U_FAILURE(st)) {
        out_fail(o, "u_strFoldCase", st);
        return;
    }
    for (int32_t i = 0; i < flen;) {
        UChar32 f;
        U16_NEXT(folded, i, flen, f);
        UChar d[64];
        st = U_ZERO_ERROR;
        int32_t dlen = unorm2_getDecomposition(nfkd, f, d, 64, &st);
        if (U_FAILURE(st)) {
            out_fail(o, "unorm2_getDecomposition", st);
            return;
        }
        /* No decomposition (dlen < 0); spacing accents (¨ -> space +
         * mark) keep their own form. */
        if (dlen <= 0 || (d[0] == 0x20 && !is_space_cp(f))) {
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

int text_icu_error(cps_err *e, const char *what, int status)
{
    UErrorCode st = (UErrorCode)status;
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return cps_err_set(e, CPS_E_NOMEM, NULL, 0, "out of memory in ICU (%s)", what);
    return cps_err_set(e, CPS_E_INPUT, NULL, 0, "ICU failed (%s): %s", what, u_errorName(st));
}

int text_init(cps_err *e)
{
    /* ICU 72's default locale, settled now: set lazily by the first break
     * iterator, an allocation failure there re-enters Locale::getDefault
     * under its own lock and deadlocks (seen with tests/fault.sh's
     * allocation faults). Once set it is never allocated again. */
    (void)uloc_getDefault();
    UErrorCode st = U_ZERO_ERROR;
    (void)unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return text_icu_error(e, "loading the NFC normalizer", st);
    (void)unorm2_getNFKDInstance(&st);
    if (U_FAILURE(st))
        return text_icu_error(e, "loading the NFKD normalizer", st);
    return CPS_OK;
}

/* Bytes a map of len bytes of text takes: the text, its NUL and (alone in
 * a malloc'd block) the zeroed slack PCRE2's JIT may read (it reads the
 * subject 16 bytes at a time), rounded to 4; then off; then ext. */
static size_t map_bytes(size_t len, size_t slack, size_t *soff)
{
    *soff = (len + 1 + slack + 3) & ~(size_t)3;
    return *soff + (len + 1) * (sizeof(uint32_t) + 1);
}

#define ARENA_CHUNK ((size_t)256 << 10)

/* Room for k bytes (a multiple of 4) in ar, 4-aligned. Every chunk ends
 * with TEXT_SIMD_SLACK zeroed bytes nothing is carved from, so a text's
 * slack is whatever follows it in the chunk (its off and ext, the next
 * map) and, for the last one, those bytes. */
static char *arena_take(text_arena *ar, size_t k)
{
    if (ar->left < k) {
        size_t sz = k > ARENA_CHUNK / 4 ? k : ARENA_CHUNK;
        if (ar->n == ar->cap) {
            ar->cap = ar->cap ? ar->cap * 2 : 16;
            ar->chunks = xrealloc(ar->chunks, ar->cap * sizeof *ar->chunks);
        }
        char *c = xmalloc(sz + TEXT_SIMD_SLACK);
        memset(c + sz, 0, TEXT_SIMD_SLACK);
        ar->bytes += sz + TEXT_SIMD_SLACK;
        if (sz != ARENA_CHUNK && ar->n) { /* a big one: the current chunk stays */
            ar->chunks[ar->n] = ar->chunks[ar->n - 1];
            ar->chunks[ar->n - 1] = c;
            ar->n++;
            return c;
        }
        ar->chunks[ar->n++] = c;
        ar->next = c;
        ar->left = sz;
    }
    char *p = ar->next;
    ar->next += k;
    ar->left -= k;
    return p;
}

void text_arena_free(text_arena *ar)
{
    for (size_t i = 0; i < ar->n; i++)
        free(ar->chunks[i]);
    free(ar->chunks);
    memset(ar, 0, sizeof *ar);
}

/* The folded text o into one block, malloc'd (ar NULL) or carved from ar:
 * text, off, ext together. One allocation a map, not three: blocks are
 * many and small (a paragraph-heavy document has a million), and each
 * malloc costs its own header and rounding. */
static void fold_pack(const fold_out *o, text_arena *ar, text_map *out)
{
    size_t len = o->len, soff;
    size_t k = map_bytes(len, ar ? 0 : TEXT_SIMD_SLACK, &soff);
    char *p = ar ? arena_take(ar, (k + 3) & ~(size_t)3) : xmalloc(k);
    memcpy(p, o->s, len + 1);
    memset(p + len + 1, 0, soff - (len + 1));
    out->s = p;
    out->len = len;
    out->off = (uint32_t *)(void *)(p + soff);
    memcpy(out->off, o->off, (len + 1) * sizeof *o->off);
    out->ext = (unsigned char *)(out->off + len + 1);
    memcpy(out->ext, o->ext, len + 1);
}

int text_fold(const char *src, size_t n, text_map *out, cps_err *e)
{
    return text_fold_in(NULL, src, n, out, e);
}

int text_fold_in(text_arena *ar, const char *src, size_t n, text_map *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    if (n >= UINT32_MAX)
        return cps_err_set(e, CPS_E_INPUT, NULL, 0, "text of %zu bytes is too long to match", n);
    const UNormalizer2 *nfkd = NULL; /* on the first non-ASCII code point */
    char s0[FOLD_STACK];
    uint32_t off0[FOLD_STACK];
    unsigned char ext0[FOLD_STACK];
    fold_out o;
    memset(&o, 0, sizeof o);
    o.s = s0;
    o.off = off0;
    o.ext = ext0;
    o.cap = FOLD_STACK;
    out_reserve(&o, n + 16);
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    while (i < n && o.err == U_ZERO_ERROR) {
        unsigned char b = s[i];
        if (b < 0x80) {
            /* ASCII: no ICU. */
            if (b > 0x20 && b < 0x7F) {
                /* a run of printable ASCII: one byte out per byte in */
                out_flush_space(&o);
                out_reserve(&o, n - i);
                size_t len = o.len;
                do {
                    o.s[len] = b >= 'A' && b <= 'Z' ? (char)(b + 32) : b == '`' ? '\'' : (char)b;
                    o.off[len] = (uint32_t)i;
                    o.ext[len] = 1;
                    len++;
                    i++;
                } while (i < n && (b = s[i]) > 0x20 && b < 0x7F);
                o.len = len;
                o.last_start = len - 1;
                o.have_last = 1;
            } else {
                out_space(&o, i, 1);
                i++;
            }
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
        if (!nfkd) {
            UErrorCode st = U_ZERO_ERROR;
            nfkd = unorm2_getNFKDInstance(&st);
            if (U_FAILURE(st)) {
                out_fail(&o, "loading the NFKD normalizer", st);
                break;
            }
        }
        fold_cp(&o, nfkd, c, start, (size_t)k);
    }
    int rc = CPS_OK;
    if (o.err != U_ZERO_ERROR) {
        rc = text_icu_error(e, o.err_what, o.err);
    } else {
        /* A trailing space is dropped (trim). */
        o.pending = 0;
        out_reserve(&o, 0);
        o.s[o.len] = '\0';
        o.off[o.len] = (uint32_t)n;
        o.ext[o.len] = 0;
        fold_pack(&o, ar, out);
    }
    if (o.heap) {
        free(o.s);
        free(o.off);
        free(o.ext);
    }
    return rc;
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
    free(m->s); /* off and ext live in the same allocation */
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

int text_display(const char *src, size_t n, char **out, size_t *out_len, cps_err *e)
{
    *out = NULL;
    size_t i = 0;
    while (i < n && !((unsigned char)src[i] & 0x80))
        i++;
    if (i == n) {
        *out = collapse_ascii_ws(src, n, out_len);
        return CPS_OK;
    }
    if (n > INT32_MAX / 4)
        return cps_err_set(e, CPS_E_INPUT, NULL, 0,
                           "a text of %zu bytes is too long to normalise", n);

    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return text_icu_error(e, "loading the NFC normalizer", st);
    int32_t ucap = (int32_t)n + 1;
    UChar *u = xmalloc((size_t)ucap * sizeof *u);
    int32_t ulen = 0;
    u_strFromUTF8WithSub(u, ucap, &ulen, src, (int32_t)n, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        free(u);
        return text_icu_error(e, "u_strFromUTF8WithSub", st);
    }
    UChar *norm = u;
    int32_t nlen = ulen;
    int32_t yes = unorm2_spanQuickCheckYes(nfc, u, ulen, &st);
    if (U_FAILURE(st)) {
        free(u);
        return text_icu_error(e, "unorm2_spanQuickCheckYes", st);
    }
    if (yes < ulen) {
        int32_t ncap = ulen * 3 + 16;
        norm = xmalloc((size_t)ncap * sizeof *norm);
        nlen = unorm2_normalize(nfc, u, ulen, norm, ncap, &st);
        if (U_FAILURE(st)) {
            free(norm);
            free(u);
            return text_icu_error(e, "unorm2_normalize", st);
        }
    }
    int32_t bcap = nlen * 3 + 1;
    char *b = xmalloc((size_t)bcap);
    int32_t blen = 0;
    u_strToUTF8WithSub(b, bcap, &blen, norm, nlen, 0xFFFD, NULL, &st);
    if (norm != u)
        free(norm);
    free(u);
    if (U_FAILURE(st)) {
        free(b);
        return text_icu_error(e, "u_strToUTF8WithSub", st);
    }
    *out = collapse_ascii_ws(b, (size_t)blen, out_len);
    free(b);
    return CPS_OK;
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

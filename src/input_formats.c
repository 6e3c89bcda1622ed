/* input_formats.c — the table of input formats (input_formats.h): one
 * row per format, the text sniffs and memory estimates of the formats
 * that have no file of their own to hold them, and the lookups.
 *
 * Adding a format: a row here (designated initializers: the fields are
 * described in input_formats.h) whose reader lives in the format's own
 * file, and its name in INPUT_FORMATS. Commit messages and
 * docs/ARCHITECTURE.md say which commit shows it.
 */
#include "input_formats.h"

#include <string.h>

#include "html.h"
#include "markdown.h"
#include "pdf.h"

#define SNIFF_HEAD 4096u     /* where a declaration or a first tag may be */
#define SNIFF_SAMPLE 65536u  /* where a Markdown heading may be */

/* ---- text sniffs ---------------------------------------------------------- */

static int ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static size_t head_of(size_t n)
{
    return n < SNIFF_HEAD ? n : SNIFF_HEAD;
}

/* An XML declaration first (after a BOM and blanks), or the XHTML
 * namespace, in the first SNIFF_HEAD bytes. */
static int sniff_xhtml(const char *text, size_t n)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t head = head_of(n), i = 0;
    if (n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < head && ascii_space(t[i]))
        i++;
    if (head - i >= 5 && memcmp(t + i, "<?xml", 5) == 0)
        return 1;
    return source_find_ci(t, head, "xmlns=\"http://www.w3.org/1999/xhtml\"") ||
           source_find_ci(t, head, "xmlns='http://www.w3.org/1999/xhtml'");
}

/* A tag "<name" followed by '>', '/', or whitespace. */
static int has_tag(const unsigned char *t, size_t n, const char *tag)
{
    size_t k = strlen(tag);
    const unsigned char *p = t, *end = t + n;
    while (p < end) {
        const unsigned char *q = source_find_ci(p, (size_t)(end - p), tag);
        if (!q)
            return 0;
        const unsigned char *r = q + k;
        if (r >= end || *r == '>' || *r == '/' || ascii_space(*r))
            return 1;
        p = q + 1;
    }
    return 0;
}

/* One of the tags a page starts with, in the first SNIFF_HEAD bytes. */
static int sniff_html(const char *text, size_t n)
{
    static const char *const tags[] = {
        "<html", "<!doctype html", "<head", "<body", "<p", "<div", "<table",
        "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", NULL
    };
    for (size_t k = 0; tags[k]; k++)
        if (has_tag((const unsigned char *)text, head_of(n), tags[k]))
            return 1;
    return 0;
}

/* A "# " to "###### " heading at a line's start, in the first
 * SNIFF_SAMPLE bytes. */
static int sniff_markdown(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t n = len < SNIFF_SAMPLE ? len : SNIFF_SAMPLE, i = 0;
    while (i < n) {
        size_t h = 0;
        while (i + h < n && t[i + h] == '#' && h < 7)
            h++;
        if (h >= 1 && h <= 6 && i + h < n && (t[i + h] == ' ' || t[i + h] == '\t'))
            return 1;
        const unsigned char *nl = memchr(t + i, '\n', n - i);
        if (!nl)
            break;
        i = (size_t)(nl - t) + 1;
    }
    return 0;
}

/* The decoded text starts with the PDF signature: a PDF that was not
 * recognised as bytes (after a UTF-16 BOM), which is refused. */
static int sniff_pdf_text(const char *t, size_t n)
{
    return n >= 5 && memcmp(t, "%PDF-", 5) == 0;
}

/* ---- memory estimates (analysis.h) ---------------------------------------- */

/* Per input byte, plus per block the text can make at most: start tags
 * ('<' and a letter) for HTML. One linear pass. */
static unsigned long long need_tags(const char *t, size_t n)
{
    size_t k = 1;
    for (const char *p = t; (p = memchr(p, '<', n - (size_t)(p - t))) != NULL; p++)
        if ((size_t)(p - t) + 1 < n && ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z'))
            k++;
    return (unsigned long long)n * INPUT_MEM_PER_BYTE +
           (unsigned long long)k * INPUT_MEM_PER_BLOCK;
}

/* The same with non-blank lines as the blocks (Markdown, laid-out text). */
static unsigned long long need_lines(const char *t, size_t n)
{
    size_t k = 1;
    int blank = 1;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c == '\n') {
            k += !blank;
            blank = 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            blank = 0;
        }
    }
    k += !blank;
    return (unsigned long long)n * INPUT_MEM_PER_BYTE +
           (unsigned long long)k * INPUT_MEM_PER_BLOCK;
}

static unsigned long long need_pdf(const char *t, size_t n)
{
    (void)t;
    return (unsigned long long)n * INPUT_MEM_PER_PDF_BYTE;
}

/* ---- readers: the front ends' entry points in the row's shape -------------- */

static int parse_html(const source *src, const input_opts *o, doc *out, cps_err *e)
{
    return html_parse_limited(src, o->keep_chrome, o->max_memory, out, e);
}

static int parse_markdown(const source *src, const input_opts *o, doc *out, cps_err *e)
{
    return markdown_parse_limited(src, o->keep_chrome, o->max_memory, out, e);
}

static int parse_pdf(const char *name, const unsigned char *b, size_t n, const input_opts *o,
                     doc *out, cps_err *e)
{
    pdf_opts po;
    memset(&po, 0, sizeof po);
    po.timeout = o->pdf_timeout;
    po.max_output = o->max_size; /* text beyond the input cap is not read either */
    return pdf_parse_bytes(name, b, n, &po, out, e);
}

/* ---- the table -------------------------------------------------------------- */

/* The formats, in the order --help lists them (the first is the
 * fallback): one X(NAME) each, for the row input_format_NAME below or in
 * the format's own file. */
#define INPUT_FORMATS(X) X(html) X(xhtml) X(markdown) X(pdf) X(text)

#define DECLARE(name) extern const input_format input_format_##name;
INPUT_FORMATS(DECLARE)

const input_format input_format_html = {
    .name = "html", .label = "HTML", .ext = "html htm",
    .strength = INPUT_SNIFF_MARKUP, .sniff_text = sniff_html,
    .parse_text = parse_html, .need = need_tags,
};
const input_format input_format_xhtml = {
    .name = "xhtml", .label = "XHTML", .ext = "xhtml", .ext_named = "xht",
    .strength = INPUT_SNIFF_DECLARATION, .sniff_text = sniff_xhtml,
    .parse_text = parse_html, .need = need_tags,
};
const input_format input_format_markdown = {
    .name = "markdown", .label = "Markdown", .ext = "md markdown", .ext_named = "mdown mkd",
    .strength = INPUT_SNIFF_HINT, .sniff_text = sniff_markdown,
    .parse_text = parse_markdown, .need = need_lines,
};
const input_format input_format_pdf = {
    .name = "pdf", .label = "PDF", .ext = "pdf",
    .strength = INPUT_SNIFF_MAGIC, .sniff_text = sniff_pdf_text,
    .sniff_bytes = pdf_bytes_look_pdf, .magic = "%PDF-", .parse_bytes = parse_pdf,
    .need = need_pdf,
};

#define ROW(name) &input_format_##name,
const input_format *const input_formats[] = {INPUT_FORMATS(ROW) NULL};

/* ---- lookups ---------------------------------------------------------------- */

const input_format *input_format_find(const char *name)
{
    for (size_t i = 0; input_formats[i]; i++)
        if (!strcmp(input_formats[i]->name, name))
            return input_formats[i];
    return NULL;
}

/* 1 if ext (n bytes, any case) is one of the space-separated words of
 * list (lower case). */
static int ext_in(const char *ext, size_t n, const char *list)
{
    for (const char *w = list; w && *w;) {
        size_t k = strcspn(w, " ");
        if (k == n) {
            size_t j = 0;
            while (j < n && (ext[j] >= 'A' && ext[j] <= 'Z' ? ext[j] + 32 : ext[j]) == w[j])
                j++;
            if (j == n)
                return 1;
        }
        w += k;
        w += *w == ' ';
    }
    return 0;
}

const input_format *input_format_by_ext(const char *path, int walked)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (!dot || (slash && slash > dot))
        return NULL;
    dot++;
    size_t n = strlen(dot);
    for (size_t i = 0; input_formats[i]; i++) {
        const input_format *f = input_formats[i];
        if (ext_in(dot, n, f->ext) || (!walked && ext_in(dot, n, f->ext_named)))
            return f;
    }
    return NULL;
}

const input_format *input_format_binary(const char *name, const unsigned char *bytes, size_t n)
{
    for (size_t i = 0; input_formats[i]; i++)
        if (input_formats[i]->sniff_bytes && input_formats[i]->sniff_bytes(name, bytes, n))
            return input_formats[i];
    return NULL;
}

const input_format *input_format_sniff(const char *name, const char *text, size_t n)
{
    if (name && strcmp(name, "-") != 0) {
        const input_format *f = input_format_by_ext(name, 0);
        if (f)
            return f;
    }
    if (!text)
        return input_formats[0];
    for (int s = INPUT_SNIFF_MAGIC; s > INPUT_SNIFF_NONE; s--)
        for (size_t i = 0; input_formats[i]; i++) {
            const input_format *f = input_formats[i];
            if ((int)f->strength == s && f->sniff_text && f->sniff_text(text, n))
                return f;
        }
    return input_formats[0];
}

void input_format_labels(buf *b, const char *last)
{
    for (size_t i = 0; input_formats[i]; i++)
        buf_printf(b, "%s%s", i == 0 ? "" : input_formats[i + 1] ? ", " : last,
                   input_formats[i]->label);
}

void input_format_names(buf *b)
{
    for (size_t i = 0; input_formats[i]; i++)
        buf_printf(b, "%s%s", i ? ", " : "", input_formats[i]->name);
}

void input_format_globs(buf *b)
{
    int first = 1;
    for (size_t i = 0; input_formats[i]; i++)
        for (const char *w = input_formats[i]->ext; *w; first = 0) {
            size_t k = strcspn(w, " ");
            buf_printf(b, "%s*.%.*s", first ? "" : " ", (int)k, w);
            w += k;
            w += *w == ' ';
        }
}

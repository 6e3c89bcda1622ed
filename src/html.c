#include "html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "css.h"
#include "html_elements.h"
#include "text.h"

/* What an element does to the text inside it. */
enum el_class { EL_INLINE = 0, EL_BLOCK, EL_SKIP, EL_BREAK };

/* Limits (html.h). */
#define HTML_MAX_DEPTH 256
#define HTML_MAX_TEXT 10000000u
#define HTML_MAX_TITLE (64u * 1024)

typedef struct frame {
    int block;           /* classify() said EL_BLOCK: closing it flushes */
    block_kind kind;
    int level;
    int bold, anchor_link, toc, header;
    int table, row, col;
    int is_table;        /* this frame is a <table> */
    int table_rows;      /* for a table frame: rows seen so far */
    int row_cols;        /* for a row frame: cells seen so far */
    int content;         /* inside main content (html.h): chrome is kept */
    int sup;             /* 2 in a <sup>, 1 in its child, 0 elsewhere (footnote marks) */
    int link;            /* this frame is an <a href> being collected */
    char *href;          /* its href (owned by the frame while open) */
    size_t link_start;   /* offset in the block buffer where it began */
    size_t link_block;   /* block serial when it began */
    long xml_line;       /* libxml2's line of the start tag */
    long src_line;       /* sourcepos mode: source line of the nearest element
                            with data-sourcepos or inside a marked raw HTML
                            region, 0 if none */
    long src_nl;         /* walker.nl when that element was entered */
    char lang[12];
} frame;

typedef struct walker {
    doc *d;
    int keep_chrome;
    frame *st;
    size_t depth, cap;
    int tables;          /* tables seen */
    /* the block being accumulated */
    buf text;
    int open;
    size_t serial;       /* increments at every flush */
    frame ctx;           /* context the block started in */
    long line;
    size_t chars, bold_chars, link_chars;
    int split;           /* next block continues after a <br> */
    int sourcepos;       /* lines from data-sourcepos and line markers */
    long line_base;      /* html_opts.line_base */
    size_t max_memory;   /* html_opts.max_memory */
    size_t input_held;   /* input bytes held meanwhile (ours and libxml2's copy) */
    long nl;             /* newlines seen in text runs that are not all blank */
    int in_mark;         /* inside a <!--cpslint-line:N--> ... :end region */
    long mark_src, mark_xml; /* the marker's source line and libxml2 line */
    /* SAX state */
    htmlParserCtxtPtr ctxt;
    size_t open_elems;   /* elements open, skipped ones included */
    unsigned char pushed[HTML_MAX_DEPTH + 1]; /* per open element: has a frame */
    size_t skip;         /* > 0: inside a skipped element (its open depth) */
    size_t head_at;      /* open depth of a <head> being skipped, 0 if none */
    int title_state;     /* 0 none yet, 1 collecting, 2 done */
    buf title;
    int in_run;          /* the last event was text: the same text node */
    long run_line;       /* libxml2's line at the run's first chunk */
    int seen_root;
    int fail_code;       /* set: the document is refused (fail_msg) */
    const char *fail_msg;
    char fail_buf[sizeof ((cps_err *)0)->msg]; /* a fail_msg made at run time (ICU) */
} walker;

static int name_is(const char *n, const char *name)
{
    return n && strcasecmp(n, name) == 0;
}

/* The value of attribute name in a SAX attribute list (the first one: the
 * parser drops repeats), NULL if absent; an attribute without a value
 * reads as "". Not a copy. */
static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcasecmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static int has_attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcasecmp((const char *)atts[i], name) == 0)
            return 1;
    return 0;
}

static int ci_contains(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, nl) == 0)
            return 1;
    return 0;
}

/* "toc", "MsoToc1", "table-of-contents", "toc-entry": a table of contents. */
static int is_toc_name(const char *s)
{
    if (!s)
        return 0;
    if (ci_contains(s, "table-of-contents") || ci_contains(s, "tableofcontents"))
        return 1;
    for (const char *p = s; *p; p++) {
        if (strncasecmp(p, "toc", 3) != 0)
            continue;
        int before_ok = p == s || !isalpha((unsigned char)p[-1]) ||
                        (p - s >= 3 && strncasecmp(p - 3, "mso", 3) == 0);
        int after_ok = !isalpha((unsigned char)p[3]);
        if (before_ok && after_ok)
            return 1;
    }
    return 0;
}

/* Elements whose inside is the document's content (html.h): page chrome
 * is only recognised outside all of them. */
static int is_content_element(const html_el *e, const xmlChar **atts)
{
    const char *role = attr(atts, "role");
    return (e->flags & HTML_ELF_CONTENT) || (role && strcasecmp(role, "main") == 0);
}

static enum el_class classify(const walker *w, const html_el *e, const xmlChar **atts)
{
    if (e->flags & HTML_ELF_SKIP)
        return EL_SKIP;
    /* chrome only at page level: not inside main content */
    if (!w->keep_chrome && !w->st[w->depth - 1].content && (e->flags & HTML_ELF_CHROME))
        return EL_SKIP;
    if (has_attr(atts, "hidden") || (css_inline_flags(attr(atts, "style")) & CSS_HIDDEN))
        return EL_SKIP;
    if (e->id == HTML_EL_BR)
        return EL_BREAK;
    if (e->flags & HTML_ELF_BLOCK)
        return EL_BLOCK;
    return EL_INLINE;
}

/* libxml2 2.9 stores HTML line numbers in 16 bits: 65535 means "65535 or
 * more", so a distance measured from or to it is unknown (taken as 0). */
#define XML_LINE_CAP 65535L

static long line_delta(long from, long to)
{
    if (from <= 0 || to <= 0 || from >= XML_LINE_CAP || to >= XML_LINE_CAP || to < from)
        return 0;
    return to - from;
}

/* Line numbers a document can state for itself (raw HTML in Markdown may
 * carry data-sourcepos or a line marker) are believed up to this; anything
 * larger cannot be a line of an input under the size cap, and would let
 * the additions below overflow. */
#define HTML_MAX_LINE 100000000L

/* The current line of the parser (the end of the construct just read),
 * saturated as libxml2 2.9 saturates the lines it stores in nodes. */
static long cur_line(const walker *w)
{
    long x = w->ctxt && w->ctxt->input ? (long)w->ctxt->input->line : 0;
    if (x < 0)
        x = 0;
    return x > XML_LINE_CAP ? XML_LINE_CAP : x;
}

/* The source line of something at libxml2 line x whose innermost frame is
 * f (sourcepos mode: the frame's base line plus the newlines seen since;
 * html.h). libxml2's own line of a text run is where its first chunk
 * ended, not where the text began, so counting newlines is closer, and
 * exact for Markdown: cmark renders soft breaks as newlines, line for
 * line. */
static long node_line(const walker *w, const frame *f, long x)
{
    if (!w->sourcepos)
        return x;
    if (f->src_line)
        return f->src_line + (w->nl - f->src_nl);
    if (w->in_mark)
        return w->mark_src + line_delta(w->mark_xml, x);
    return 0;
}

static int blank_text(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
            return 0;
    return 1;
}

/* "cpslint-line:N" starts a raw HTML region whose first line is source line
 * N; "cpslint-line:end" ends it. */
static void read_marker(walker *w, const char *s)
{
    static const char tag[] = "cpslint-line:";
    if (!s || strncmp(s, tag, sizeof tag - 1) != 0)
        return;
    s += sizeof tag - 1;
    if (strcmp(s, "end") == 0) {
        w->in_mark = 0;
        return;
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v <= 0 || v > HTML_MAX_LINE)
        return; /* a document can write such a comment itself: take sane values only */
    w->in_mark = 1;
    w->mark_src = v;
    w->mark_xml = cur_line(w);
}

/* The start line of a data-sourcepos="l:c-l:c" attribute, 0 if none. */
static long sourcepos_line(const xmlChar **atts)
{
    const char *sp = attr(atts, "data-sourcepos");
    if (!sp)
        return 0;
    char *end;
    long v = strtol(sp, &end, 10);
    if (end == sp || *end != ':' || v < 0 || v > HTML_MAX_LINE)
        v = 0;
    return v;
}

static void fail(walker *w, int code, const char *msg)
{
    if (!w->fail_code) {
        w->fail_code = code;
        w->fail_msg = msg;
    }
    xmlStopParser(w->ctxt);
}

/* text_display, or NULL (*dlen 0) with the document failed: an ICU
 * failure ends the document, never a text left unnormalised. */
static char *display_or_fail(walker *w, const char *s, size_t len, size_t *dlen)
{
    char *disp;
    cps_err te;
    *dlen = 0;
    if (text_display(s, len, &disp, dlen, &te) == 0)
        return disp;
    snprintf(w->fail_buf, sizeof w->fail_buf, "%s", te.msg);
    fail(w, te.code, w->fail_buf);
    return NULL;
}

static void flush(walker *w)
{
    if (!w->open)
        return;
    w->open = 0;
    w->serial++;
    size_t len = w->text.len;
    const char *s = buf_cstr(&w->text);
    while (len && s[len - 1] == ' ')
        len--;
    if (len) {
        size_t dlen = 0;
        char *disp = display_or_fail(w, s, len, &dlen);
        if (dlen) {
            const frame *c = &w->ctx;
            doc_block *b = doc_add_block(w->d, c->kind, c->kind == BLOCK_HEADING ? c->level : 0,
                                         disp, dlen, w->line);
            b->table = c->table;
            b->row = c->row;
            b->col = c->col;
            memcpy(b->lang, c->lang, sizeof b->lang);
            if (w->chars && w->bold_chars == w->chars)
                b->flags |= BLOCK_BOLD;
            if (w->chars && w->link_chars == w->chars)
                b->flags |= BLOCK_LINK_ONLY;
            if (c->toc)
                b->flags |= BLOCK_TOC;
            if (c->header)
                b->flags |= BLOCK_HEADER_CELL;
            if (w->split)
                b->flags |= BLOCK_SPLIT;
            if (w->max_memory && (w->d->nblocks & 4095) == 0 &&
                doc_memory(w->d) + w->input_held > w->max_memory)
                fail(w, CPS_E_LIMIT, "the document needs more memory than --max-memory "
                                     "allows: refused");
        }
        free(disp);
        w->split = 0;
    }
    buf_truncate(&w->text, 0);
    w->chars = w->bold_chars = w->link_chars = 0;
}

/* A footnote reference: text of 1-3 digits (brackets allowed) inside a
 * <sup> (Markdown's footnote-ref is <sup><a>N</a></sup>): the text's own
 * element or its parent is a sup. */
static int footnote_mark(const walker *w, const unsigned char *s, size_t n)
{
    if (!w->st[w->depth - 1].sup)
        return 0;
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != '[' && s[i] != ']' && s[i] != ' ')
            return 0;
    }
    return digits > 0 && digits <= 3;
}

static void add_text(walker *w, const unsigned char *s, size_t n)
{
    const frame *top = &w->st[w->depth - 1];
    if (footnote_mark(w, s, n)) {
        /* kept for display as superscript digits, which the matching text
         * (text.c) reads as a space: "825<sup>2</sup> days" is 825 days */
        static const char *const sup[10] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                            "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
        if (!w->open)
            return; /* a marker cannot open a block */
        for (size_t i = 0; i < n; i++)
            if (s[i] >= '0' && s[i] <= '9') {
                buf_puts(&w->text, sup[s[i] - '0']);
                w->chars++;
            }
        return;
    }
    /* blank text between Markdown's elements is the renderer's, not the
     * source's; raw HTML keeps the source's whitespace */
    int count_nl = w->sourcepos && (w->in_mark || !blank_text(s, n));
    buf_grow(&w->text, n); /* at most one byte out per byte in */
    char *out = w->text.ptr;
    size_t len = w->text.len, chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '\n' && count_nl)
            w->nl++;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (w->open && len && out[len - 1] != ' ')
                out[len++] = ' ';
            continue;
        }
        if (c == 0)
            continue;
        if (!w->open) {
            w->open = 1;
            w->ctx = *top;
            w->ctx.href = NULL;
            w->line = node_line(w, top, w->run_line);
        }
        out[len++] = (char)c;
        chars += (c & 0xC0) != 0x80;
    }
    out[len] = '\0';
    w->text.len = len;
    w->chars += chars;
    if (top->bold)
        w->bold_chars += chars;
    if (top->anchor_link)
        w->link_chars += chars;
    if (w->text.len > HTML_MAX_TEXT)
        fail(w, CPS_E_INPUT, "a text run over 10,000,000 bytes: the document cannot be read whole");
}

static void push(walker *w, const html_el *e, const xmlChar **atts)
{
    if (w->depth == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 64;
        w->st = xrealloc(w->st, w->cap * sizeof *w->st);
    }
    frame *f = &w->st[w->depth];
    *f = w->st[w->depth - 1];
    f->link = 0;
    f->href = NULL;
    f->is_table = 0;
    f->table_rows = f->row_cols = 0;
    f->xml_line = cur_line(w);
    f->sup = e->id == HTML_EL_SUP ? 2 : f->sup > 0 ? f->sup - 1 : 0;
    if (is_content_element(e, atts))
        f->content = 1;
    frame *parent = &w->st[w->depth - 1];
    w->depth++;

    const char *lang = attr(atts, "lang");
    if (!lang)
        lang = attr(atts, "xml:lang");
    if (lang)
        snprintf(f->lang, sizeof f->lang, "%s", lang);
    if (w->sourcepos) {
        long sl = sourcepos_line(atts);
        if (sl > 0)
            sl += w->line_base;
        if (sl <= 0 && w->in_mark)
            sl = w->mark_src + line_delta(w->mark_xml, f->xml_line);
        if (sl > 0) {
            f->src_line = sl;
            f->src_nl = w->nl;
        }
    }
    if (is_toc_name(attr(atts, "class")) || is_toc_name(attr(atts, "id")))
        f->toc = 1;

    switch ((html_el_id)e->id) {
    case HTML_EL_HEADING:
        f->kind = BLOCK_HEADING;
        f->level = e->level;
        break;
    case HTML_EL_LI:
        f->kind = BLOCK_LIST_ITEM;
        break;
    case HTML_EL_TD:
    case HTML_EL_TH:
        f->kind = BLOCK_TABLE_CELL;
        f->col = parent->row_cols++;
        if (e->id == HTML_EL_TH)
            f->header = 1;
        break;
    case HTML_EL_PRE:
        f->kind = BLOCK_PRE;
        break;
    case HTML_EL_P:
    case HTML_EL_DT:
    case HTML_EL_DD:
    case HTML_EL_CAPTION:
    case HTML_EL_BLOCKQUOTE:
        if (f->kind != BLOCK_LIST_ITEM && f->kind != BLOCK_TABLE_CELL && f->kind != BLOCK_HEADING)
            f->kind = BLOCK_PARAGRAPH;
        break;
    case HTML_EL_TABLE:
        f->is_table = 1;
        f->table = ++w->tables;
        f->row = f->col = 0;
        f->header = 0;
        f->kind = BLOCK_PARAGRAPH;
        break;
    case HTML_EL_THEAD:
        f->header = 1;
        break;
    case HTML_EL_TBODY:
    case HTML_EL_TFOOT:
        f->header = 0;
        break;
    case HTML_EL_TR:
        /* rows are counted on the nearest table frame */
        for (size_t i = w->depth - 1; i-- > 0;)
            if (w->st[i].is_table) {
                f->row = w->st[i].table_rows++;
                break;
            }
        f->row_cols = 0;
        break;
    case HTML_EL_B:
    case HTML_EL_STRONG:
        f->bold = 1;
        break;
    case HTML_EL_A: {
        const char *href = attr(atts, "href");
        if (href) {
            f->link = 1;
            f->href = xstrdup(href);
            f->link_start = w->open ? w->text.len : 0;
            f->link_block = w->serial;
            if (href[0] == '#')
                f->anchor_link = 1;
        }
        break;
    }
    case HTML_EL_OTHER:
    case HTML_EL_BR:
    case HTML_EL_HEAD:
    case HTML_EL_SUP:
    case HTML_EL_TITLE:
        break;
    }
    if (css_inline_flags(attr(atts, "style")) & CSS_BOLD)
        f->bold = 1;
}

static void pop(walker *w)
{
    frame *f = &w->st[w->depth - 1];
    if (f->link) {
        const char *t = "";
        char *own = NULL;
        if (w->open && f->link_block == w->serial && f->link_start <= w->text.len)
            t = own = xstrndup(w->text.ptr + f->link_start, w->text.len - f->link_start);
        doc_add_link(w->d, f->href, t, node_line(w, f, f->xml_line));
        free(own);
        free(f->href);
        f->href = NULL;
    }
    w->depth--;
}

/* ---- SAX callbacks (the parser's user data is its context; the walker
 * is its _private) ---- */

static walker *of(void *ctx)
{
    return (walker *)((htmlParserCtxtPtr)ctx)->_private;
}

static void root_element(walker *w, const xmlChar **atts)
{
    w->seen_root = 1;
    const char *lang = attr(atts, "lang");
    if (!lang)
        lang = attr(atts, "xml:lang");
    if (lang && !w->d->lang_attr[0])
        snprintf(w->d->lang_attr, sizeof w->d->lang_attr, "%s", lang);
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
    walker *w = of(ctx);
    const char *name = (const char *)xname;
    if (w->fail_code)
        return;
    w->in_run = 0;
    if (w->open_elems >= HTML_MAX_DEPTH) {
        fail(w, CPS_E_INPUT, "elements nested more than 256 deep: the document cannot be read whole");
        return;
    }
    size_t at = w->open_elems++;
    w->pushed[at] = 0;
    if (!w->seen_root)
        root_element(w, atts);
    const html_el *e = html_el_lookup(name);
    if (w->skip) {
        if (w->head_at && w->title_state == 0 && e->id == HTML_EL_TITLE)
            w->title_state = 1;
        return;
    }
    enum el_class k = classify(w, e, atts);
    if (k == EL_SKIP) {
        w->skip = w->open_elems;
        if (e->id == HTML_EL_HEAD && !w->d->title)
            w->head_at = w->open_elems;
    } else if (k == EL_BREAK) {
        if (w->open) {
            flush(w);
            w->split = 1;
        }
    } else {
        if (k == EL_BLOCK)
            flush(w);
        push(w, e, atts);
        w->st[w->depth - 1].block = k == EL_BLOCK;
        w->pushed[at] = 1;
    }
}

static void on_end(void *ctx, const xmlChar *name)
{
    walker *w = of(ctx);
    if (w->fail_code || w->open_elems == 0)
        return;
    w->in_run = 0;
    size_t at = --w->open_elems;
    if (w->skip) {
        if (w->title_state == 1 && name_is((const char *)name, "title"))
            w->title_state = 2;
        if (w->head_at == at + 1)
            w->head_at = 0;
        if (w->skip == at + 1)
            w->skip = 0;
        return;
    }
    if (w->pushed[at] && w->depth > 1) {
        int block = w->st[w->depth - 1].block; /* classified on the way in */
        pop(w);
        if (block)
            flush(w);
    }
}

static void on_text(void *ctx, const xmlChar *s, int n)
{
    walker *w = of(ctx);
    if (w->fail_code || n <= 0)
        return;
    if (w->skip) {
        if (w->title_state == 1 && w->title.len < HTML_MAX_TITLE)
            buf_put(&w->title, s, (size_t)n);
        return;
    }
    if (!w->in_run) {
        w->in_run = 1;
        w->run_line = cur_line(w);
    }
    add_text(w, s, (size_t)n);
}

static void on_comment(void *ctx, const xmlChar *value)
{
    walker *w = of(ctx);
    if (w->fail_code)
        return;
    w->in_run = 0;
    if (w->skip || !value)
        return;
    if (w->sourcepos)
        read_marker(w, (const char *)value);
    /* cpslint directives (doc.h): after the blocks so far, so a comment
     * inside a paragraph counts with what precedes that paragraph */
    doc_add_directive(w->d, (const char *)value, strlen((const char *)value),
                      node_line(w, &w->st[w->depth - 1], cur_line(w)));
}

/* libxml2 reports its errors here (silently: HTML_PARSE_NOERROR); an
 * allocation failure is remembered, so that a document libxml2 could not
 * read whole is never reported as a shorter one. */
static void on_error(void *ctx, xmlErrorPtr err)
{
    htmlParserCtxtPtr c = ctx;
    if (err && err->code == XML_ERR_NO_MEMORY && c && c->_private) {
        walker *w = of(c);
        if (!w->fail_code) {
            w->fail_code = CPS_E_NOMEM;
            w->fail_msg = "out of memory in the HTML parser (libxml2): the document was not read";
        }
        /* libxml2 2.9 may go on after a failed allocation (and, in some
         * places, loop): stop it */
        xmlStopParser(c);
    }
}

static void init_sax(htmlSAXHandler *h)
{
    memset(h, 0, sizeof *h);
    h->startElement = on_start;
    h->endElement = on_end;
    h->characters = on_text;
    h->cdataBlock = on_text;
    h->comment = on_comment;
    h->serror = on_error;
    /* the HTML parser calls the SAX1-style callbacks whatever this says;
     * XML_SAX2_MAGIC makes libxml2 report errors to serror */
    h->initialized = XML_SAX2_MAGIC;
}

/* ---- the attribute pre-scan ---- */

static int pre_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Case-insensitive search of "</name" in s[i..n); n if absent. */
static size_t find_close(const char *s, size_t i, size_t n, const char *name)
{
    size_t k = strlen(name);
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            return n;
        i = (size_t)(lt - s);
        if (i + 2 + k <= n && s[i + 1] == '/' && strncasecmp(s + i + 2, name, k) == 0)
            return i;
        i++;
    }
    return n;
}

/* Attributes of the start tag whose name ends at *pi; *pi ends after it. */
static size_t count_attrs(const char *s, size_t *pi, size_t n)
{
    size_t i = *pi, attrs = 0;
    for (;;) {
        while (i < n && (pre_space((unsigned char)s[i]) || s[i] == '/'))
            i++;
        if (i >= n || s[i] == '>')
            break;
        attrs++;
        while (i < n && !pre_space((unsigned char)s[i]) && s[i] != '>' && s[i] != '=')
            i++;
        while (i < n && pre_space((unsigned char)s[i]))
            i++;
        if (i < n && s[i] == '=') {
            i++;
            while (i < n && pre_space((unsigned char)s[i]))
                i++;
            if (i < n && (s[i] == '"' || s[i] == '\'')) {
                const char *q = memchr(s + i + 1, s[i], n - i - 1);
                i = q ? (size_t)(q - s) + 1 : n;
            } else {
                while (i < n && !pre_space((unsigned char)s[i]) && s[i] != '>')
                    i++;
            }
        }
    }
    *pi = i;
    return attrs;
}

int html_prescan(const char *s, size_t n, const char *file, cps_err *e)
{
    unsigned long long work = 0;
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s) + 1;
        if (i + 2 < n && s[i] == '!' && s[i + 1] == '-' && s[i + 2] == '-') {
            const char *end = NULL;
            for (size_t j = i + 3; j + 2 < n && !end; j++)
                if (s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>')
                    end = s + j;
            i = end ? (size_t)(end - s) + 3 : n;
            continue;
        }
        if (i >= n || !isalpha((unsigned char)s[i]))
            continue;
        size_t name = i;
        while (i < n && !pre_space((unsigned char)s[i]) && s[i] != '>' && s[i] != '/')
            i++;
        size_t name_len = i - name;
        size_t attrs = count_attrs(s, &i, n);
        if (attrs > HTML_MAX_ATTRS)
            return cps_err_set(e, CPS_E_LIMIT, file, 0,
                               "an element with more than %u attributes (%zu): refused, "
                               "the HTML parser is quadratic in them",
                               HTML_MAX_ATTRS, attrs);
        work += (unsigned long long)attrs * attrs;
        if (work > HTML_MAX_ATTR_WORK)
            return cps_err_set(e, CPS_E_LIMIT, file, 0,
                               "too many elements with hundreds of attributes: refused, "
                               "the HTML parser is quadratic in them");
        /* script and style text is not markup */
        if ((name_len == 6 && strncasecmp(s + name, "script", 6) == 0) ||
            (name_len == 5 && strncasecmp(s + name, "style", 5) == 0)) {
            char tag[8];
            memcpy(tag, s + name, name_len);
            tag[name_len] = '\0';
            i = find_close(s, i, n, tag);
        }
    }
    return 0;
}

int html_append(doc *d, const char *html, size_t n, const html_opts *o, cps_err *e)
{
    if (n > (size_t)0x7fffffff)
        return cps_err_set(e, CPS_E_INPUT, d->file, 0, "input too large for the HTML parser");
    int rc = html_prescan(html, n, d->file, e);
    if (rc)
        return rc;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
               HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;
    /* allocation failures are reported without a context, to the
     * (thread-local) structured handler: ours for the parse, which stops
     * the parser and fails the document instead of printing */
    xmlStructuredErrorFunc saved_handler = xmlStructuredError;
    void *saved_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, on_error);
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, (int)n);
    if (!ctxt || !ctxt->sax) {
        xmlSetStructuredErrorFunc(saved_ctx, saved_handler);
        if (ctxt)
            htmlFreeParserCtxt(ctxt);
        return cps_err_set(e, CPS_E_NOMEM, d->file, 0,
                           "out of memory in the HTML parser (libxml2): the document was not read");
    }
    walker w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.ctxt = ctxt;
    w.keep_chrome = o && o->keep_chrome;
    w.sourcepos = o && o->sourcepos;
    w.line_base = o ? o->line_base : 0;
    w.max_memory = o ? o->max_memory : 0;
    w.input_held = 2 * n;
    w.cap = 64;
    w.st = xcalloc(w.cap, sizeof *w.st);
    w.depth = 1;               /* a root frame: paragraph context */
    w.st[0].kind = BLOCK_PARAGRAPH;
    /* tables keep counting from those already in d */
    w.tables = d->tables;
    /* blocks built so far, so that a failure leaves d as it was */
    size_t nblocks0 = d->nblocks, nlinks0 = d->nlinks;

    /* SAX: the blocks are built as the parser reads; no tree is ever
     * built, so memory is the input, the blocks and the open elements */
    init_sax((htmlSAXHandler *)ctxt->sax);
    ctxt->_private = &w;
    xmlSetStructuredErrorFunc(ctxt, on_error);
    /* The input is UTF-8 already: the context is told so directly. Naming
     * an encoding to htmlCtxtReadMemory would install a converter, which
     * copies the whole input once more and, in 2.9.14, crashes when an
     * allocation fails inside it (xmlSwitchToEncoding); naming none lets
     * 2.9 take the first non-ASCII byte for Latin-1. */
    htmlCtxtUseOptions(ctxt, opts);
    ctxt->charset = XML_CHAR_ENCODING_UTF8;
    htmlParseDocument(ctxt);
    htmlDocPtr x = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (x)
        xmlFreeDoc(x); /* not built by these handlers; defensive */
    if (!w.fail_code && (ctxt->errNo == XML_ERR_NO_MEMORY ||
                         ctxt->lastError.code == XML_ERR_NO_MEMORY)) {
        w.fail_code = CPS_E_NOMEM;
        w.fail_msg = "out of memory in the HTML parser (libxml2): the document was not read";
    }
    if (!w.fail_code)
        flush(&w);
    if (!w.fail_code && !w.seen_root) {
        w.fail_code = CPS_E_PARSE;
        w.fail_msg = "no HTML element in the input";
    }
    if (!w.fail_code && !d->title && w.title_state) {
        size_t tn;
        d->title = display_or_fail(&w, buf_cstr(&w.title), w.title.len, &tn);
    }
    xmlSetStructuredErrorFunc(saved_ctx, saved_handler);
    ctxt->_private = NULL;
    htmlFreeParserCtxt(ctxt);
    for (size_t i = 1; i < w.depth; i++)
        free(w.st[i].href);
    free(w.st);
    buf_free(&w.text);
    buf_free(&w.title);
    if (!w.fail_code)
        d->tables = w.tables;
    if (w.fail_code) {
        doc_truncate(d, nblocks0, nlinks0);
        return cps_err_set(e, w.fail_code, d->file, 0, "%s", w.fail_msg);
    }
    return 0;
}

int html_parse(const source *src, int keep_chrome, doc *out, cps_err *e)
{
    return html_parse_limited(src, keep_chrome, 0, out, e);
}

int html_parse_limited(const source *src, int keep_chrome, size_t max_memory, doc *out,
                       cps_err *e)
{
    doc_init(out, src->name);
    snprintf(out->format, sizeof out->format, "html"); /* analysis.c: "xhtml" when it is */
    snprintf(out->encoding, sizeof out->encoding, "%s", src->encoding);
    html_opts o = {keep_chrome, 0, 0, max_memory};
    return html_append(out, src->data, src->len, &o, e);
}

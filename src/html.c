#include "html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "text.h"

/* What an element does to the text inside it. */
enum el_class { EL_INLINE = 0, EL_BLOCK, EL_SKIP, EL_BREAK };

typedef struct frame {
    const xmlNode *node;
    int block;           /* classify() said EL_BLOCK: closing it flushes */
    block_kind kind;
    int level;
    int bold, anchor_link, toc, header;
    int table, row, col;
    int table_rows;      /* for a table frame: rows seen so far */
    int row_cols;        /* for a row frame: cells seen so far */
    int link;            /* this frame is an <a href> being collected */
    size_t link_start;   /* offset in the block buffer where it began */
    size_t link_block;   /* block serial when it began */
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
    long nl;             /* newlines seen in text nodes that are not all blank */
    int in_mark;         /* inside a <!--cpslint-line:N--> ... :end region */
    long mark_src, mark_xml; /* the marker's source line and libxml2 line */
} walker;

static int name_is(const xmlNode *n, const char *name)
{
    return n->name && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static int heading_level(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    if (s && (s[0] == 'h' || s[0] == 'H') && s[1] >= '1' && s[1] <= '6' && !s[2])
        return s[1] - '0';
    return 0;
}

static char *attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)name);
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

static enum el_class classify(const walker *w, const xmlNode *n)
{
    static const char *const skip[] = {"head", "script", "style", "noscript", "template",
                                       "iframe", "object", "svg", "math", "select",
                                       "button", NULL};
    static const char *const chrome[] = {"nav", "header", "footer", "aside", NULL};
    static const char *const block[] = {
        "p", "div", "li", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "ul", "ol",
        "dl", "dt", "dd", "pre", "blockquote", "caption", "section", "article", "main",
        "body", "html", "hr", "form", "fieldset", "figure", "figcaption", "address",
        "center", "legend", "summary", "details", NULL};
    for (int i = 0; skip[i]; i++)
        if (name_is(n, skip[i]))
            return EL_SKIP;
    if (!w->keep_chrome)
        for (int i = 0; chrome[i]; i++)
            if (name_is(n, chrome[i]))
                return EL_SKIP;
    char *style = attr(n, "style");
    if (style) {
        int hidden = ci_contains(style, "display:none") || ci_contains(style, "display: none");
        xmlFree(style);
        if (hidden)
            return EL_SKIP;
    }
    if (name_is(n, "br"))
        return EL_BREAK;
    if (heading_level(n))
        return EL_BLOCK;
    for (int i = 0; block[i]; i++)
        if (name_is(n, block[i]))
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

/* The source line of node n, whose innermost frame is f (sourcepos mode:
 * the frame's base line plus the newlines seen since; html.h). libxml2's
 * own line of a text node is where its first chunk ended, not where the
 * text began, so counting newlines is closer, and exact for Markdown:
 * cmark renders soft breaks as newlines, line for line. */
static long node_line(const walker *w, const frame *f, const xmlNode *n)
{
    long x = xmlGetLineNo((xmlNode *)n);
    if (x < 0)
        x = 0;
    if (!w->sourcepos)
        return x;
    if (f->src_line)
        return f->src_line + (w->nl - f->src_nl);
    if (w->in_mark)
        return w->mark_src + line_delta(w->mark_xml, x);
    return 0;
}

static int blank_node(const unsigned char *s)
{
    for (; *s; s++)
        if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f'))
            return 0;
    return 1;
}

/* "cpslint-line:N" starts a raw HTML region whose first line is source line
 * N; "cpslint-line:end" ends it. */
static void read_marker(walker *w, const xmlNode *n)
{
    static const char tag[] = "cpslint-line:";
    const char *s = (const char *)n->content;
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
    w->mark_xml = xmlGetLineNo((xmlNode *)n);
}

/* The start line of a data-sourcepos="l:c-l:c" attribute, 0 if none. */
static long sourcepos_line(const xmlNode *n)
{
    char *sp = (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)"data-sourcepos");
    if (!sp)
        return 0;
    char *end;
    long v = strtol(sp, &end, 10);
    if (end == sp || *end != ':' || v < 0 || v > HTML_MAX_LINE)
        v = 0;
    xmlFree(sp);
    return v;
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
        size_t dlen;
        char *disp = text_display(s, len, &dlen);
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
        }
        free(disp);
        w->split = 0;
    }
    buf_truncate(&w->text, 0);
    w->chars = w->bold_chars = w->link_chars = 0;
}

/* A footnote reference: text of 1-3 digits (brackets allowed) inside a
 * <sup> (Markdown's footnote-ref is <sup><a>N</a></sup>). */
static int footnote_mark(const walker *w, const unsigned char *s)
{
    int in_sup = 0;
    for (size_t k = w->depth; k-- > 0 && w->depth - k <= 2;)
        if (w->st[k].node && name_is(w->st[k].node, "sup"))
            in_sup = 1;
    if (!in_sup)
        return 0;
    int digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (*s != '[' && *s != ']' && *s != ' ')
            return 0;
    }
    return digits > 0 && digits <= 3;
}

static void add_text(walker *w, const xmlNode *n)
{
    const unsigned char *s = n->content;
    if (!s)
        return;
    const frame *top = &w->st[w->depth - 1];
    if (footnote_mark(w, s)) {
        /* kept for display as superscript digits, which the matching text
         * (text.c) reads as a space: "825<sup>2</sup> days" is 825 days */
        static const char *const sup[10] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                            "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
        if (!w->open)
            return; /* a marker cannot open a block */
        for (; *s; s++)
            if (*s >= '0' && *s <= '9') {
                buf_puts(&w->text, sup[*s - '0']);
                w->chars++;
            }
        return;
    }
    /* blank text between Markdown's elements is the renderer's, not the
     * source's; raw HTML keeps the source's whitespace */
    int count_nl = w->sourcepos && (w->in_mark || !blank_node(s));
    for (; *s; s++) {
        unsigned char c = *s;
        if (c == '\n' && count_nl)
            w->nl++;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (w->open && w->text.len && w->text.ptr[w->text.len - 1] != ' ')
                buf_putc(&w->text, ' ');
            continue;
        }
        if (!w->open) {
            w->open = 1;
            w->ctx = *top;
            w->line = node_line(w, top, n);
        }
        buf_putc(&w->text, (char)c);
        if ((c & 0xC0) != 0x80) {
            w->chars++;
            if (top->bold)
                w->bold_chars++;
            if (top->anchor_link)
                w->link_chars++;
        }
    }
}

static void push(walker *w, const xmlNode *n)
{
    if (w->depth == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 64;
        w->st = xrealloc(w->st, w->cap * sizeof *w->st);
    }
    frame *f = &w->st[w->depth];
    *f = w->st[w->depth - 1];
    f->node = n;
    f->link = 0;
    f->table_rows = f->row_cols = 0;
    frame *parent = &w->st[w->depth - 1];
    w->depth++;

    char *lang = attr(n, "lang");
    if (!lang)
        lang = (char *)xmlGetNsProp((xmlNode *)n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    if (!lang)
        lang = attr(n, "xml:lang");
    if (lang) {
        snprintf(f->lang, sizeof f->lang, "%s", lang);
        xmlFree(lang);
    }
    if (w->sourcepos) {
        long sl = sourcepos_line(n);
        if (sl <= 0 && w->in_mark)
            sl = w->mark_src + line_delta(w->mark_xml, xmlGetLineNo((xmlNode *)n));
        if (sl > 0) {
            f->src_line = sl;
            f->src_nl = w->nl;
        }
    }
    char *cls = attr(n, "class"), *id = attr(n, "id");
    if (is_toc_name(cls) || is_toc_name(id))
        f->toc = 1;
    xmlFree(cls);
    xmlFree(id);

    int lvl = heading_level(n);
    if (lvl) {
        f->kind = BLOCK_HEADING;
        f->level = lvl;
    } else if (name_is(n, "li")) {
        f->kind = BLOCK_LIST_ITEM;
    } else if (name_is(n, "td") || name_is(n, "th")) {
        f->kind = BLOCK_TABLE_CELL;
        f->col = parent->row_cols++;
        if (name_is(n, "th"))
            f->header = 1;
    } else if (name_is(n, "pre")) {
        f->kind = BLOCK_PRE;
    } else if (name_is(n, "p") || name_is(n, "dt") || name_is(n, "dd") ||
               name_is(n, "caption") || name_is(n, "blockquote")) {
        if (f->kind != BLOCK_LIST_ITEM && f->kind != BLOCK_TABLE_CELL && f->kind != BLOCK_HEADING)
            f->kind = BLOCK_PARAGRAPH;
    } else if (name_is(n, "table")) {
        f->table = ++w->tables;
        f->row = f->col = 0;
        f->header = 0;
        f->kind = BLOCK_PARAGRAPH;
    } else if (name_is(n, "thead")) {
        f->header = 1;
    } else if (name_is(n, "tbody") || name_is(n, "tfoot")) {
        f->header = 0;
    } else if (name_is(n, "tr")) {
        /* rows are counted on the nearest table frame */
        for (size_t i = w->depth - 1; i-- > 0;)
            if (w->st[i].node && name_is(w->st[i].node, "table")) {
                f->row = w->st[i].table_rows++;
                break;
            }
        f->row_cols = 0;
    } else if (name_is(n, "b") || name_is(n, "strong")) {
        f->bold = 1;
    } else if (name_is(n, "a")) {
        char *href = attr(n, "href");
        if (href) {
            f->link = 1;
            f->link_start = w->open ? w->text.len : 0;
            f->link_block = w->serial;
            if (href[0] == '#')
                f->anchor_link = 1;
            xmlFree(href);
        }
    }
    char *style = attr(n, "style");
    if (style) {
        if (ci_contains(style, "font-weight:bold") || ci_contains(style, "font-weight: bold") ||
            ci_contains(style, "font-weight:700") || ci_contains(style, "font-weight: 700"))
            f->bold = 1;
        xmlFree(style);
    }
}

static void pop(walker *w)
{
    frame *f = &w->st[w->depth - 1];
    if (f->link) {
        char *href = attr(f->node, "href");
        const char *t = "";
        char *own = NULL;
        if (w->open && f->link_block == w->serial && f->link_start <= w->text.len)
            t = own = xstrndup(w->text.ptr + f->link_start, w->text.len - f->link_start);
        doc_add_link(w->d, href, t, node_line(w, f, f->node));
        free(own);
        xmlFree(href);
    }
    w->depth--;
}

static void walk(walker *w, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        int descend = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            add_text(w, n);
        } else if (n->type == XML_COMMENT_NODE) {
            if (w->sourcepos)
                read_marker(w, n);
        } else if (n->type == XML_ELEMENT_NODE) {
            enum el_class k = classify(w, n);
            if (k == EL_BREAK) {
                if (w->open) {
                    flush(w);
                    w->split = 1;
                }
            } else if (k != EL_SKIP) {
                if (k == EL_BLOCK)
                    flush(w);
                push(w, n);
                w->st[w->depth - 1].block = k == EL_BLOCK;
                if (n->children)
                    descend = 1;
                else {
                    pop(w);
                    if (k == EL_BLOCK)
                        flush(w);
                }
            }
        }
        if (descend) {
            n = n->children;
            continue;
        }
        /* climb until a sibling exists, closing elements on the way */
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n->type == XML_ELEMENT_NODE && w->depth > 1 && w->st[w->depth - 1].node == n) {
                int block = w->st[w->depth - 1].block; /* classified on the way in */
                pop(w);
                if (block)
                    flush(w);
            }
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    flush(w);
}

static void read_title(doc *d, xmlNode *html_root)
{
    for (xmlNode *h = html_root ? html_root->children : NULL; h; h = h->next) {
        if (h->type != XML_ELEMENT_NODE || !name_is(h, "head"))
            continue;
        for (xmlNode *t = h->children; t; t = t->next) {
            if (t->type == XML_ELEMENT_NODE && name_is(t, "title")) {
                xmlChar *s = xmlNodeGetContent(t);
                if (s) {
                    size_t n;
                    d->title = text_display((const char *)s, strlen((const char *)s), &n);
                    xmlFree(s);
                }
                return;
            }
        }
    }
}

int html_append(doc *d, const char *html, size_t n, const html_opts *o, cps_err *e)
{
    if (n > (size_t)0x7fffffff)
        return cps_err_set(e, CPS_E_INPUT, d->file, 0, "input too large for the HTML parser");
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
               HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return cps_err_set(e, CPS_E_NOMEM, d->file, 0, "out of memory");
    htmlDocPtr x = htmlCtxtReadMemory(ctxt, html, (int)n, NULL, "UTF-8", opts);
    /* libxml2 stops reading (and keeps what it has) at two limits: more
     * than 256 nested elements, and a text run over 10,000,000 bytes. A
     * truncated document would be checked as if whole: refuse it. */
    const char *why = NULL;
    const char *msg = ctxt->lastError.message ? ctxt->lastError.message : "";
    if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && strstr(msg, "depth"))
        why = "elements nested more than 256 deep (libxml2's limit): the document cannot be read whole";
    else if (ctxt->lastError.code == XML_ERR_NO_MEMORY && strstr(msg, "huge text"))
        why = "a text run over 10,000,000 bytes (libxml2's limit): the document cannot be read whole";
    htmlFreeParserCtxt(ctxt);
    if (why) {
        if (x)
            xmlFreeDoc(x);
        return cps_err_set(e, CPS_E_INPUT, d->file, 0, "%s", why);
    }
    if (!x)
        return cps_err_set(e, CPS_E_PARSE, d->file, 0, "the HTML parser could not build a document");
    xmlNode *root = xmlDocGetRootElement(x);
    if (!root) {
        xmlFreeDoc(x);
        return cps_err_set(e, CPS_E_PARSE, d->file, 0, "no HTML element in the input");
    }
    walker w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.keep_chrome = o && o->keep_chrome;
    w.sourcepos = o && o->sourcepos;
    w.cap = 64;
    w.st = xcalloc(w.cap, sizeof *w.st);
    w.depth = 1;               /* a root frame: paragraph context */
    w.st[0].kind = BLOCK_PARAGRAPH;
    /* tables keep counting from those already in d */
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].table > w.tables)
            w.tables = d->blocks[i].table;
    if (!d->title)
        read_title(d, root);
    /* the root element's own lang */
    char *lang = attr(root, "lang");
    if (!lang)
        lang = (char *)xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    if (!lang)
        lang = attr(root, "xml:lang");
    if (lang) {
        if (!d->lang_attr[0])
            snprintf(d->lang_attr, sizeof d->lang_attr, "%s", lang);
        xmlFree(lang);
    }
    walk(&w, root);
    free(w.st);
    buf_free(&w.text);
    xmlFreeDoc(x);
    return 0;
}

int html_parse(const source *src, int keep_chrome, doc *out, cps_err *e)
{
    doc_init(out, src->name);
    snprintf(out->format, sizeof out->format, "%s", source_format_name(src->format));
    snprintf(out->encoding, sizeof out->encoding, "%s", src->encoding);
    html_opts o = {keep_chrome, 0};
    return html_append(out, src->data, src->len, &o, e);
}

#include "markdown.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "buf.h"
#include "html.h"

/* ---- front matter ---------------------------------------------------------- */

/* Length of the line at s (without its end), and of its end ("\n", "\r\n"). */
static size_t line_len(const char *s, size_t n, size_t *eol)
{
    const char *nl = memchr(s, '\n', n);
    size_t l = nl ? (size_t)(nl - s) : n;
    *eol = nl ? 1 : 0;
    if (l && s[l - 1] == '\r')
        l--, *eol += 1;
    return l;
}

/* A line made of the fence (---, or ... to close) and trailing blanks. */
static int fence_line(const char *s, size_t l, int closing)
{
    if (l < 3 || !(memcmp(s, "---", 3) == 0 || (closing && memcmp(s, "...", 3) == 0)))
        return 0;
    for (size_t i = 3; i < l; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* "key: value" at column 0: returns the key's length, 0 if the line is not
 * one; *val and *vlen get the value, trimmed, quotes removed. */
static size_t key_value(const char *s, size_t l, const char **val, size_t *vlen)
{
    size_t k = 0;
    if (!l || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    while (k < l && (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-' || s[k] == ' '))
        k++;
    if (k >= l || s[k] != ':' || (k + 1 < l && s[k + 1] != ' ' && s[k + 1] != '\t'))
        return 0;
    size_t klen = k;
    while (klen && s[klen - 1] == ' ')
        klen--;
    size_t v = k + 1;
    while (v < l && (s[v] == ' ' || s[v] == '\t'))
        v++;
    size_t e = l;
    while (e > v && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    if (e - v >= 2 && (s[v] == '"' || s[v] == '\'') && s[e - 1] == s[v])
        v++, e--;
    *val = s + v;
    *vlen = e - v;
    return klen;
}

static int key_is(const char *k, size_t kl, const char *name)
{
    return strlen(name) == kl && strncasecmp(k, name, kl) == 0;
}

static int names_version(const char *s, size_t n)
{
    static const char *const w[] = {"version", "revision", "r\xc3\xa9vision", NULL};
    for (int i = 0; w[i]; i++) {
        size_t l = strlen(w[i]);
        for (size_t j = 0; j + l <= n; j++)
            if (strncasecmp(s + j, w[i], l) == 0)
                return 1;
    }
    return 0;
}

static void set_once(char **slot, const char *v, size_t n)
{
    if (!*slot && n)
        *slot = xstrndup(v, n);
}

size_t markdown_front_matter(const char *text, size_t n, doc *d)
{
    size_t eol, l = line_len(text, n, &eol);
    if (!eol || !fence_line(text, l, 0) || memcmp(text, "---", 3) != 0)
        return 0;
    size_t limit = n < MARKDOWN_FM_MAX ? n : MARKDOWN_FM_MAX;
    size_t pos = l + eol;
    int keys = 0, first = 1;
    const char *title = NULL, *version = NULL, *vtext = NULL, *date = NULL, *eff = NULL;
    size_t title_n = 0, version_n = 0, vtext_n = 0, date_n = 0, eff_n = 0;
    while (pos < limit) {
        l = line_len(text + pos, limit - pos, &eol);
        const char *s = text + pos;
        if (fence_line(s, l, 1)) {
            if (!keys)
                return 0;
            if (d) {
                set_once(&d->title, title, title_n);
                if (version)
                    set_once(&d->fm_version, version, version_n);
                else if (vtext)
                    set_once(&d->fm_version, vtext, vtext_n);
                if (eff)
                    set_once(&d->fm_date, eff, eff_n);
                else if (date)
                    set_once(&d->fm_date, date, date_n);
            }
            return pos + l + eol;
        }
        if (!eol)
            return 0; /* no closing fence before the end or the cap */
        const char *v;
        size_t vl, kl = key_value(s, l, &v, &vl);
        if (kl) {
            keys++;
            if (key_is(s, kl, "title")) {
                title = v, title_n = vl;
                if (!vtext && names_version(v, vl))
                    vtext = v, vtext_n = vl;
            } else if (key_is(s, kl, "version") || key_is(s, kl, "revision")) {
                version = v, version_n = vl;
            } else if (key_is(s, kl, "subtitle")) {
                if (names_version(v, vl))
                    vtext = v, vtext_n = vl;
            } else if (key_is(s, kl, "date")) {
                date = v, date_n = vl;
            } else if (key_is(s, kl, "effective_date") || key_is(s, kl, "effective-date") ||
                       key_is(s, kl, "effective date") || key_is(s, kl, "effective")) {
                eff = v, eff_n = vl;
            }
        } else if (first && l) {
            return 0; /* YAML starts with a key; this is a thematic break */
        }
        if (l)
            first = 0;
        pos += l + eol;
    }
    return 0;
}

/* ---- limits ---------------------------------------------------------------- */

/* Cells of a GFM table delimiter row ("| :-- | --: |"), after any
 * blockquote or indentation prefix; 0 if the line is not one. */
static size_t delim_cells(const char *s, size_t l)
{
    size_t i = 0, cells = 0;
    while (i < l && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
        i++;
    int pipe = 0;
    if (i < l && s[i] == '|')
        i++, pipe = 1;
    while (i < l) {
        while (i < l && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= l)
            break;
        if (s[i] == ':')
            i++;
        size_t d = 0;
        while (i < l && s[i] == '-')
            i++, d++;
        if (!d)
            return 0;
        if (i < l && s[i] == ':')
            i++;
        while (i < l && (s[i] == ' ' || s[i] == '\t'))
            i++;
        cells++;
        if (i < l && s[i] == '|')
            i++, pipe = 1;
        else if (i < l)
            return 0;
    }
    return pipe || cells > 1 ? cells : 0;
}

static int blank_line(const char *s, size_t l)
{
    for (size_t i = 0; i < l; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* Openers of one raw-HTML kind that cmark-gfm 0.29.0.gfm.6 scans from to
 * the closer or the end of their paragraph, each: pending openers and the
 * sum of their offsets. */
typedef struct scan_cost {
    unsigned long long k, sum;
} scan_cost;

static void scan_close(scan_cost *c, size_t at, unsigned long long *total)
{
    *total += c->k * (unsigned long long)at - c->sum;
    c->k = c->sum = 0;
}

int markdown_check_limits(const char *text, size_t n, const char *name, cps_err *e)
{
    unsigned long long pipe_cost = 0, cells = 0, scan = 0;
    scan_cost pi = {0, 0}, cdata = {0, 0};
    size_t cols = 0, line = 0, prev_nonblank = 0;
    for (size_t pos = 0; pos < n;) {
        size_t eol, l = line_len(text + pos, n - pos, &eol);
        const char *s = text + pos;
        line++;
        int blank = blank_line(s, l);
        size_t pipes = 0;
        for (size_t i = 0; i < l; i++) {
            char c = s[i];
            if (c == '|') {
                pipes++;
            } else if (c == '<' && i + 1 < l && s[i + 1] == '?') {
                pi.k++, pi.sum += pos + i;
            } else if (c == '?' && i + 1 < l && s[i + 1] == '>') {
                scan_close(&pi, pos + i, &scan);
            } else if (c == '<' && l - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
                cdata.k++, cdata.sum += pos + i;
            } else if (c == ']' && l - i >= 3 && memcmp(s + i, "]]>", 3) == 0) {
                scan_close(&cdata, pos + i, &scan);
            }
        }
        if (blank) {
            scan_close(&pi, pos, &scan);
            scan_close(&cdata, pos, &scan);
        }
        if (pipes >= MARKDOWN_ROW_PIPES)
            pipe_cost += (unsigned long long)pipes * pipes;
        if (pipe_cost > MARKDOWN_PIPE_BUDGET)
            return cps_err_set(e, CPS_E_LIMIT, name, (long)line,
                               "%zu '|' on one line: lines this wide are refused, "
                               "the Markdown parser (cmark-gfm) is quadratic in them", pipes);
        if (blank) {
            cols = 0;
        } else if (cols) {
            cells += cols; /* a row: as many cells as the header, whatever it holds */
        } else {
            size_t d = prev_nonblank == line - 1 ? delim_cells(s, l) : 0;
            if (d)
                cols = d, cells += 2 * (unsigned long long)d;
        }
        if (cells > MARKDOWN_MAX_TABLE_CELLS)
            return cps_err_set(e, CPS_E_LIMIT, name, (long)line,
                               "the tables have more than %u cells", MARKDOWN_MAX_TABLE_CELLS);
        if (scan > MARKDOWN_SCAN_BUDGET)
            return cps_err_set(e, CPS_E_LIMIT, name, (long)line,
                               "too many unclosed '<?' or '<![CDATA[' for the Markdown parser "
                               "(cmark-gfm is quadratic in them)");
        if (!blank)
            prev_nonblank = line;
        pos += l + eol;
        if (!eol)
            break;
    }
    scan_close(&pi, n, &scan);
    scan_close(&cdata, n, &scan);
    if (scan > MARKDOWN_SCAN_BUDGET)
        return cps_err_set(e, CPS_E_LIMIT, name, (long)line,
                           "too many unclosed '<?' or '<![CDATA[' for the Markdown parser "
                           "(cmark-gfm is quadratic in them)");
    return 0;
}

/* ---- rendering ----------------------------------------------------------- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_cmark(void)
{
    cmark_gfm_core_extensions_ensure_registered();
}

void markdown_init(void)
{
    pthread_once(&init_once, init_cmark);
}

/* cmark-gfm 0.29 keeps the inline parser's special characters in global
 * arrays that parsing edits: attaching the extensions and finishing a
 * document add '~' (strikethrough) and the autolink characters, and every
 * table row adds them and then removes them. Two threads parsing at once
 * could each see the other's removal and miss a strikethrough or an
 * autolink, so parsing is serialised; rendering is not. */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* Raw HTML blocks get line markers (html.h) so their elements get source
 * lines: the literal is edited in place, the tree's shape is unchanged. */
static void mark_html_blocks(cmark_node *root)
{
    cmark_iter *it = cmark_iter_new(root);
    if (!it)
        return;
    cmark_event_type ev;
    buf b = BUF_INIT;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *nd = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(nd) != CMARK_NODE_HTML_BLOCK)
            continue;
        const char *lit = cmark_node_get_literal(nd);
        if (!lit)
            continue;
        size_t ll = strlen(lit);
        buf_truncate(&b, 0);
        buf_printf(&b, "<!--cpslint-line:%d-->", cmark_node_get_start_line(nd));
        buf_put(&b, lit, ll);
        if (!ll || lit[ll - 1] != '\n')
            buf_putc(&b, '\n');
        buf_puts(&b, "<!--cpslint-line:end-->\n");
        cmark_node_set_literal(nd, buf_cstr(&b));
    }
    buf_free(&b);
    cmark_iter_free(it);
}

char *markdown_render(const char *text, size_t n, size_t *out_len)
{
    static const char *const exts[] = {"table", "strikethrough", "autolink", NULL};
    const int opts = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
    markdown_init();
    pthread_mutex_lock(&parse_lock);
    cmark_parser *p = cmark_parser_new(opts);
    if (!p) {
        pthread_mutex_unlock(&parse_lock);
        return NULL;
    }
    for (int i = 0; exts[i]; i++) {
        cmark_syntax_extension *x = cmark_find_syntax_extension(exts[i]);
        if (x)
            cmark_parser_attach_syntax_extension(p, x);
    }
    cmark_parser_feed(p, text, n);
    cmark_node *root = cmark_parser_finish(p);
    pthread_mutex_unlock(&parse_lock);
    if (!root) {
        cmark_parser_free(p);
        return NULL;
    }
    mark_html_blocks(root);
    char *html = cmark_render_html(root, opts, cmark_parser_get_syntax_extensions(p));
    cmark_node_free(root);
    cmark_parser_free(p);
    if (!html)
        return NULL;
    buf out = BUF_INIT;
    buf_puts(&out, "<!DOCTYPE html>\n<html><head></head><body>\n");
    buf_puts(&out, html);
    buf_puts(&out, "</body></html>\n");
    cmark_get_default_mem_allocator()->free(html);
    *out_len = out.len;
    return buf_detach(&out);
}

int markdown_parse(const source *src, int keep_chrome, doc *out, cps_err *e)
{
    doc_init(out, src->name);
    snprintf(out->format, sizeof out->format, "markdown");
    snprintf(out->encoding, sizeof out->encoding, "%s", src->encoding);
    size_t fm = markdown_front_matter(src->data, src->len, out);
    const char *text = src->data;
    size_t tlen = src->len;
    char *blanked = NULL;
    if (fm) {
        /* keep the front matter's line ends only: line numbers stay exact */
        blanked = xmalloc(src->len + 1);
        size_t o = 0;
        for (size_t i = 0; i < fm; i++)
            if (src->data[i] == '\n')
                blanked[o++] = '\n';
        memcpy(blanked + o, src->data + fm, src->len - fm);
        o += src->len - fm;
        blanked[o] = '\0';
        text = blanked;
        tlen = o;
    }
    int lrc = markdown_check_limits(text, tlen, src->name, e);
    if (lrc) {
        free(blanked);
        return lrc;
    }
    size_t hlen = 0;
    char *html = markdown_render(text, tlen, &hlen);
    free(blanked);
    if (!html)
        return cps_err_set(e, CPS_E_PARSE, src->name, 0, "the Markdown parser (cmark-gfm) failed");
    html_opts o = {keep_chrome, 1};
    int rc = html_append(out, html, hlen, &o, e);
    free(html);
    return rc;
}

#include "markdown.h"

#include <ctype.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
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

/* The paragraph-long costs markdown_check_limits adds up line by line. */
typedef struct md_costs {
    scan_cost pi, cdata, decl;   /* unclosed "<?", "<![CDATA[", "<!X" */
    unsigned long long scan;     /* their bytes scanned, summed */
    unsigned long long images;   /* "![" openers so far in the paragraph */
    unsigned long long brackets; /* images pending at each ']', summed */
    unsigned long long runs;     /* emphasis delimiter runs in the paragraph */
    unsigned long long emph;     /* runs before each run, summed */
    unsigned long long opens;    /* '[' in the whole text */
    size_t def_max;              /* longest line that may be a reference definition */
} md_costs;

/* Could line s[0..l) be a link reference definition ("[label]: ...")? */
static int maybe_definition(const char *s, size_t l)
{
    size_t i = 0;
    while (i < l && i < 3 && s[i] == ' ')
        i++;
    if (i >= l || s[i] != '[')
        return 0;
    for (; i + 1 < l; i++)
        if (s[i] == ']' && s[i + 1] == ':')
            return 1;
    return 0;
}

/* One line s[0..l) at offset pos: its '|' count, the costs above. */
static size_t scan_line(const char *s, size_t l, size_t pos, md_costs *c)
{
    size_t pipes = 0;
    for (size_t i = 0; i < l; i++) {
        char ch = s[i];
        if (ch == '|') {
            pipes++;
        } else if (ch == '<' && i + 1 < l && s[i + 1] == '?') {
            c->pi.k++, c->pi.sum += pos + i;
        } else if (ch == '?' && i + 1 < l && s[i + 1] == '>') {
            scan_close(&c->pi, pos + i, &c->scan);
        } else if (ch == '<' && l - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
            c->cdata.k++, c->cdata.sum += pos + i;
        } else if (ch == ']' && l - i >= 3 && memcmp(s + i, "]]>", 3) == 0) {
            scan_close(&c->cdata, pos + i, &c->scan);
        } else if (ch == '<' && i + 2 < l && s[i + 1] == '!' &&
                   ((s[i + 2] | 0x20) >= 'a' && (s[i + 2] | 0x20) <= 'z')) {
            c->decl.k++, c->decl.sum += pos + i;
        } else if (ch == '>') {
            scan_close(&c->decl, pos + i, &c->scan);
        }
        if (ch == '[')
            c->opens++;
        if (ch == '!' && i + 1 < l && s[i + 1] == '[')
            c->images++;
        else if (ch == ']')
            c->brackets += c->images;
        if ((ch == '*' || ch == '_') && (i == 0 || s[i - 1] != ch))
            c->emph += c->runs++;
    }
    return pipes;
}

/* The quadratic paths of cmark-gfm 0.29.0.gfm.6 measured by md_costs over
 * their budget: the message (NULL if none is). */
static const char *costs_over(const md_costs *c)
{
    if (c->scan > MARKDOWN_SCAN_BUDGET)
        return "too many unclosed '<?', '<![CDATA[' or '<!' declarations for the Markdown "
               "parser (cmark-gfm is quadratic in them)";
    if (c->brackets > MARKDOWN_BRACKET_BUDGET)
        return "too many image openers '![' before link closers in one paragraph (cmark-gfm "
               "is quadratic in them)";
    if (c->emph > MARKDOWN_EMPH_BUDGET)
        return "too many '*' and '_' emphasis delimiters in one paragraph (cmark-gfm is "
               "quadratic in them)";
    if ((unsigned long long)c->def_max * c->opens > MARKDOWN_REF_BUDGET)
        return "a long link reference definition and many '[' could expand to more than "
               "the Markdown parser's output budget (each use copies the definition)";
    return NULL;
}

int markdown_check_limits(const char *text, size_t n, const char *name, cps_err *e)
{
    unsigned long long pipe_cost = 0, cells = 0;
    md_costs mc;
    memset(&mc, 0, sizeof mc);
    const char *over;
    size_t cols = 0, line = 0, prev_nonblank = 0;
    for (size_t pos = 0; pos < n;) {
        size_t eol, l = line_len(text + pos, n - pos, &eol);
        const char *s = text + pos;
        line++;
        int blank = blank_line(s, l);
        size_t pipes = scan_line(s, l, pos, &mc);
        if (l > mc.def_max && maybe_definition(s, l))
            mc.def_max = l;
        if (blank) {
            scan_close(&mc.pi, pos, &mc.scan);
            scan_close(&mc.cdata, pos, &mc.scan);
            scan_close(&mc.decl, pos, &mc.scan);
            mc.images = mc.runs = 0;
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
        if ((over = costs_over(&mc)) != NULL)
            return cps_err_set(e, CPS_E_LIMIT, name, (long)line, "%s", over);
        if (!blank)
            prev_nonblank = line;
        pos += l + eol;
        if (!eol)
            break;
    }
    scan_close(&mc.pi, n, &mc.scan);
    scan_close(&mc.cdata, n, &mc.scan);
    scan_close(&mc.decl, n, &mc.scan);
    if ((over = costs_over(&mc)) != NULL)
        return cps_err_set(e, CPS_E_LIMIT, name, (long)line, "%s", over);
    return 0;
}

/* ---- a tracked allocator for cmark-gfm --------------------------------------
 *
 * cmark-gfm's own allocator aborts the process when calloc fails, and its
 * code does not check for NULL. Ours counts every byte against a limit
 * (the memory budget) and, on failure, longjmps back to the rendering
 * call, which releases every block still allocated (each carries a header
 * linking it into the pool) and fails the document: out of memory is an
 * error, never an abort and never a shorter document. cmark_mem callbacks
 * take no context, so the pool of the render in progress is found through
 * a thread-local pointer, set only for the duration of that call. */

typedef struct md_hdr {
    struct md_hdr *prev, *next;
    size_t size;
    size_t pad; /* keeps the payload 16-byte aligned */
} md_hdr;

typedef struct md_pool {
    md_hdr head;      /* circular list of live blocks */
    size_t used;      /* payload bytes live */
    size_t peak;
    size_t limit;     /* 0: none */
    int over_limit;   /* the failure was the limit, not malloc */
    jmp_buf jb;
} md_pool;

static _Thread_local md_pool *md_cur;

static void pool_link(md_pool *p, md_hdr *h)
{
    h->next = p->head.next;
    h->prev = &p->head;
    p->head.next->prev = h;
    p->head.next = h;
}

static void pool_unlink(md_hdr *h)
{
    h->prev->next = h->next;
    h->next->prev = h->prev;
}

static _Noreturn void pool_fail(md_pool *p, int over_limit)
{
    p->over_limit = over_limit;
    longjmp(p->jb, 1);
}

static void *md_calloc(size_t n, size_t sz)
{
    md_pool *p = md_cur;
    if (sz && n > (SIZE_MAX - sizeof(md_hdr)) / sz)
        pool_fail(p, 1);
    size_t b = n * sz;
    if (p->limit && b > p->limit - p->used)
        pool_fail(p, 1);
    md_hdr *h = calloc(1, sizeof *h + b);
    if (!h)
        pool_fail(p, 0);
    h->size = b;
    pool_link(p, h);
    p->used += b;
    if (p->used > p->peak)
        p->peak = p->used;
    return h + 1;
}

static void *md_realloc(void *ptr, size_t b)
{
    md_pool *p = md_cur;
    if (!ptr)
        return md_calloc(1, b);
    md_hdr *h = (md_hdr *)ptr - 1;
    if (b > SIZE_MAX - sizeof *h || (p->limit && b > h->size && b - h->size > p->limit - p->used))
        pool_fail(p, 1);
    pool_unlink(h);
    md_hdr *nh = realloc(h, sizeof *nh + b);
    if (!nh) {
        pool_link(p, h);
        pool_fail(p, 0);
    }
    p->used = p->used - nh->size + b;
    if (p->used > p->peak)
        p->peak = p->used;
    nh->size = b;
    pool_link(p, nh);
    return nh + 1;
}

static void md_free(void *ptr)
{
    if (!ptr)
        return;
    md_hdr *h = (md_hdr *)ptr - 1;
    pool_unlink(h);
    md_cur->used -= h->size;
    free(h);
}

static cmark_mem md_mem = {md_calloc, md_realloc, md_free};

static void pool_init(md_pool *p, size_t limit)
{
    memset(p, 0, sizeof *p);
    p->head.next = p->head.prev = &p->head;
    p->limit = limit;
}

/* Free whatever cmark-gfm left allocated (everything, after a failure). */
static void pool_release(md_pool *p)
{
    md_hdr *h = p->head.next;
    while (h != &p->head) {
        md_hdr *next = h->next;
        free(h);
        h = next;
    }
    p->head.next = p->head.prev = &p->head;
    p->used = 0;
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
 * autolink, so parsing is serialised; rendering is not. (A parse ended by
 * an allocation failure may leave those characters added: the next
 * document then treats '~' and the autolink characters as special, as
 * any document with a table already does.) */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* Raw HTML blocks get line markers (html.h) so their elements get source
 * lines (line_base added: the text may be a segment): the literal is
 * edited in place, the tree's shape is unchanged. b is scratch space. */
static void mark_html_blocks(cmark_node *root, long line_base, buf *b)
{
    cmark_iter *it = cmark_iter_new(root);
    if (!it)
        return;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *nd = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(nd) != CMARK_NODE_HTML_BLOCK)
            continue;
        const char *lit = cmark_node_get_literal(nd);
        if (!lit)
            continue;
        size_t ll = strlen(lit);
        buf_truncate(b, 0);
        buf_printf(b, "<!--cpslint-line:%ld-->", cmark_node_get_start_line(nd) + line_base);
        buf_put(b, lit, ll);
        if (!ll || lit[ll - 1] != '\n')
            buf_putc(b, '\n');
        buf_puts(b, "<!--cpslint-line:end-->\n");
        cmark_node_set_literal(nd, buf_cstr(b));
    }
    cmark_iter_free(it);
}

/* Markdown text[0..n) rendered as HTML appended to out, every cmark-gfm
 * allocation in pool (md_cur == pool). 0, or -1 after an allocation
 * failure (pool->over_limit says which kind); the caller releases the
 * pool either way. */
static int render_in_pool(md_pool *pool, const char *text, size_t n, long line_base, buf *out,
                          buf *scratch)
{
    static const char *const exts[] = {"table", "strikethrough", "autolink", NULL};
    const int opts = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
    volatile int locked = 0;
    if (setjmp(pool->jb)) {
        if (locked)
            pthread_mutex_unlock(&parse_lock);
        return -1;
    }
    pthread_mutex_lock(&parse_lock);
    locked = 1;
    cmark_parser *p = cmark_parser_new_with_mem(opts, &md_mem);
    for (int i = 0; exts[i]; i++) {
        cmark_syntax_extension *x = cmark_find_syntax_extension(exts[i]);
        if (x)
            cmark_parser_attach_syntax_extension(p, x);
    }
    cmark_parser_feed(p, text, n);
    cmark_node *root = cmark_parser_finish(p);
    pthread_mutex_unlock(&parse_lock);
    locked = 0;
    if (!root)
        pool_fail(pool, 0);
    mark_html_blocks(root, line_base, scratch);
    char *html = cmark_render_html_with_mem(root, opts, cmark_parser_get_syntax_extensions(p),
                                            &md_mem);
    if (!html)
        pool_fail(pool, 0);
    buf_puts(out, html);
    md_free(html);
    cmark_node_free(root);
    cmark_parser_free(p);
    return 0;
}

/* The document wrapper around rendered Markdown. */
static void wrap_open(buf *out)
{
    buf_puts(out, "<!DOCTYPE html>\n<html><head></head><body>\n");
}

/* Render text[0..n) into out (wrapped when whole); 0, else CPS_E_NOMEM or
 * CPS_E_LIMIT (over limit bytes of cmark-gfm memory). *peak gets the
 * most cmark-gfm held at once. */
static int render_limited(const char *text, size_t n, long line_base, size_t limit, buf *out,
                          size_t *peak)
{
    markdown_init();
    md_pool pool;
    pool_init(&pool, limit);
    buf scratch = BUF_INIT;
    md_pool *saved = md_cur;
    md_cur = &pool;
    int rc = render_in_pool(&pool, text, n, line_base, out, &scratch);
    md_cur = saved;
    buf_free(&scratch);
    if (peak)
        *peak = pool.peak;
    int over = pool.over_limit;
    pool_release(&pool);
    if (rc)
        return over ? CPS_E_LIMIT : CPS_E_NOMEM;
    return 0;
}

char *markdown_render(const char *text, size_t n, size_t *out_len)
{
    buf out = BUF_INIT;
    wrap_open(&out);
    if (render_limited(text, n, 0, 0, &out, NULL)) {
        buf_free(&out);
        return NULL;
    }
    buf_puts(&out, "</body></html>\n");
    *out_len = out.len;
    return buf_detach(&out);
}

/* ---- segments ------------------------------------------------------------ */

/* Case-insensitive search of needle in s[0..n). */
static int has_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* What an HTML block of CommonMark kinds 1-5 opened by line s[0..l) (after
 * its indentation) waits for, or NULL (kinds 6 and 7 end at a blank
 * line). */
static const char *html_block_end(const char *s, size_t l)
{
    static const char *const raw[] = {"script", "pre", "style", "textarea", NULL};
    if (l < 2 || s[0] != '<')
        return NULL;
    for (int k = 0; raw[k]; k++) {
        size_t kl = strlen(raw[k]);
        if (l >= kl + 1 && strncasecmp(s + 1, raw[k], kl) == 0 &&
            (l == kl + 1 || s[kl + 1] == '>' || s[kl + 1] == ' ' || s[kl + 1] == '\t'))
            return k == 0 ? "</script>" : k == 1 ? "</pre>" : k == 2 ? "</style>" : "</textarea>";
    }
    if (l >= 4 && memcmp(s, "<!--", 4) == 0)
        return "-->";
    if (s[1] == '?')
        return "?>";
    if (l >= 9 && memcmp(s, "<![CDATA[", 9) == 0)
        return "]]>";
    if (s[1] == '!' && l > 2 && isalpha((unsigned char)s[2]))
        return ">";
    return NULL;
}

/* Where text may be cut into independent Markdown documents: at the start
 * of a line that follows a blank line, begins at column 0 with a letter
 * (a paragraph) or "# " (a heading), and is outside a fenced code block
 * and outside an HTML block that a blank line does not end. Such a line
 * starts a new block whatever precedes it, so the parts render as the
 * whole would. Cuts are at least MARKDOWN_SEGMENT bytes apart. Returns the
 * number of segments; (*cuts)[i] and (*lines)[i] are the byte offset and
 * 1-based line where segment i starts (malloc'd, caller frees). */
static size_t plan_segments(const char *t, size_t n, size_t **cuts, long **lines)
{
    size_t cap = 8, k = 0;
    *cuts = xmalloc(cap * sizeof **cuts);
    *lines = xmalloc(cap * sizeof **lines);
    (*cuts)[k] = 0;
    (*lines)[k++] = 1;
    int fence = 0, prev_blank = 0;
    size_t fence_len = 0;
    const char *html_end = NULL;
    long line = 1;
    for (size_t pos = 0; pos < n; line++) {
        size_t eol, l = line_len(t + pos, n - pos, &eol);
        const char *s = t + pos;
        int blank = blank_line(s, l);
        if (!fence && !html_end && prev_blank && l && pos - (*cuts)[k - 1] >= MARKDOWN_SEGMENT &&
            (isalpha((unsigned char)s[0]) || (s[0] == '#' && l > 1 && s[1] == ' '))) {
            if (k == cap) {
                cap *= 2;
                *cuts = xrealloc(*cuts, cap * sizeof **cuts);
                *lines = xrealloc(*lines, cap * sizeof **lines);
            }
            (*cuts)[k] = pos;
            (*lines)[k++] = line;
        }
        size_t ind = 0;
        while (ind < l && ind < 4 && s[ind] == ' ')
            ind++;
        size_t run = 0;
        if (ind <= 3)
            while (ind + run < l && (s[ind + run] == '`' || s[ind + run] == '~') &&
                   s[ind + run] == s[ind])
                run++;
        if (fence) {
            if (run >= fence_len && s[ind] == fence && blank_line(s + ind + run, l - ind - run))
                fence = 0;
        } else if (html_end) {
            if (has_ci(s, l, html_end))
                html_end = NULL;
        } else if (ind <= 3 && run >= 3) {
            fence = s[ind];
            fence_len = run;
        } else if (ind <= 3) {
            html_end = html_block_end(s + ind, l - ind);
            if (html_end && has_ci(s + ind + 2, l - ind - 2, html_end))
                html_end = NULL;
        }
        prev_blank = blank;
        pos += l + eol;
        if (!eol)
            break;
    }
    return k;
}

/* 1 if "]:" occurs in text[0..n). */
static int has_definition(const char *t, size_t n)
{
    for (const char *p = t; (p = memchr(p, ']', n - (size_t)(p - t))) != NULL; p++)
        if ((size_t)(p - t) + 1 < n && p[1] == ':')
            return 1;
    return 0;
}

/* Render text[0..n) in segments (plan_segments) and read each into out, so
 * that cmark-gfm's tree and the HTML are one segment's at a time. A text
 * with a link reference or footnote definition anywhere ("]:") is one
 * segment: definitions are document-wide. */
static int render_and_read(const char *text, size_t n, const char *name, int keep_chrome,
                           size_t max_memory, doc *out, cps_err *e)
{
    size_t *cuts, nseg = 1;
    long *lines;
    if (n >= MARKDOWN_SEGMENT_FROM && !has_definition(text, n)) {
        nseg = plan_segments(text, n, &cuts, &lines);
    } else {
        cuts = xmalloc(sizeof *cuts);
        lines = xmalloc(sizeof *lines);
        cuts[0] = 0;
        lines[0] = 1;
    }
    int rc = 0;
    buf html = BUF_INIT;
    for (size_t i = 0; i < nseg && !rc; i++) {
        size_t a = cuts[i], b = i + 1 < nseg ? cuts[i + 1] : n;
        size_t held = doc_memory(out) + html.cap;
        size_t limit = 0;
        if (max_memory) {
            limit = max_memory > held ? max_memory - held : 1;
        }
        buf_truncate(&html, 0);
        wrap_open(&html);
        rc = render_limited(text + a, b - a, lines[i] - 1, limit, &html, NULL);
        if (rc == CPS_E_LIMIT)
            rc = cps_err_set(e, CPS_E_LIMIT, name, 0,
                             "the Markdown parser (cmark-gfm) needs more memory than --max-memory "
                             "allows (%zu MiB): refused", max_memory >> 20);
        else if (rc)
            rc = cps_err_set(e, CPS_E_NOMEM, name, 0,
                             "out of memory in the Markdown parser (cmark-gfm): the document was "
                             "not read");
        if (rc)
            break;
        buf_puts(&html, "</body></html>\n");
        html_opts o = {keep_chrome, 1, lines[i] - 1, max_memory};
        rc = html_append(out, html.ptr, html.len, &o, e);
    }
    buf_free(&html);
    free(cuts);
    free(lines);
    return rc;
}

int markdown_parse(const source *src, int keep_chrome, doc *out, cps_err *e)
{
    return markdown_parse_limited(src, keep_chrome, 0, out, e);
}

int markdown_parse_limited(const source *src, int keep_chrome, size_t max_memory, doc *out,
                           cps_err *e)
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
    int rc = markdown_check_limits(text, tlen, src->name, e);
    if (!rc)
        rc = render_and_read(text, tlen, src->name, keep_chrome, max_memory, out, e);
    free(blanked);
    return rc;
}

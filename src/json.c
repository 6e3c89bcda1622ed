#include "json.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void json_init(json_w *w, buf *out, int pretty)
{
    w->out = out;
    w->depth = 0;
    w->count[0] = 0;
    w->after_key = 0;
    w->pretty = pretty;
    w->brk = 0;
}

void json_init_at(json_w *w, buf *out, int pretty, int depth)
{
    assert(depth >= 0 && depth < JSON_MAX_DEPTH);
    json_init(w, out, pretty);
    w->depth = depth;
    for (int i = 0; i < depth; i++)
        w->count[i] = 1;
    w->count[depth] = 0;
}

void json_spliced(json_w *w, int n) { w->count[w->depth] += n; }

int json_count(const json_w *w) { return w->count[w->depth]; }

static void newline(json_w *w)
{
    if (!w->pretty)
        return;
    buf_putc(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        buf_puts(w->out, "  ");
}

/* Before any value or key: a comma and a newline where needed. */
static void before_value(json_w *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->count[w->depth]++ > 0)
        buf_putc(w->out, ',');
    if (w->brk) {
        buf_putc(w->out, '\n');
        w->brk = 0;
    }
    if (w->depth > 0)
        newline(w);
}

void json_raw(json_w *w, const char *value)
{
    before_value(w);
    buf_puts(w->out, value);
}

void json_break(json_w *w) { w->brk = 1; }

static void open_(json_w *w, char c)
{
    before_value(w);
    buf_putc(w->out, c);
    assert(w->depth + 1 < JSON_MAX_DEPTH);
    w->count[++w->depth] = 0;
}

static void close_(json_w *w, char c)
{
    int had = w->count[w->depth] > 0;
    assert(w->depth > 0);
    w->depth--;
    if (had)
        newline(w);
    buf_putc(w->out, c);
}

void json_obj_begin(json_w *w) { open_(w, '{'); }
void json_obj_end(json_w *w) { close_(w, '}'); }
void json_arr_begin(json_w *w) { open_(w, '['); }
void json_arr_end(json_w *w) { close_(w, ']'); }

void json_key(json_w *w, const char *key)
{
    before_value(w);
    json_escape(w->out, key, key ? strlen(key) : 0);
    buf_puts(w->out, w->pretty ? ": " : ":");
    w->after_key = 1;
}


void json_escape(buf *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    buf_putc(out, '"');
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            switch (c) {
            case '"': buf_puts(out, "\\\""); break;
            case '\\': buf_puts(out, "\\\\"); break;
            case '\n': buf_puts(out, "\\n"); break;
            case '\r': buf_puts(out, "\\r"); break;
            case '\t': buf_puts(out, "\\t"); break;
            case '\b': buf_puts(out, "\\b"); break;
            case '\f': buf_puts(out, "\\f"); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    buf_printf(out, "\\u%04x", c);
                else
                    buf_putc(out, (char)c);
            }
            i++;
            continue;
        }
        size_t k = utf8_seq(p + i, n - i);
        if (k == 0) {
            buf_puts(out, "\\ufffd");
            i++;
        } else if (k == 3 && c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
            buf_puts(out, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 3;
        } else {
            buf_put(out, p + i, k);
            i += k;
        }
    }
    buf_putc(out, '"');
}

void json_strn(json_w *w, const char *s, size_t n)
{
    before_value(w);
    json_escape(w->out, s, n);
}

void json_str(json_w *w, const char *s)
{
    if (!s) {
        json_null(w);
        return;
    }
    json_strn(w, s, strlen(s));
}

void json_int(json_w *w, long long v)
{
    before_value(w);
    buf_printf(w->out, "%lld", v);
}

void json_bool(json_w *w, int v)
{
    before_value(w);
    buf_puts(w->out, v ? "true" : "false");
}

void json_null(json_w *w)
{
    before_value(w);
    buf_puts(w->out, "null");
}

void json_kv_str(json_w *w, const char *key, const char *s)
{
    json_key(w, key);
    json_str(w, s);
}

void json_kv_int(json_w *w, const char *key, long long v)
{
    json_key(w, key);
    json_int(w, v);
}

void json_fput(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    buf b = BUF_INIT;
    json_escape(&b, s, strlen(s));
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

void json_kv_tool(json_w *w)
{
    json_key(w, "tool");
    json_obj_begin(w);
    json_kv_str(w, "name", "cpslint");
    json_kv_str(w, "version", CPSLINT_VERSION);
    json_obj_end(w);
}

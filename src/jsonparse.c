/* jsonparse.c — strict JSON reader (see jsonparse.h). */
#include "jsonparse.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

typedef struct jp {
    const char *name;
    const unsigned char *s;
    size_t i, n;
    long line;
    cps_err *e;
} jp;

static int fail(jp *p, const char *msg)
{
    return cps_err_set(p->e, CPS_E_INPUT, p->name, p->line, "JSON: %s", msg);
}

static void skip_ws(jp *p)
{
    while (p->i < p->n) {
        unsigned char c = p->s[p->i];
        if (c == '\n')
            p->line++;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        p->i++;
    }
}


static void put_utf8(buf *b, unsigned cp)
{
    char o[4];
    size_t k;
    if (cp < 0x80)
        o[0] = (char)cp, k = 1;
    else if (cp < 0x800)
        o[0] = (char)(0xC0 | (cp >> 6)), o[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
    else if (cp < 0x10000)
        o[0] = (char)(0xE0 | (cp >> 12)), o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        o[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
    else
        o[0] = (char)(0xF0 | (cp >> 18)), o[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
    buf_put(b, o, k);
}

static int hex4(jp *p, unsigned *out)
{
    unsigned v = 0;
    if (p->n - p->i < 4)
        return fail(p, "\\u needs four hexadecimal digits");
    for (int k = 0; k < 4; k++) {
        unsigned char c = p->s[p->i + (size_t)k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10u;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10u;
        else
            return fail(p, "\\u needs four hexadecimal digits");
    }
    p->i += 4;
    *out = v;
    return 0;
}

/* A string at p->i (which is '"'); the text goes to *out (caller frees). */
static int parse_string(jp *p, char **out, size_t *len)
{
    buf b = BUF_INIT;
    p->i++;
    for (;;) {
        if (p->i >= p->n) {
            buf_free(&b);
            return fail(p, "unterminated string");
        }
        unsigned char c = p->s[p->i];
        if (c == '"') {
            p->i++;
            break;
        }
        if (c < 0x20) {
            buf_free(&b);
            return fail(p, c == '\n' ? "line break inside a string (write \\n)"
                                     : "control character inside a string");
        }
        if (c == '\\') {
            if (++p->i >= p->n) {
                buf_free(&b);
                return fail(p, "unterminated string");
            }
            char x = (char)p->s[p->i++];
            unsigned cp;
            switch (x) {
            case '"': buf_putc(&b, '"'); break;
            case '\\': buf_putc(&b, '\\'); break;
            case '/': buf_putc(&b, '/'); break;
            case 'b': buf_putc(&b, '\b'); break;
            case 'f': buf_putc(&b, '\f'); break;
            case 'n': buf_putc(&b, '\n'); break;
            case 'r': buf_putc(&b, '\r'); break;
            case 't': buf_putc(&b, '\t'); break;
            case 'u':
                if (hex4(p, &cp)) {
                    buf_free(&b);
                    return p->e->code;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo;
                    if (p->n - p->i < 2 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
                        buf_free(&b);
                        return fail(p, "unpaired surrogate in \\u escape");
                    }
                    p->i += 2;
                    if (hex4(p, &lo)) {
                        buf_free(&b);
                        return p->e->code;
                    }
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        buf_free(&b);
                        return fail(p, "unpaired surrogate in \\u escape");
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    buf_free(&b);
                    return fail(p, "unpaired surrogate in \\u escape");
                } else if (cp == 0) {
                    buf_free(&b);
                    return fail(p, "\\u0000 is not allowed");
                }
                put_utf8(&b, cp);
                break;
            default:
                buf_free(&b);
                return fail(p, "unknown escape in string");
            }
            continue;
        }
        size_t k = utf8_seq(p->s + p->i, p->n - p->i);
        if (k == 0) {
            buf_free(&b);
            return fail(p, "invalid UTF-8 in string");
        }
        buf_put(&b, p->s + p->i, k);
        p->i += k;
    }
    *len = b.len;
    *out = b.ptr ? buf_detach(&b) : xstrdup("");
    return 0;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int parse_number(jp *p, jv *v)
{
    size_t st = p->i;
    if (p->s[p->i] == '-')
        p->i++;
    if (p->i >= p->n || !is_digit(p->s[p->i]))
        return fail(p, "invalid number");
    if (p->s[p->i] == '0') {
        p->i++;
        if (p->i < p->n && is_digit(p->s[p->i]))
            return fail(p, "leading zero in number");
    } else {
        while (p->i < p->n && is_digit(p->s[p->i]))
            p->i++;
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (p->i >= p->n || !is_digit(p->s[p->i]))
            return fail(p, "invalid number: digits must follow '.'");
        while (p->i < p->n && is_digit(p->s[p->i]))
            p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (p->i >= p->n || !is_digit(p->s[p->i]))
            return fail(p, "invalid number: digits must follow the exponent");
        while (p->i < p->n && is_digit(p->s[p->i]))
            p->i++;
    }
    v->type = JV_NUMBER;
    v->str = xstrndup((const char *)p->s + st, p->i - st);
    v->number = strtod(v->str, NULL);
    return 0;
}

static int parse_value(jp *p, jv *v, int depth);

static void push(jv *v, size_t *cap)
{
    if (v->n == *cap) {
        *cap = *cap ? 2 * *cap : 4;
        v->items = xrealloc(v->items, *cap * sizeof *v->items);
        if (v->type == JV_OBJECT)
            v->keys = xrealloc(v->keys, *cap * sizeof *v->keys);
    }
    memset(&v->items[v->n], 0, sizeof v->items[v->n]);
}

static int parse_container(jp *p, jv *v, int depth)
{
    int obj = p->s[p->i] == '{';
    char close = obj ? '}' : ']';
    size_t cap = 0;
    v->type = obj ? JV_OBJECT : JV_ARRAY;
    if (depth >= JSONP_MAX_DEPTH)
        return fail(p, "nested too deeply");
    p->i++;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == (unsigned char)close) {
        p->i++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        push(v, &cap);
        if (obj) {
            if (p->i >= p->n || p->s[p->i] != '"')
                return fail(p, p->i < p->n && p->s[p->i] == '}'
                                   ? "trailing comma before '}'"
                                   : "expected a \"key\" in double quotes");
            char *key;
            size_t klen;
            if (parse_string(p, &key, &klen))
                return p->e->code;
            for (size_t k = 0; k < v->n; k++)
                if (!strcmp(v->keys[k], key)) {
                    free(key);
                    return fail(p, "duplicate key in object");
                }
            v->keys[v->n] = key;
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') {
                v->n++; /* so the key is freed */
                return fail(p, "expected ':' after the key");
            }
            p->i++;
            skip_ws(p);
        } else if (p->i < p->n && p->s[p->i] == ']') {
            return fail(p, "trailing comma before ']'");
        }
        int rc = parse_value(p, &v->items[v->n], depth + 1);
        v->n++;
        if (rc)
            return rc;
        skip_ws(p);
        if (p->i >= p->n)
            return fail(p, obj ? "unterminated object (missing '}')" : "unterminated array (missing ']')");
        if (p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->s[p->i] == (unsigned char)close) {
            p->i++;
            return 0;
        }
        return fail(p, obj ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int literal(jp *p, const char *w)
{
    size_t k = strlen(w);
    return p->n - p->i >= k && !memcmp(p->s + p->i, w, k);
}

static int parse_value(jp *p, jv *v, int depth)
{
    skip_ws(p);
    v->line = p->line;
    if (p->i >= p->n)
        return fail(p, "unexpected end of input, expected a value");
    unsigned char c = p->s[p->i];
    if (c == '{' || c == '[')
        return parse_container(p, v, depth);
    if (c == '"') {
        v->type = JV_STRING;
        return parse_string(p, &v->str, &v->len);
    }
    if (c == '-' || is_digit(c))
        return parse_number(p, v);
    if (literal(p, "true") || literal(p, "false")) {
        v->type = JV_BOOL;
        v->boolean = c == 't';
        p->i += v->boolean ? 4 : 5;
        return 0;
    }
    if (literal(p, "null")) {
        v->type = JV_NULL;
        p->i += 4;
        return 0;
    }
    if (c == '\'')
        return fail(p, "strings must use double quotes");
    if (c == '/')
        return fail(p, "comments are not allowed in JSON");
    return fail(p, "unexpected character, expected a value");
}

int jsonp_parse(const char *name, const char *s, size_t n, jv *out, cps_err *e)
{
    jp p = {name, (const unsigned char *)s, 0, n, 1, e};
    memset(out, 0, sizeof *out);
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        p.i = 3;
    int rc = parse_value(&p, out, 0);
    if (rc == 0) {
        skip_ws(&p);
        if (p.i < p.n)
            rc = fail(&p, "unexpected text after the JSON value");
    }
    if (rc)
        jsonp_free(out);
    return rc;
}

const jv *jsonp_get(const jv *obj, const char *key)
{
    if (!obj || obj->type != JV_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (!strcmp(obj->keys[i], key))
            return &obj->items[i];
    return NULL;
}

const char *jsonp_type_name(jv_type t)
{
    switch (t) {
    case JV_NULL: return "null";
    case JV_BOOL: return "boolean";
    case JV_NUMBER: return "number";
    case JV_STRING: return "string";
    case JV_ARRAY: return "array";
    case JV_OBJECT: return "object";
    }
    return "?";
}

void jsonp_free(jv *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++) {
        jsonp_free(&v->items[i]);
        if (v->type == JV_OBJECT)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    memset(v, 0, sizeof *v);
}

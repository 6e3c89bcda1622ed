/* ini.c — the INI-like line syntax (ini.h). */
#include "ini.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ini_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

typedef struct pending {
    buf value;
    char key[INI_KEY_MAX];
    long line;
    int have;
} pending;

static unsigned flags_of(const ini_handler *h, const char *key)
{
    return h->key_flags ? h->key_flags(h->ctx, key) : 0;
}

/* Hand the key being read, if any, to the handler. */
static int flush(pending *pd, const ini_handler *h)
{
    if (!pd->have)
        return 0;
    pd->have = 0;
    char *v = xstrdup(buf_cstr(&pd->value));
    char *val = ini_trim(v);
    if (flags_of(h, pd->key) & INI_COMMENT) {
        char *hash = strstr(val, " #");
        if (!hash && (hash = strstr(val, "\t#")) == NULL && val[0] == '#')
            hash = val;
        if (hash) {
            *hash = '\0';
            val = ini_trim(val);
        }
    }
    int rc = h->key(h->ctx, pd->key, val, pd->line);
    free(v);
    return rc;
}

/* One non-blank, non-comment, non-continuation line. */
static int parse_line(pending *pd, const ini_handler *h, char *t, long lineno)
{
    char msg[INI_KEY_MAX + 600];
    if (t[0] == '[') {
        size_t k = strlen(t);
        if (t[k - 1] != ']') {
            snprintf(msg, sizeof msg, "bad block header '%.500s'", t);
            return h->error(h->ctx, lineno, msg);
        }
        t[k - 1] = '\0';
        return h->section(h->ctx, ini_trim(t + 1), lineno);
    }
    char *eq = strchr(t, '=');
    if (!eq) {
        if (h->header_hint)
            snprintf(msg, sizeof msg, "expected 'key = value' or '%s'", h->header_hint);
        else
            snprintf(msg, sizeof msg, "expected 'key = value'");
        return h->error(h->ctx, lineno, msg);
    }
    *eq = '\0';
    char *key = ini_trim(t);
    if (!*key || strlen(key) >= sizeof pd->key)
        return h->error(h->ctx, lineno, "bad key");
    snprintf(pd->key, sizeof pd->key, "%s", key);
    buf_truncate(&pd->value, 0);
    buf_puts(&pd->value, eq + 1);
    pd->line = lineno;
    pd->have = 1;
    return 0;
}

static int parse_lines(pending *pd, const ini_handler *h, char *text)
{
    long lineno = 0;
    int rc = 0;
    for (char *l = text; l;) {
        char *nl = strchr(l, '\n');
        char *next = NULL;
        if (nl) {
            *nl = '\0';
            next = nl + 1;
        }
        lineno++;
        size_t len = strlen(l);
        if (len && l[len - 1] == '\r')
            l[--len] = '\0';
        char *t = ini_trim(l);
        if (l[0] == '#') {
            /* a comment, even between a value's lines */
        } else if (!*t) {
            rc = flush(pd, h);
        } else if (l[0] == ' ' || l[0] == '\t') { /* continuation */
            if (!pd->have)
                return h->error(h->ctx, lineno, "indented line continues nothing");
            if (!(flags_of(h, pd->key) & INI_TIGHT))
                buf_putc(&pd->value, ' ');
            buf_puts(&pd->value, t);
        } else if ((rc = flush(pd, h)) == 0) {
            rc = parse_line(pd, h, t, lineno);
        }
        if (rc)
            return rc;
        l = next;
    }
    return flush(pd, h);
}

int ini_parse(char *text, const ini_handler *h)
{
    pending pd;
    memset(&pd, 0, sizeof pd);
    int rc = parse_lines(&pd, h, text);
    buf_free(&pd.value);
    return rc;
}

int ini_check_bytes(const char *name, const char *what, const char *data, size_t len,
                    size_t max, cps_err *e)
{
    if (len > max)
        return cps_err_set(e, CPS_E_RULES, name, 0, "%s too large", what);
    if (memchr(data, '\0', len))
        return cps_err_set(e, CPS_E_RULES, name, 0, "%s contains NUL bytes", what);
    return 0;
}

int ini_read_file(const char *path, const char *what, size_t max, buf *b, cps_err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return cps_err_set(e, CPS_E_IO, path, 0, "cannot open: %s", strerror(errno));
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_put(b, chunk, k);
        if (b->len > max) {
            fclose(f);
            return cps_err_set(e, CPS_E_RULES, path, 0, "%s too large", what);
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        return cps_err_set(e, CPS_E_IO, path, 0, "read error");
    return ini_check_bytes(path, what, buf_cstr(b), b->len, max, e);
}

/* config.c — the .cpslint configuration file (config.h), read with the
 * rules files' line syntax (ini.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli_util.h"
#include "ini.h"

#define CONFIG_MAX_SIZE (1024u * 1024)

void config_init(config *c)
{
    memset(c, 0, sizeof *c);
    c->fail_on = c->min_level = -1;
}

static void list_free(config_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    free(l->line);
    free(l->on);
    memset(l, 0, sizeof *l);
}

void config_free(config *c)
{
    free(c->path);
    list_free(&c->rulesets);
    list_free(&c->only);
    list_free(&c->toggles);
    list_free(&c->excludes);
    free(c->baseline);
    config_init(c);
}

static int exists(const char *dir, const char *name, int want_dir)
{
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", dir, name);
    struct stat st;
    int ok = stat(buf_cstr(&p), &st) == 0 && (want_dir ? 1 : S_ISREG(st.st_mode));
    buf_free(&p);
    return ok;
}

int config_find(const char *dir, char *out, size_t size)
{
    char cwd[4096];
    if (!dir) {
        if (!getcwd(cwd, sizeof cwd))
            return 0;
        dir = cwd;
    }
    buf d = BUF_INIT;
    buf_puts(&d, dir);
    int rc = 0;
    for (;;) {
        if (exists(buf_cstr(&d), CONFIG_NAME, 0)) {
            int k = snprintf(out, size, "%s/%s", strcmp(buf_cstr(&d), "/") ? buf_cstr(&d) : "",
                             CONFIG_NAME);
            rc = k < 0 || (size_t)k >= size ? -1 : 1;
            break;
        }
        /* .git (a directory, or a worktree's file) marks the repository's top */
        char *slash = strrchr(d.ptr, '/');
        if (exists(buf_cstr(&d), ".git", 1) || !slash || !strcmp(buf_cstr(&d), "/"))
            break;
        buf_truncate(&d, slash == d.ptr ? 1 : (size_t)(slash - d.ptr));
    }
    buf_free(&d);
    return rc;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct reader {
    config *c;
    const char *file;
    cps_err *e;
    char seen[8][INI_KEY_MAX];
    size_t nseen;
} reader;

static int rerr(reader *r, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int rerr(reader *r, long line, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return cps_err_set(r->e, CPS_E_USAGE, r->file, line, "%s", msg);
}

static void list_add(config_list *l, const char *s, long line, int on)
{
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->line = xrealloc(l->line, (l->n + 1) * sizeof *l->line);
    l->on = xrealloc(l->on, (l->n + 1) * sizeof *l->on);
    l->v[l->n] = xstrdup(s);
    l->line[l->n] = line;
    l->on[l->n++] = on;
}

/* value split at blanks and commas into l. */
static int list_key(reader *r, const char *key, char *value, long line, config_list *l, int on)
{
    size_t before = l->n;
    char *save = NULL;
    for (char *t = strtok_r(value, " \t,", &save); t; t = strtok_r(NULL, " \t,", &save))
        list_add(l, t, line, on);
    return l->n > before ? 0 : rerr(r, line, "%s: no value", key);
}

static int once(reader *r, const char *key, long line)
{
    for (size_t i = 0; i < r->nseen; i++)
        if (!strcmp(r->seen[i], key))
            return rerr(r, line, "key '%s' given twice", key);
    snprintf(r->seen[r->nseen++], sizeof r->seen[0], "%s", key);
    return 0;
}

/* A path in the file is relative to the file's directory. */
static char *resolve(const char *file, const char *path)
{
    const char *slash = strrchr(file, '/');
    if (path[0] == '/' || !slash)
        return xstrdup(path);
    buf b = BUF_INIT;
    buf_printf(&b, "%.*s/%s", (int)(slash - file), file, path);
    return buf_detach(&b);
}

static int single_key(reader *r, const char *key, const char *value, long line)
{
    config *c = r->c;
    int rc = once(r, key, line);
    if (rc)
        return rc;
    if (!strcmp(key, "fail-on")) {
        if ((c->fail_on = cli_parse_severity(value, 1)) < 0)
            return rerr(r, line, "fail-on: '%s' is not error, warning, notice or never", value);
    } else if (!strcmp(key, "min-level")) {
        if ((c->min_level = cli_parse_severity(value, 0)) < 0)
            return rerr(r, line, "min-level: '%s' is not error, warning or notice", value);
    } else if (!strcmp(key, "baseline")) {
        if (!*value)
            return rerr(r, line, "baseline: no value");
        c->baseline = resolve(r->file, value);
    } else if (!strcmp(key, "as-of")) {
        if (!strcmp(value, "doc") || !strcmp(value, "document"))
            c->as_of_mode = CONFIG_AS_OF_DOC;
        else if (!strcmp(value, "today") || !strcmp(value, "now"))
            c->as_of_mode = CONFIG_AS_OF_TODAY;
        else if ((c->as_of = date_parse_iso(value)) != DATE_NONE)
            c->as_of_mode = CONFIG_AS_OF_DATE;
        else
            return rerr(r, line, "as-of: '%s' is not YYYY-MM-DD, doc or today", value);
    } else {
        return rerr(r, line, "unknown key '%s' (ruleset, only-ruleset, enable, disable, "
                             "fail-on, min-level, baseline, as-of, exclude)", key);
    }
    return 0;
}

static int on_key(void *ctx, const char *key, char *value, long line)
{
    reader *r = ctx;
    config *c = r->c;
    if (!strcmp(key, "ruleset") || !strcmp(key, "only-ruleset")) {
        config_list *l = key[0] == 'r' ? &c->rulesets : &c->only;
        size_t before = l->n;
        int rc = list_key(r, key, value, line, l, 1);
        for (size_t i = before; i < l->n && !rc; i++)
            if (strchr(l->v[i], '/')) { /* a path: from the file's directory */
                char *p = resolve(r->file, l->v[i]);
                free(l->v[i]);
                l->v[i] = p;
            }
        return rc;
    }
    if (!strcmp(key, "enable") || !strcmp(key, "disable"))
        return list_key(r, key, value, line, &c->toggles, key[0] == 'e');
    if (!strcmp(key, "exclude"))
        return list_key(r, key, value, line, &c->excludes, 1);
    return single_key(r, key, value, line);
}

static int on_section(void *ctx, char *name, long line)
{
    return rerr(ctx, line, "unexpected section '[%s]' (the file has only 'key = value' lines)",
                name);
}

static int on_error(void *ctx, long line, const char *msg)
{
    return rerr(ctx, line, "%s", msg);
}

static unsigned key_flags(void *ctx, const char *key)
{
    (void)ctx;
    (void)key;
    return INI_COMMENT;
}

int config_load(config *c, const char *path, cps_err *e)
{
    buf b = BUF_INIT;
    int rc = ini_read_file(path, "config file", CONFIG_MAX_SIZE, &b, e);
    if (rc == 0) {
        reader r = {c, path, e, {{0}}, 0};
        ini_handler h = {&r, on_section, on_key, key_flags, on_error, NULL};
        char *text = xstrdup(buf_cstr(&b));
        rc = ini_parse(text, &h);
        free(text);
        if (rc == 0) {
            free(c->path);
            c->path = xstrdup(path);
        }
    }
    buf_free(&b);
    return rc;
}

int config_merge_rules(const config *c, cli_rules *sel, const cli_env *env)
{
    cli_rules *m = xcalloc(1, sizeof *m);
    int rc = 0;
    const char *const *only = sel->nonly ? sel->only : (const char *const *)c->only.v;
    size_t nonly = sel->nonly ? sel->nonly : c->only.n;
    for (size_t i = 0; i < nonly && !rc; i++)
        rc = cli_rules_add(env, m, 'o', only[i]);
    for (size_t i = 0; i < c->rulesets.n && !rc; i++)
        rc = cli_rules_add(env, m, 'r', c->rulesets.v[i]);
    for (size_t i = 0; i < sel->nrulesets && !rc; i++)
        rc = cli_rules_add(env, m, 'r', sel->rulesets[i]);
    for (size_t i = 0; i < c->toggles.n && !rc; i++)
        rc = cli_rules_add_at(env, m, c->toggles.on[i] ? 'e' : 'd', c->toggles.v[i], c->path,
                              c->toggles.line[i]);
    for (size_t i = 0; i < sel->ntoggles && !rc; i++)
        rc = cli_rules_add_at(env, m, sel->toggle_on[i] ? 'e' : 'd', sel->toggle_id[i],
                              sel->toggle_file[i], sel->toggle_line[i]);
    if (!rc)
        *sel = *m;
    free(m);
    return rc;
}

/* cli_util.c — what every command shares (see cli_util.h). */
#include "cli_util.h"

#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "data.h"
#include "profile.h"
#include "escape.h"
#include "input_formats.h"

void cli_put_usage(FILE *f, const char *s, size_t n)
{
    static const char *const marks[] = {"@INPUTS@", "@INPUT_LIST@", "@GLOBS@", "@INPUT_NAMES@",
                                        NULL};
    const char *end = s + n;
    while (s < end) {
        const char *at = memchr(s, '@', (size_t)(end - s));
        int k = -1;
        for (int i = 0; at && marks[i] && k < 0; i++)
            if ((size_t)(end - at) >= strlen(marks[i]) && !memcmp(at, marks[i], strlen(marks[i])))
                k = i;
        if (k < 0) {
            size_t len = at ? (size_t)(at - s) + 1 : (size_t)(end - s);
            fwrite(s, 1, len, f);
            s += len;
            continue;
        }
        fwrite(s, 1, (size_t)(at - s), f);
        buf b = BUF_INIT;
        if (k == 2)
            input_format_globs(&b);
        else if (k == 3)
            input_format_names(&b);
        else
            input_format_labels(&b, k == 0 ? " or " : ", ");
        fputs(buf_cstr(&b), f);
        buf_free(&b);
        s = at + strlen(marks[k]);
    }
}

int cli_parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *s == '-')
        return -1;
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K')
        mul = 1024ULL, end++;
    else if (*end == 'm' || *end == 'M')
        mul = 1024ULL * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        mul = 1024ULL * 1024 * 1024, end++;
    if (*end || v == 0 || v > (unsigned long long)SIZE_MAX / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

int cli_rules_add_at(const cli_env *env, cli_rules *sel, int what, const char *arg,
                     const char *file, long line)
{
    if (what == 'r' || what == 'o') {
        const char **v = what == 'r' ? sel->rulesets : sel->only;
        size_t *n = what == 'r' ? &sel->nrulesets : &sel->nonly;
        if (*n == CLI_MAX_RULESETS)
            return cli_fail(env, "too many --%s options (at most %d)",
                            what == 'r' ? "ruleset" : "only-ruleset", CLI_MAX_RULESETS);
        v[(*n)++] = arg;
        return 0;
    }
    if (sel->ntoggles == CLI_MAX_TOGGLES)
        return cli_fail(env, "too many --disable/--enable options (at most %d)", CLI_MAX_TOGGLES);
    sel->toggle_id[sel->ntoggles] = arg;
    sel->toggle_file[sel->ntoggles] = file;
    sel->toggle_line[sel->ntoggles] = line;
    sel->toggle_on[sel->ntoggles++] = what == 'e';
    return 0;
}

int cli_rules_add(const cli_env *env, cli_rules *sel, int what, const char *arg)
{
    return cli_rules_add_at(env, sel, what, arg, NULL, 0);
}

/* name is a path (ruleset_load_named's test), not a ruleset name. */
static int is_path(const char *name)
{
    size_t k = strlen(name);
    return strchr(name, '/') || (k > 6 && !strcmp(name + k - 6, ".rules"));
}

/* Load one ruleset the selection names, unless it is loaded already (an
 * installed ruleset the defaults or an --only-ruleset brought). */
static int load_one(ruleset *rs, const char *name, const char *dir, const outline_spec *spec,
                    char **names, size_t nnames, int defaults, unsigned char *loaded, cps_err *e)
{
    if (is_path(name))
        return ruleset_load_named(rs, name, dir, spec, e);
    size_t i = 0;
    while (i < nnames && strcmp(names[i], name))
        i++;
    if (i == nnames) {
        buf all = BUF_INIT;
        for (size_t k = 0; k < nnames; k++)
            buf_printf(&all, "%s%s", k ? ", " : "", names[k]);
        int rc = cps_err_set(e, CPS_E_USAGE, NULL, 0, "unknown ruleset '%s' (installed: %s)",
                             name, buf_cstr(&all));
        buf_free(&all);
        return rc;
    }
    if (defaults || loaded[i])
        return 0;
    loaded[i] = 1;
    return ruleset_load_named(rs, name, dir, spec, e);
}

static int load_selection(const cli_rules *sel, const char *dir, const outline_spec *spec,
                          ruleset *rs, cps_err *e)
{
    char **names = NULL;
    size_t nnames = 0;
    int rc = ruleset_names(dir, &names, &nnames, e);
    unsigned char *loaded = xcalloc(nnames + 1, 1);
    if (!rc && sel->nonly == 0)
        rc = ruleset_load_all(rs, dir, spec, e);
    for (size_t i = 0; i < sel->nonly && !rc; i++)
        rc = load_one(rs, sel->only[i], dir, spec, names, nnames, 0, loaded, e);
    for (size_t i = 0; i < sel->nrulesets && !rc; i++)
        rc = load_one(rs, sel->rulesets[i], dir, spec, names, nnames, sel->nonly == 0, loaded, e);
    for (size_t i = 0; i < sel->ntoggles && !rc; i++)
        if (ruleset_set_enabled(rs, sel->toggle_id[i], sel->toggle_on[i], e) < 0) {
            rc = CPS_E_USAGE;
            if (sel->toggle_file[i]) {
                char msg[sizeof e->msg];
                snprintf(msg, sizeof msg, "%s", e->msg);
                cps_err_set(e, rc, sel->toggle_file[i], sel->toggle_line[i], "%s", msg);
            }
        }
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    free(loaded);
    return rc;
}

int cli_load(cli_env *env, const cli_rules *sel, outline_spec *spec, ruleset *rs)
{
    memset(spec, 0, sizeof *spec);
    if (rs)
        ruleset_init(rs);
    const char *dir = cli_data_dir(env);
    if (!dir)
        return EXIT_TROUBLE;
    char path[4200];
    cps_err e;
    cps_err_clear(&e);
    int rc = data_path(dir, "rfc3647.outline", path, sizeof path, &e);
    if (!rc)
        rc = outline_spec_load(path, spec, &e);
    if (!rc && rs)
        rc = load_selection(sel, dir, spec, rs, &e);
    if (rc) {
        if (rs)
            ruleset_free(rs);
        outline_spec_free(spec);
        return cli_fail(env, "%s", e.msg);
    }
    return 0;
}

int cli_option_error(const cli_env *env, const char *cmd, int c, char **argv)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    if (c == ':')
        return cli_fail(env, "%s: option '%s' needs a value", cmd, arg);
    if (optopt > 0 && optopt < 128 && isalnum(optopt)) {
        /* a short option, perhaps inside a cluster such as -qx */
        char name[3] = {'-', (char)optopt, '\0'};
        return cli_fail(env, "%s: unknown option '%s' (try 'cpslint %s --help')", cmd, name,
                        cmd);
    }
    return cli_fail(env, "%s: unknown option '%s' (try 'cpslint %s --help')", cmd, arg, cmd);
}

static void vmessage(const cli_env *env, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void vmessage(const cli_env *env, const char *fmt, va_list ap)
{
    buf m = BUF_INIT, out = BUF_INIT;
    buf_vprintf(&m, fmt, ap);
    buf_puts(&out, "cpslint: ");
    esc_textn(&out, m.ptr, m.len);
    buf_putc(&out, '\n');
    fputs(buf_cstr(&out), env->err);
    buf_free(&m);
    buf_free(&out);
}

int cli_fail(const cli_env *env, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(env, fmt, ap);
    va_end(ap);
    return EXIT_TROUBLE;
}

void cli_warn(const cli_env *env, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(env, fmt, ap);
    va_end(ap);
}

int cli_parse_color(const char *s)
{
    return !strcmp(s, "auto") ? -1 : !strcmp(s, "always") ? 1 : !strcmp(s, "never") ? 0 : -2;
}

int cli_use_color(int color, int to_terminal)
{
    if (color >= 0)
        return color;
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    if ((nc && *nc) || (term && !strcmp(term, "dumb")))
        return 0;
    return to_terminal;
}

int cli_parse_severity(const char *s, int never_ok)
{
    if (!strcmp(s, "error"))
        return SEV_ERROR;
    if (!strcmp(s, "warning"))
        return SEV_WARNING;
    if (!strcmp(s, "notice"))
        return SEV_NOTICE;
    if (never_ok && !strcmp(s, "never"))
        return 0;
    return -1;
}

int cli_parse_input_format(const cli_env *env, const char *cmd, const char *s,
                           const struct input_format **out)
{
    if ((*out = input_format_find(s)) != NULL)
        return 0;
    buf names = BUF_INIT;
    input_format_names(&names);
    cli_fail(env, "%s: unknown input format '%s' (%s)", cmd, s, buf_cstr(&names));
    buf_free(&names);
    return EXIT_TROUBLE;
}

int cli_parse_pdf_timeout(const cli_env *env, const char *cmd, const char *s, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (end == s || *end || *s == '-' || v == 0 || v > 86400)
        return cli_fail(env, "%s: invalid --pdf-timeout '%s' (1 to 86400 seconds)", cmd, s);
    *out = (unsigned)v;
    return 0;
}

int cli_value_missing(const cli_env *env, const char *cmd, const struct option *opts, int c,
                      const char *arg)
{
    if (!arg || arg[0] != '-' || !arg[1] || isdigit((unsigned char)arg[1]))
        return 0; /* "-" is a value (standard input, a file so named), "-1" a number */
    for (size_t i = 0; opts[i].name; i++)
        if (opts[i].val == c && !opts[i].flag && opts[i].has_arg == required_argument)
            return cli_fail(env, "%s: --%s needs a value: '%s' is an option (give the value "
                                 "right after --%s)", cmd, opts[i].name, arg, opts[i].name);
    return 0;
}

/* YYYY-MM-DD by its shape: four digits, '-', two digits, '-', two digits. */
static int iso_shaped(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

int cli_parse_as_of(const cli_env *env, const char *cmd, const char *arg, int doc_ok,
                    cps_date *out)
{
    if (doc_ok && (!strcmp(arg, "doc") || !strcmp(arg, "document")))
        return 1;
    if (!strcmp(arg, "today") || !strcmp(arg, "now")) {
        *out = date_today();
        return 0;
    }
    if ((*out = date_parse_iso(arg)) != DATE_NONE)
        return 0;
    const char *values = doc_ok ? "YYYY-MM-DD, doc or today" : "YYYY-MM-DD or today";
    if (iso_shaped(arg))
        cli_fail(env, "%s: --as-of: '%s' is no such date", cmd, arg);
    else if (access(arg, F_OK) == 0)
        cli_fail(env, "%s: --as-of needs a date (%s) before the files: '%s' is a file", cmd,
                 values, arg);
    else
        cli_fail(env, "%s: --as-of: '%s' is not %s", cmd, arg, values);
    return -1;
}

const char *cli_data_dir(cli_env *env)
{
    if (env->data_dir[0])
        return env->data_dir;
    cps_err e;
    cps_err_clear(&e);
    if (data_dir(env->argv0, env->data_dir, sizeof env->data_dir, &e) != 0) {
        cli_fail(env, "%s", e.msg);
        env->data_dir[0] = '\0';
        return NULL;
    }
    return env->data_dir;
}

int cli_profile_add(const cli_env *env, const char *cmd, cli_profile *p, int what,
                    const char *arg)
{
    if (what == 'K') {
        int k = profile_kind_parse(arg);
        if (k < 0)
            return cli_fail(env, "%s: invalid --kind '%s' (allowed: %s)", cmd, arg,
                            PROFILE_KINDS_ALLOWED);
        p->kind = k;
        return 0;
    }
    unsigned sc = profile_scopes_parse(arg);
    if (!sc)
        return cli_fail(env, "%s: invalid --scope '%s' (allowed: a comma-separated list of %s)",
                        cmd, arg, PROFILE_SCOPES_ALLOWED);
    p->scopes = sc;
    return 0;
}

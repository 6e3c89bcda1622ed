#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "data.h"
#include "version.h"

static const char usage_text[] =
    "Usage: cpslint [check] [options] FILE...   check CP/CPS documents (default)\n"
    "       cpslint diff [options] OLD NEW      compare two versions of a CP/CPS\n"
    "       cpslint outline [options] FILE      print the RFC 3647 outline found\n"
    "       cpslint rules [--test] [options]    list the rules, or run their examples\n"
    "       cpslint history [options] FILE...   compliance over time, from every version\n"
    "       cpslint history --git PATH          the same from the git history of PATH\n"
    "       cpslint --help | --version\n"
    "\n"
    "FILE is an HTML, XHTML, Markdown or PDF document (PDF needs pdftotext),\n"
    "a directory of them, or - for standard input.\n"
    "Run 'cpslint COMMAND --help' for the options of a command.\n"
    "\n"
    "Exit status: 0 nothing at or above --fail-on, 1 nonconformities at or above\n"
    "it, 2 usage, input, ruleset or output error.\n"
    "Environment: CPSLINT_DATA (directory holding rulesets/), NO_COLOR.\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv, cli_env *env);
} command;

static const command commands[] = {
    {"check", cmd_check},
    {"outline", cmd_outline},
    {"rules", cmd_rules},
    {"diff", cmd_diff},
    {"history", cmd_history},
    {NULL, NULL},
};

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

int cli_rules_add(const cli_env *env, cli_rules *sel, int what, const char *arg)
{
    if (what == 'r') {
        if (sel->nrulesets == CLI_MAX_RULESETS)
            return cli_fail(env, "too many --ruleset options (at most %d)", CLI_MAX_RULESETS);
        sel->rulesets[sel->nrulesets++] = arg;
        return 0;
    }
    if (sel->ntoggles == CLI_MAX_TOGGLES)
        return cli_fail(env, "too many --disable/--enable options (at most %d)", CLI_MAX_TOGGLES);
    sel->toggle_id[sel->ntoggles] = arg;
    sel->toggle_on[sel->ntoggles++] = what == 'e';
    return 0;
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
    if (!rc && rs) {
        if (sel->nrulesets == 0)
            rc = ruleset_load_all(rs, dir, spec, &e);
        for (size_t i = 0; i < sel->nrulesets && !rc; i++)
            rc = ruleset_load_named(rs, sel->rulesets[i], dir, spec, &e);
        for (size_t i = 0; i < sel->ntoggles && !rc; i++)
            if (ruleset_set_enabled(rs, sel->toggle_id[i], sel->toggle_on[i], &e) < 0)
                rc = CPS_E_USAGE;
    }
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

int cli_fail(const cli_env *env, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("cpslint: ", env->err);
    vfprintf(env->err, fmt, ap);
    fputc('\n', env->err);
    va_end(ap);
    return EXIT_TROUBLE;
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

/* Whatever the command, output that did not reach standard output (closed,
 * full disk, broken pipe) is trouble: say so, and exit 2. */
static int output_status(cli_env *env, int status)
{
    errno = 0;
    int bad = fflush(env->out) != 0;
    int saved = errno;
    if (!bad && !ferror(env->out))
        return status;
    if (status != EXIT_TROUBLE) /* the command has not said so already */
        cli_fail(env, "cannot write to standard output: %s",
                 saved ? strerror(saved) : "write error");
    return EXIT_TROUBLE;
}

/* --version: the program, its rulesets, its libraries (version.h). */
static int print_version(cli_env *env)
{
    outline_spec spec;
    ruleset rs;
    cli_rules none;
    memset(&none, 0, sizeof none);
    /* rulesets that do not load: their error on stderr, "not found" here */
    int loaded = cli_data_dir(env) && cli_load(env, &none, &spec, &rs) == 0;
    buf b = BUF_INIT;
    version_text(&b, loaded ? &rs : NULL);
    fputs(buf_cstr(&b), env->out);
    buf_free(&b);
    if (loaded) {
        ruleset_free(&rs);
        outline_spec_free(&spec);
    }
    return EXIT_CLEAN;
}

static int run_command(int argc, char **argv, cli_env *env)
{
    const char *a = argv[1];
    if (!strcmp(a, "--help") || !strcmp(a, "-h") || !strcmp(a, "help")) {
        fputs(usage_text, env->out);
        return EXIT_CLEAN;
    }
    if (!strcmp(a, "--version") || !strcmp(a, "-V"))
        return print_version(env);
    optind = 0; /* full getopt reinitialisation for each in-process run */
    opterr = 0;
    for (const command *c = commands; c->name; c++)
        if (!strcmp(a, c->name))
            return c->run(argc - 1, argv + 1, env);
    /* cpslint [options] FILE... is cpslint check [options] FILE...: on a
     * copy of argv, so the caller's array is left as it was */
    char **av = xcalloc((size_t)argc + 1, sizeof *av);
    memcpy(av, argv, (size_t)argc * sizeof *av);
    av[0] = (char *)"check";
    int rc = cmd_check(argc, av, env);
    free(av);
    return rc;
}

int cpslint_main(int argc, char **argv, FILE *out, FILE *err)
{
    cli_env env;
    memset(&env, 0, sizeof env);
    env.out = out;
    env.err = err;
    env.argv0 = argc > 0 ? argv[0] : "cpslint";
    if (argc < 2) {
        fputs(usage_text, err);
        return EXIT_TROUBLE;
    }
    return output_status(&env, run_command(argc, argv, &env));
}

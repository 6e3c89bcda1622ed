#include "cli.h"

#include "cli_util.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "version.h"

static const char usage_text[] =
    "Usage: cpslint [check] [options] FILE...   check CP/CPS documents (default)\n"
    "       cpslint diff [options] OLD NEW      compare two versions of a CP/CPS\n"
    "       cpslint outline [options] FILE      print the RFC 3647 outline found\n"
    "       cpslint rules [--test] [options]    list the rules, or run their examples\n"
    "       cpslint history [options] FILE...   compliance over time, from every version\n"
    "       cpslint history --git PATH          the same from the git history of PATH\n"
    "       cpslint explain RULE...             what a rule requires and how to comply\n"
    "       cpslint --help | --version\n"
    "\n"
    "FILE is an @INPUTS@ document (PDF needs pdftotext),\n"
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
    {"explain", cmd_explain},
    {NULL, NULL},
};

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
        cli_put_usage(env->out, usage_text, strlen(usage_text));
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
        cli_put_usage(err, usage_text, strlen(usage_text));
        return EXIT_TROUBLE;
    }
    return output_status(&env, run_command(argc, argv, &env));
}

/* cli.h — the command line. main() is a thin wrapper around cpslint_main so
 * that tests and the fuzzing harness can run the whole program in-process.
 *
 * Each subcommand is a function with the same shape, parsing its own
 * options (getopt_long; optind is reset by the dispatcher):
 *     int cmd_NAME(int argc, char **argv, const cli_env *env);
 * argv[0] is the subcommand name. It returns an exit status.
 */
#ifndef CPSLINT_CLI_H
#define CPSLINT_CLI_H

#include <stdio.h>

enum {
    EXIT_CLEAN = 0,      /* nothing at or above --fail-on */
    EXIT_FINDINGS = 1,   /* nonconformities at or above --fail-on */
    EXIT_TROUBLE = 2     /* usage, input, ruleset or output error */
};

typedef struct cli_env {
    FILE *out;              /* standard output (reports) */
    FILE *err;              /* standard error (messages, progress) */
    const char *argv0;
    char data_dir[4096];    /* resolved lazily by cli_data_dir */
} cli_env;

int cpslint_main(int argc, char **argv, FILE *out, FILE *err);

/* The data directory (data.h), resolved on first use; NULL after printing
 * an error to env->err. */
const char *cli_data_dir(cli_env *env);

/* Print "cpslint: msg" to env->err; returns EXIT_TROUBLE. */
int cli_fail(const cli_env *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse a size: "65536", "64K", "64M", "1G". 0 on success, -1 if invalid. */
int cli_parse_size(const char *s, size_t *out);

/* Subcommands. */
int cmd_outline(int argc, char **argv, cli_env *env);
int cmd_check(int argc, char **argv, cli_env *env);
int cmd_rules(int argc, char **argv, cli_env *env);
int cmd_diff(int argc, char **argv, cli_env *env);

#endif

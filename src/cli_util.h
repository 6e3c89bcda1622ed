/* cli_util.h — what every command shares: its environment, messages on
 * stderr (escaped: see escape.h), option errors, the rule selection and its
 * loading, and the parsers of sizes, severities and the PDF timeout. The
 * dispatcher (cli.c) calls the commands; the commands call only this, so
 * there is no cycle between them.
 *
 * Each subcommand is a function with the same shape, parsing its own
 * options (getopt_long; optind is reset by the dispatcher):
 *     int cmd_NAME(int argc, char **argv, cli_env *env);
 * argv[0] is the subcommand name. It returns an exit status. Their
 * prototypes are here so that each cmd_NAME.c sees its own.
 *
 * Ownership: nothing here allocates for the caller except cli_load (its
 * outputs, freed by the caller).
 */
#ifndef CPSLINT_CLI_UTIL_H
#define CPSLINT_CLI_UTIL_H

#include <stddef.h>
#include <stdio.h>

#include "outline.h"
#include "ruleset.h"

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

/* The data directory (data.h), resolved on first use; NULL after printing
 * an error to env->err. */
const char *cli_data_dir(cli_env *env);

/* Print "cpslint: msg" to env->err, control characters escaped (a file
 * name cannot start a line of its own, nor a workflow command nor a
 * terminal escape); returns EXIT_TROUBLE. */
int cli_fail(const cli_env *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The same message, returning nothing (warnings). */
void cli_warn(const cli_env *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* After getopt_long returned c (':' missing value, '?' unknown option):
 * print which option is wrong and how to get help; returns EXIT_TROUBLE.
 * The optstring must start with ':'. */
int cli_option_error(const cli_env *env, const char *cmd, int c, char **argv);

/* The rule selection of every command that runs rules: --ruleset NAME|PATH
 * (repeatable) adds to the default rulesets (every installed one),
 * --only-ruleset NAME|PATH (repeatable) replaces them, --disable ID and
 * --enable ID (repeatable, applied in order). A toggle from a config file
 * carries its FILE:LINE for the error when no rule matches. Strings are
 * borrowed (argv, a config). */
#define CLI_MAX_RULESETS 64
#define CLI_MAX_TOGGLES 256
typedef struct cli_rules {
    const char *rulesets[CLI_MAX_RULESETS];   /* --ruleset: added */
    size_t nrulesets;
    const char *only[CLI_MAX_RULESETS];       /* --only-ruleset: instead of the defaults */
    size_t nonly;
    const char *toggle_id[CLI_MAX_TOGGLES];
    int toggle_on[CLI_MAX_TOGGLES];
    const char *toggle_file[CLI_MAX_TOGGLES]; /* NULL: the command line */
    long toggle_line[CLI_MAX_TOGGLES];
    size_t ntoggles;
} cli_rules;

/* Record --ruleset (what 'r'), --only-ruleset ('o'), --disable ('d') or
 * --enable ('e') arg. Returns 0, or EXIT_TROUBLE after printing why. */
int cli_rules_add(const cli_env *env, cli_rules *sel, int what, const char *arg);
/* The same for a toggle written at file:line. */
int cli_rules_add_at(const cli_env *env, cli_rules *sel, int what, const char *arg,
                     const char *file, long line);

/* Load the expected RFC 3647 outline into *spec and, when rs is not NULL,
 * the selected rulesets into *rs with the toggles applied. A name that is
 * not an installed ruleset is refused with the list of those that are.
 * Returns 0, or EXIT_TROUBLE after printing the error ("cpslint:
 * FILE:LINE: ..."), with *spec and *rs left freed. On success the caller
 * frees both (outline_spec_free, ruleset_free). */
int cli_load(cli_env *env, const cli_rules *sel, outline_spec *spec, ruleset *rs);

/* --kind KIND and --scope LIST (document profile, profile.h): what is
 * 'K' or 'S'. A wrong value is exit 2 naming the allowed values. kind
 * stays -1 and scopes 0 when not given. */
typedef struct cli_profile {
    int kind;
    unsigned scopes;
} cli_profile;
int cli_profile_add(const cli_env *env, const char *cmd, cli_profile *p, int what,
                    const char *arg);

/* Parse a size: "65536", "64K", "64M", "1G". 0 on success, -1 if invalid. */
int cli_parse_size(const char *s, size_t *out);

/* Write the usage text s[0..n) to f with the input formats' table
 * (input_formats.h) in place of its markers: @INPUTS@ the labels ("HTML,
 * XHTML, Markdown or PDF"), @INPUT_LIST@ the same with commas only,
 * @GLOBS@ the directory walk's globs ("*.html *.htm ..."), @INPUT_NAMES@
 * the names ("html, xhtml, markdown, pdf"). */
void cli_put_usage(FILE *f, const char *s, size_t n);

/* --color WHEN: -1 auto, 1 always, 0 never; -2 for anything else. */
int cli_parse_color(const char *s);

/* The one colour decision of every command: --color always (1) or never
 * (0) as given; auto (-1): on when the output goes to a terminal in a
 * format meant for one (to_terminal), TERM is not "dumb" and NO_COLOR is
 * unset or empty (no-color.org: an explicit option overrides NO_COLOR). */
int cli_use_color(int color, int to_terminal);

/* The one severity parser: "error", "warning", "notice" -> SEV_*; "never"
 * -> 0 when never_ok; -1 otherwise. */
int cli_parse_severity(const char *s, int never_ok);

/* --pdf-timeout SECONDS (1 to 86400) into *out; 0, or EXIT_TROUBLE after
 * printing why (cmd names the command). */
int cli_parse_pdf_timeout(const cli_env *env, const char *cmd, const char *s, unsigned *out);

/* --input-format NAME: the row of the table of input formats
 * (input_formats.h) called NAME into *out; 0, or EXIT_TROUBLE after
 * "CMD: unknown input format 'NAME' (html, xhtml, ...)" on stderr. */
struct input_format;
int cli_parse_input_format(const cli_env *env, const char *cmd, const char *s,
                           const struct input_format **out);

/* After getopt_long returned c with arg: when c is an option of opts that
 * takes a value and arg looks like another option ("--format", "-q"; "-"
 * alone and "-1" are values), print "CMD: --NAME needs a value: 'ARG' is an option"
 * and return EXIT_TROUBLE; else 0. getopt_long takes the next word as the
 * value whatever it is: this keeps "--as-of --format json" from reading
 * "--format" as a date. */
struct option;
int cli_value_missing(const cli_env *env, const char *cmd, const struct option *opts, int c,
                      const char *arg);

/* The one --as-of parser: YYYY-MM-DD, today (or now) into *out and 0;
 * doc (or document), when doc_ok, 1; otherwise -1 after printing why: a
 * well-formed but impossible date is "no such date", an existing file
 * "--as-of needs a date ... before the files" (the value swallowed a file
 * name), anything else "not YYYY-MM-DD, doc or today". */
int cli_parse_as_of(const cli_env *env, const char *cmd, const char *arg, int doc_ok,
                    cps_date *out);

/* Subcommands. */
int cmd_outline(int argc, char **argv, cli_env *env);
int cmd_check(int argc, char **argv, cli_env *env);
int cmd_rules(int argc, char **argv, cli_env *env);
int cmd_diff(int argc, char **argv, cli_env *env);
int cmd_history(int argc, char **argv, cli_env *env);
int cmd_explain(int argc, char **argv, cli_env *env);

#endif

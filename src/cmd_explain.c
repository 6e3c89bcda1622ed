/* cmd_explain.c — `cpslint explain RULE...` (also `cpslint rules RULE...`):
 * each rule in words (explain.h), the built-in cpslint.suppression.* ones
 * included (check.h). A rule id that no loaded ruleset has is exit 2, with the ids that start the same way when there are any. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "cli_util.h"
#include "explain.h"
#include "ruleset.h"

static const char explain_usage[] =
    "Usage: cpslint explain [options] RULE...\n"
    "Explain rules: what each requires and where it comes from (source,\n"
    "citation, dates), what it looks at, the examples that fire and do not,\n"
    "and what to write to comply.\n"
    "\n"
    "  --ruleset NAME    add cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH\n"
    "                    to the default rulesets, every installed one (repeatable)\n"
    "  --only-ruleset NAME\n"
    "                    only these rulesets, not the defaults (repeatable)\n"
    "  --rules-url URL   where your organisation publishes docs/rules.md: each\n"
    "                    rule is linked there\n"
    "  -h, --help        this help\n";

/* Ids of rs that start with the first two dot-separated parts of id. */
static void near_ids(const ruleset *rs, const char *id, buf *b)
{
    const char *dot = strchr(id, '.');
    size_t n = dot ? (size_t)(strchr(dot + 1, '.') ? strchr(dot + 1, '.') - id : (long)strlen(id))
                   : strlen(id);
    int k = 0;
    for (size_t i = 0; i < rs->n && k < 8; i++)
        if (!strncmp(rs->rules[i].id, id, n)) {
            buf_printf(b, "%s%s", k ? ", " : "", rs->rules[i].id);
            k++;
        }
}

int cmd_explain(int argc, char **argv, cli_env *env)
{
    static const struct option opts[] = {{"ruleset", required_argument, NULL, 'r'},
                                         {"only-ruleset", required_argument, NULL, 'o'},
                                         {"rules-url", required_argument, NULL, 'u'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    cli_rules sel;
    memset(&sel, 0, sizeof sel);
    const char *url = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'r':
        case 'o':
            if (cli_rules_add(env, &sel, c, optarg))
                return EXIT_TROUBLE;
            break;
        case 'u': url = optarg; break;
        case 'h': fputs(explain_usage, env->out); return EXIT_CLEAN;
        default: return cli_option_error(env, "explain", c, argv);
        }
    }
    if (optind >= argc)
        return cli_fail(env, "explain: which rule? (cpslint rules lists them)");
    outline_spec spec;
    ruleset rs;
    if (cli_load(env, &sel, &spec, &rs))
        return EXIT_TROUBLE;
    int status = EXIT_CLEAN;
    buf out = BUF_INIT;
    for (int i = optind; i < argc; i++) {
        const rule *r = ruleset_find(&rs, argv[i]);
        if (!r)
            r = check_builtin_rule(argv[i]);
        if (!r) {
            buf near = BUF_INIT;
            near_ids(&rs, argv[i], &near);
            status = cli_fail(env, "explain: no rule '%s'%s%s", argv[i],
                              near.len ? "; rules near it: " : " (cpslint rules lists them)",
                              near.len ? buf_cstr(&near) : "");
            buf_free(&near);
            continue;
        }
        if (out.len)
            buf_puts(&out, "\n");
        explain_rule(&out, r, url);
    }
    if (out.len)
        fputs(buf_cstr(&out), env->out);
    buf_free(&out);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return status;
}

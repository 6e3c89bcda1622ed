/* cmd_rules.c — `cpslint rules`: list the rules, or run their examples. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "cli.h"
#include "data.h"
#include "json.h"
#include "match.h"
#include "outline.h"
#include "ruleset.h"

static const char rules_usage[] =
    "Usage: cpslint rules [options]\n"
    "List the rules with id, severity, kind, dates and citation, or run\n"
    "their examples.\n"
    "\n"
    "  --test            run every example.bad (must fire) and example.good\n"
    "                    (must not) and print TAP lines; exit 1 if one fails\n"
    "  --ruleset NAME    cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH\n"
    "                    (repeatable; default: every installed ruleset)\n"
    "  --format FMT      text (default) or json (list only)\n"
    "  -h, --help        this help\n";

static void date_or(char out[11], cps_date d)
{
    date_format(d, out);
    if (!out[0])
        strcpy(out, "-");
}

static void list_text(FILE *f, const ruleset *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        char eff[11], until[11];
        date_or(eff, r->effective);
        date_or(until, r->until);
        fprintf(f, "%-30s %-7s %-9s %-10s %-10s %s%s\n", r->id, rule_severity_name(r->severity),
                rule_kind_name(r->kind), eff, until, r->cite, r->enabled ? "" : " [disabled]");
        fprintf(f, "    %s\n", r->title);
        if (r->doc_from != DATE_NONE || r->doc_until != DATE_NONE) {
            char a[11], b[11];
            date_or(a, r->doc_from);
            date_or(b, r->doc_until);
            fprintf(f, "    documents dated from %s until %s\n", a, b);
        }
    }
    fprintf(f, "%zu rules\n", rs->n);
}

static void list_json(FILE *f, const ruleset *rs)
{
    buf b = BUF_INIT;
    json_w w;
    json_init(&w, &b, 1);
    json_obj_begin(&w);
    json_key(&w, "rules");
    json_arr_begin(&w);
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        char d[11];
        json_obj_begin(&w);
        json_kv_str(&w, "id", r->id);
        json_kv_str(&w, "title", r->title);
        json_kv_str(&w, "severity", rule_severity_name(r->severity));
        json_kv_str(&w, "kind", rule_kind_name(r->kind));
        json_kv_str(&w, "source", r->source);
        json_kv_str(&w, "cite", r->cite);
        date_format(r->effective, d);
        json_kv_str(&w, "effective", d[0] ? d : NULL);
        date_format(r->until, d);
        json_kv_str(&w, "until", d[0] ? d : NULL);
        json_key(&w, "scope");
        json_arr_begin(&w);
        for (size_t k = 0; k < r->nscope; k++)
            json_str(&w, r->scope[k]);
        json_arr_end(&w);
        json_key(&w, "enabled");
        json_bool(&w, r->enabled);
        json_kv_str(&w, "file", r->file);
        json_kv_int(&w, "line", r->line);
        json_obj_end(&w);
    }
    json_arr_end(&w);
    json_obj_end(&w);
    buf_putc(&b, '\n');
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

static int run_tests(FILE *f, const ruleset *rs, const outline_spec *spec, cli_env *env)
{
    matcher m;
    cps_err e;
    cps_err_clear(&e);
    if (matcher_init(&m, 0, 0, 0, &e))
        return cli_fail(env, "%s", e.msg);
    size_t total = 0;
    for (size_t i = 0; i < rs->n; i++)
        total += rs->rules[i].nexamples;
    fprintf(f, "1..%zu\n", total);
    size_t n = 0, failed = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        for (size_t k = 0; k < r->nexamples; k++) {
            const rule_example *x = &r->examples[k];
            int fired = 0;
            char *detail = NULL;
            cps_err_clear(&e);
            int rc = check_example(r, x, spec, &m, &fired, &detail, &e);
            int ok = rc == 0 && fired == x->bad;
            n++;
            fprintf(f, "%s %zu - %s: example.%s.%s %s\n", ok ? "ok" : "not ok", n, r->id,
                    x->bad ? "bad" : "good", x->lang, x->bad ? "fires" : "passes");
            if (!ok) {
                failed++;
                fprintf(f, "# %s:%ld: %s\n", r->file, x->line, x->text);
                if (rc)
                    fprintf(f, "# error: %s\n", e.msg);
                else
                    fprintf(f, "# %s\n", fired ? (detail && *detail ? detail : "fired")
                                               : "did not fire");
            }
            free(detail);
        }
    }
    matcher_free(&m);
    fprintf(f, "# %zu examples, %zu failed\n", n, failed);
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

int cmd_rules(int argc, char **argv, cli_env *env)
{
    static const struct option opts[] = {
        {"test", no_argument, NULL, 't'},       {"ruleset", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int test = 0, json = 0;
    const char *names[64];
    size_t nnames = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 't': test = 1; break;
        case 'r':
            if (nnames == sizeof names / sizeof names[0])
                return cli_fail(env, "too many --ruleset options");
            names[nnames++] = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "json"))
                json = 1;
            else if (strcmp(optarg, "text"))
                return cli_fail(env, "rules: unknown format '%s' (text or json)", optarg);
            break;
        case 'h': fputs(rules_usage, env->out); return EXIT_CLEAN;
        case ':': return cli_fail(env, "rules: option %s needs a value", argv[optind - 1]);
        default: return cli_fail(env, "rules: unknown option %s (try --help)", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_fail(env, "rules: unexpected argument '%s'", argv[optind]);
    const char *dir = cli_data_dir(env);
    if (!dir)
        return EXIT_TROUBLE;
    cps_err e;
    cps_err_clear(&e);
    char path[4200];
    outline_spec spec;
    memset(&spec, 0, sizeof spec);
    if (data_path(dir, "rfc3647.outline", path, sizeof path, &e) ||
        outline_spec_load(path, &spec, &e))
        return cli_fail(env, "%s", e.msg);
    ruleset rs;
    ruleset_init(&rs);
    int rc = 0;
    if (nnames == 0)
        rc = ruleset_load_all(&rs, dir, &spec, &e);
    for (size_t i = 0; i < nnames && rc == 0; i++)
        rc = ruleset_load_named(&rs, names[i], dir, &spec, &e);
    int status;
    if (rc)
        status = cli_fail(env, "%s", e.msg);
    else if (test)
        status = run_tests(env->out, &rs, &spec, env);
    else {
        if (json)
            list_json(env->out, &rs);
        else
            list_text(env->out, &rs);
        status = EXIT_CLEAN;
    }
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return status;
}

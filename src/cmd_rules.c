/* cmd_rules.c — `cpslint rules`: list the rules, or run their examples. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "cli_util.h"
#include "data.h"
#include "json.h"
#include "match.h"
#include "outline.h"
#include "profile.h"
#include "ruleset.h"
#include "subject.h"

static const char rules_usage[] =
    "Usage: cpslint rules [options] [ID...]\n"
    "List the rules with id, severity, kind, dates and citation, or run\n"
    "their examples.\n"
    "\n"
    "  --test            run every example.bad (must fire) and example.good\n"
    "                    (must not), and each dated rule's bad examples the day\n"
    "                    before, the day of and the day after each of its dates;\n"
    "                    print TAP lines; exit 1 if one fails\n"
    "  --ruleset NAME    add cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH\n"
    "                    to the default rulesets, every installed one (repeatable)\n"
    "  --only-ruleset NAME\n"
    "                    only these rulesets, not the defaults (repeatable)\n"
    "  --disable ID      disable a rule, or a family by prefix (repeatable)\n"
    "  --enable ID       enable a rule shipped disabled (repeatable)\n"
    "  --format FMT      text (default), json or markdown (list only)\n"
    "  --kinds           list the rule kinds instead: the kind table, with the\n"
    "                    keys each needs and takes beyond the common ones\n"
    "  ID...             explain these rules instead (cpslint explain)\n"
    "  -h, --help        this help\n";

static void date_or(char out[11], cps_date d)
{
    date_format(d, out);
    if (!out[0])
        strcpy(out, "-");
}

/* "the CPS or a combined CP/CPS; TLS server and S/MIME certificates" */
static void applies_to(FILE *f, const rule *r)
{
    fputs(r->addressed_to == RULE_TO_CPS  ? "the CPS or a combined CP/CPS"
          : r->addressed_to == RULE_TO_CP ? "the CP or a combined CP/CPS"
                                          : "the CP or the CPS",
          f);
    if (!r->cert_scope) {
        fputs("; any certificates", f);
        return;
    }
    fputs("; ", f);
    int first = 1;
    for (unsigned bit = 1; bit <= PROFILE_SCOPE_OTHER; bit <<= 1)
        if (r->cert_scope & bit) {
            fprintf(f, "%s%s", first ? "" : " and ", profile_scope_label(bit));
            first = 0;
        }
    fputs(" certificates", f);
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
        fputs("    applies to ", f);
        applies_to(f, r);
        fputc('\n', f);
        if (r->kind == KIND_MANUAL)
            fprintf(f, "    not decidable from the text: %s\n", r->message);
        if (r->uncertain)
            fprintf(f, "    uncertain: %s\n", r->uncertain);
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
        json_kv_str(&w, "addressed_to", rule_addressed_to_name(r->addressed_to));
        json_key(&w, "cert_scope");
        json_arr_begin(&w);
        for (unsigned bit = 1; bit <= PROFILE_SCOPE_OTHER; bit <<= 1)
            if (r->cert_scope & bit)
                json_str(&w, profile_scope_name(bit));
        json_arr_end(&w);
        date_format(r->effective, d);
        json_kv_str(&w, "effective", d[0] ? d : NULL);
        date_format(r->until, d);
        json_kv_str(&w, "until", d[0] ? d : NULL);
        json_key(&w, "scope");
        json_arr_begin(&w);
        for (size_t k = 0; k < r->nscope; k++)
            json_str(&w, r->scope[k]);
        json_arr_end(&w);
        if (r->subject) {
            char sb[96];
            json_kv_str(&w, "subject", subject_names(r->subject, sb, sizeof sb));
        }
        json_kv_str(&w, "message", r->message);
        json_kv_str(&w, "uncertain", r->uncertain);
        if (r->nsteps) {
            json_kv_str(&w, "limit", r->limit_min ? "min" : "max");
            json_key(&w, "schedule");
            json_arr_begin(&w);
            for (size_t k = 0; k < r->nsteps; k++) {
                json_obj_begin(&w);
                date_format(r->steps[k].from, d);
                json_kv_str(&w, "from", d[0] ? d : NULL);
                json_kv_int(&w, "value", r->steps[k].value);
                char u[2] = {r->steps[k].unit, 0};
                json_kv_str(&w, "unit", u);
                json_obj_end(&w);
            }
            json_arr_end(&w);
        }
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

static const char *base_name(const char *p)
{
    const char *s = p ? strrchr(p, '/') : NULL;
    return s ? s + 1 : (p ? p : "");
}

/* Markdown table cells: no '|' or newlines. */
static void md_cell(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else if (*s == '\n')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
}

static void md_schedule(FILE *f, const rule *r)
{
    fprintf(f, "%s ", r->limit_min ? "at least" : "at most");
    for (size_t k = 0; k < r->nsteps; k++) {
        char d[11];
        date_format(r->steps[k].from, d);
        fprintf(f, "%s%d %s%s%s", k ? "; " : "", r->steps[k].value, date_unit_name(r->steps[k].unit, r->steps[k].value),
                d[0] ? " from " : "", d);
    }
}

static void md_scope(FILE *f, const rule *r)
{
    for (size_t k = 0; k < r->nscope; k++)
        fprintf(f, "%s%s", k ? ", " : "", strcmp(r->scope[k], "doc") ? r->scope[k] : "document");
}

static void list_markdown(FILE *f, const ruleset *rs)
{
    size_t sev[4] = {0}, manual = 0, uncertain = 0;
    for (size_t i = 0; i < rs->n; i++) {
        sev[rs->rules[i].severity]++;
        manual += rs->rules[i].kind == KIND_MANUAL;
        uncertain += rs->rules[i].uncertain != NULL;
    }
    fprintf(f, "# cpslint rules\n\n"
               "<!-- Generated by `make docs` (scripts/gen-docs.sh) from rulesets/*.rules with\n"
               "     `cpslint rules --format markdown`. Do not edit: edit the rulesets. -->\n\n");
    fprintf(f, "%zu rules: %zu error (MUST), %zu warning (SHOULD or probable), %zu notice "
               "(good practice); %zu cannot be decided from the text (kind `manual`, status "
               "`n/a`); %zu have an uncertain source or date.\n\n",
            rs->n, sev[SEV_ERROR], sev[SEV_WARNING], sev[SEV_NOTICE], manual, uncertain);
    fprintf(f, "Dates: `effective` is inclusive, `until` exclusive; before `effective` a rule "
               "is `not-effective`, or `upcoming` (a warning) within 180 days if it would "
               "fail. Limits: years count 365 to 366 days and months 28 to 31 days; a value "
               "whose smallest reading is beyond the limit is an error, one whose largest "
               "reading only is beyond it a warning. The rules file format is in "
               "[rules-format.md](rules-format.md).\n\n");
    for (size_t fi = 0; fi < rs->nfiles; fi++) {
        const char *file = rs->files[fi];
        fprintf(f, "## %s\n\n", base_name(file));
        fprintf(f, "| id | severity | kind | where | effective | until | citation |\n"
                   "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (size_t i = 0; i < rs->n; i++) {
            const rule *r = &rs->rules[i];
            if (r->file != file)
                continue;
            char e1[11], e2[11];
            date_or(e1, r->effective);
            date_or(e2, r->until);
            fprintf(f, "| [`%s`](#", r->id);
            for (const char *c = r->id; *c; c++)
                if (*c != '.')
                    fputc(*c, f);
            fprintf(f, ") | %s | %s | ", rule_severity_name(r->severity), rule_kind_name(r->kind));
            md_scope(f, r);
            fprintf(f, " | %s | %s | ", e1, e2);
            md_cell(f, r->cite);
            fprintf(f, "%s |\n", r->uncertain ? " (uncertain)" : "");
        }
        fputc('\n', f);
        for (size_t i = 0; i < rs->n; i++) {
            const rule *r = &rs->rules[i];
            if (r->file != file)
                continue;
            fprintf(f, "### %s\n\n", r->id);
            fprintf(f, "%s\n\n", r->title);
            fprintf(f, "- **%s**, kind `%s`%s; where: ", rule_severity_name(r->severity),
                    rule_kind_name(r->kind), r->enabled ? "" : " (shipped disabled)");
            md_scope(f, r);
            fputc('\n', f);
            fprintf(f, "- applies to `addressed-to = %s`, `cert-scope = ",
                    rule_addressed_to_name(r->addressed_to));
            char cs[64];
            profile_scopes_str(r->cert_scope, cs, sizeof cs);
            fprintf(f, "%s`: ", r->cert_scope ? cs : "any");
            applies_to(f, r);
            fputs(" (elsewhere `n/a`: README, \"Document profile\")\n", f);
            char e1[11], e2[11];
            date_format(r->effective, e1);
            date_format(r->until, e2);
            if (e1[0] || e2[0])
                fprintf(f, "- in force%s%s%s%s\n", e1[0] ? " from " : "", e1,
                        e2[0] ? " until (excluded) " : "", e2);
            if (r->doc_from != DATE_NONE || r->doc_until != DATE_NONE) {
                date_format(r->doc_from, e1);
                date_format(r->doc_until, e2);
                fprintf(f, "- for documents dated%s%s%s%s\n", e1[0] ? " from " : "", e1,
                        e2[0] ? " before " : "", e2);
            }
            if (r->subject) {
                char sb[96];
                if ((r->subject & SUBJ_ANY) == SUBJ_ANY)
                    fprintf(f, "- about: certificates of every class\n");
                else
                    fprintf(f, "- about: %s certificates\n", subject_names(r->subject, sb, sizeof sb));
            }
            if (r->nsteps) {
                fprintf(f, "- limit: ");
                md_schedule(f, r);
                fputc('\n', f);
            }
            fprintf(f, "- source: %s; citation: %s\n", r->source ? r->source : "-", r->cite);
            if (r->kind == KIND_MANUAL)
                fprintf(f, "- **not decidable from the text**: %s\n", r->message);
            else
                fprintf(f, "- message: %s\n", r->message);
            if (r->description)
                fprintf(f, "- %s\n", r->description);
            if (r->uncertain)
                fprintf(f, "- **uncertain**: %s\n", r->uncertain);
            fputc('\n', f);
        }
    }
    fprintf(f, "## Rules that text cannot decide\n\n");
    for (size_t i = 0; i < rs->n; i++)
        if (rs->rules[i].kind == KIND_MANUAL)
            fprintf(f, "- `%s`: %s\n", rs->rules[i].id, rs->rules[i].message);
    fprintf(f, "\n## Rules with an uncertain source or date\n\n");
    for (size_t i = 0; i < rs->n; i++)
        if (rs->rules[i].uncertain)
            fprintf(f, "- `%s`: %s\n", rs->rules[i].id, rs->rules[i].uncertain);
}

static int boundary_case(FILE *f, size_t *n, const rule *r, const rule_example *x,
                         const outline_spec *spec, matcher *m, cps_date as_of, int want_fail,
                         const char *what, cps_date at)
{
    cps_err e;
    cps_err_clear(&e);
    check_status st = ST_PASS;
    char *detail = NULL;
    int rc = check_example_at(r, x, spec, m, as_of, &st, &detail, &e);
    int ok = rc == 0 && (want_fail ? st == ST_FAIL : st != ST_FAIL && st != ST_ERROR);
    char d1[11], d2[11];
    date_format(as_of, d1);
    date_format(at, d2);
    (*n)++;
    fprintf(f, "%s %zu - %s: example.%s.%s as of %s (%s %s) %s\n", ok ? "ok" : "not ok", *n,
            r->id, x->bad ? "bad" : "good", x->lang, d1, what, d2,
            want_fail ? "fails" : "does not fail");
    if (!ok) {
        fprintf(f, "# %s:%ld: %s\n", r->file, x->line, x->text);
        fprintf(f, "# %s\n", rc ? e.msg : (detail ? detail : check_status_name(st)));
    }
    free(detail);
    return ok ? 0 : 1;
}

/* Date boundaries: every dated rule's bad examples the day before, the
 * day of and the day after each of its dates. Limit rules: each step's
 * example.bad@D as of D-1 (passes or is upcoming), D and D+1 (fails). */
static size_t run_boundaries(FILE *f, size_t *n, const rule *r, const outline_spec *spec,
                             matcher *m)
{
    size_t failed = 0;
    for (size_t k = 0; k < r->nexamples; k++) {
        const rule_example *x = &r->examples[k];
        if (r->kind == KIND_LIMIT) {
            for (size_t s = 0; s < r->nsteps; s++) {
                cps_date d = r->steps[s].from;
                if (d == DATE_NONE || x->as_of != d)
                    continue;
                int loosens = ruleset_step_loosens(r, s);
                if (x->bad == loosens)
                    continue;
                /* tightening: bad from D; loosening: good from D, bad before */
                failed += boundary_case(f, n, r, x, spec, m, d - 1, loosens, "day before", d);
                failed += boundary_case(f, n, r, x, spec, m, d, !loosens, "day of", d);
                failed += boundary_case(f, n, r, x, spec, m, d + 1, !loosens, "day after", d);
            }
            continue;
        }
        if (!x->bad)
            continue;
        if (x->as_of != DATE_NONE)
            continue;
        if (r->effective != DATE_NONE) {
            cps_date d = r->effective;
            if (r->strict_from != DATE_NONE && r->strict_from > d) {
                /* a language rule: some examples fail only once the English
                 * version must be authoritative; test that date for them */
                cps_err e;
                cps_err_clear(&e);
                check_status st = ST_PASS;
                if (check_example_at(r, x, spec, m, d, &st, NULL, &e) == 0 && st != ST_FAIL)
                    d = r->strict_from;
            }
            failed += boundary_case(f, n, r, x, spec, m, d - 1, 0, "day before", d);
            failed += boundary_case(f, n, r, x, spec, m, d, 1, "day of", d);
            if (r->until == DATE_NONE || d + 1 < r->until)
                failed += boundary_case(f, n, r, x, spec, m, d + 1, 1, "day after", d);
        }
        if (r->until != DATE_NONE) {
            cps_date d = r->until;
            failed += boundary_case(f, n, r, x, spec, m, d - 1, 1, "day before", d);
            failed += boundary_case(f, n, r, x, spec, m, d, 0, "day of", d);
            failed += boundary_case(f, n, r, x, spec, m, d + 1, 0, "day after", d);
        }
    }
    return failed;
}

static int run_tests(FILE *f, const ruleset *rs, const outline_spec *spec, cli_env *env)
{
    matcher m;
    cps_err e;
    cps_err_clear(&e);
    if (matcher_init(&m, 0, 0, 0, &e))
        return cli_fail(env, "%s", e.msg);
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
            char at[16] = "";
            if (x->as_of != DATE_NONE) {
                at[0] = '@';
                date_format(x->as_of, at + 1);
            }
            fprintf(f, "%s %zu - %s: example.%s.%s%s %s\n", ok ? "ok" : "not ok", n, r->id,
                    x->bad ? "bad" : "good", x->lang, at, x->bad ? "fires" : "passes");
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
        failed += run_boundaries(f, &n, r, spec, &m);
    }
    matcher_free(&m);
    fprintf(f, "1..%zu\n", n);
    fprintf(f, "# %zu tests (examples and date boundaries), %zu failed\n", n, failed);
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* "name  summary" and the keys beyond the common ones, from the kind table. */
static void list_kinds(FILE *f)
{
    for (rule_kind k = 1; k <= check_kind_count(); k++) {
        const check_kind_info *ki = check_kind(k);
        buf line = BUF_INIT; /* a summary may name the input formats */
        buf_printf(&line, "%-12s %s%s\n", ki->name, ki->summary, ki->examples ? "" : " (no examples)");
        cli_put_usage(f, line.ptr, line.len);
        buf_free(&line);
        for (int pass = 0; pass < 2; pass++) {
            unsigned bits = pass ? ki->takes & ~ki->needs : ki->needs;
            if (!bits)
                continue;
            fprintf(f, "%-12s %s", "", pass ? "also takes: " : "needs: ");
            const char *sep = "";
            for (unsigned b = 1; b; b <<= 1)
                if (bits & b) {
                    fprintf(f, "%s%s", sep, rule_key_name(b));
                    sep = "; ";
                }
            fputc('\n', f);
        }
    }
}

int cmd_rules(int argc, char **argv, cli_env *env)
{
    static const struct option opts[] = {
        {"test", no_argument, NULL, 't'},       {"ruleset", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        {"disable", required_argument, NULL, 'd'}, {"enable", required_argument, NULL, 'e'},
        {"only-ruleset", required_argument, NULL, 'o'}, {"kinds", no_argument, NULL, 'k'},
        {NULL, 0, NULL, 0}};
    int test = 0, json = 0, markdown = 0;
    cli_rules sel;
    memset(&sel, 0, sizeof sel);
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 't': test = 1; break;
        case 'k': list_kinds(env->out); return EXIT_CLEAN;
        case 'r':
        case 'o':
        case 'd':
        case 'e':
            if (cli_rules_add(env, &sel, c, optarg))
                return EXIT_TROUBLE;
            break;
        case 'f':
            json = markdown = 0;
            if (!strcmp(optarg, "json"))
                json = 1;
            else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
                markdown = 1;
            else if (strcmp(optarg, "text"))
                return cli_fail(env, "rules: unknown format '%s' (text, json or markdown)", optarg);
            break;
        case 'h': fputs(rules_usage, env->out); return EXIT_CLEAN;
        default: return cli_option_error(env, "rules", c, argv);
        }
    }
    if (optind < argc) {
        /* cpslint rules ID...: explain them (cmd_explain.c), same selection */
        if (test || json || markdown)
            return cli_fail(env, "rules: --test and --format list all rules; 'cpslint rules ID' "
                                 "explains one");
        char **av = xcalloc((size_t)(argc - optind) + 2 + 2 * (sel.nrulesets + sel.nonly),
                            sizeof *av);
        size_t k = 0;
        av[k++] = (char *)"explain";
        for (size_t i = 0; i < sel.nrulesets; i++) {
            av[k++] = (char *)"--ruleset";
            av[k++] = (char *)sel.rulesets[i];
        }
        for (size_t i = 0; i < sel.nonly; i++) {
            av[k++] = (char *)"--only-ruleset";
            av[k++] = (char *)sel.only[i];
        }
        for (int i = optind; i < argc; i++)
            av[k++] = argv[i];
        optind = 0;
        int rc = cmd_explain((int)k, av, env);
        free(av);
        return rc;
    }
    outline_spec spec;
    ruleset rs;
    if (cli_load(env, &sel, &spec, &rs))
        return EXIT_TROUBLE;
    int status;
    if (test)
        status = run_tests(env->out, &rs, &spec, env);
    else {
        if (json)
            list_json(env->out, &rs);
        else if (markdown)
            list_markdown(env->out, &rs);
        else
            list_text(env->out, &rs);
        status = EXIT_CLEAN;
    }
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return status;
}

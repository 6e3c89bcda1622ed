/* cmd_check.c — `cpslint [check] FILE...`: the nonconformity checklist.
 *
 * Exit status: 0 when no finding at or above --fail-on; 1 when one is;
 * 2 for usage, input, ruleset or output errors, and when a rule could not
 * run (status "error": a PCRE2 limit was hit), since the check is then
 * incomplete and a clean result cannot be claimed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"
#include "cli.h"
#include "data.h"
#include "match.h"
#include "report.h"
#include "ruleset.h"

/* Defined in cmd_outline.c. */

static const char check_usage[] =
    "Usage: cpslint [check] [options] FILE...\n"
    "Check CP/CPS documents (HTML, XHTML; - for stdin) against the rulesets and\n"
    "print the nonconformity checklist: every rule with its status (fail,\n"
    "upcoming, error, pass, n/a, not-effective) and, under each failure, the\n"
    "section, line, quoted sentence, message and citation.\n"
    "\n"
    "  --as-of WHEN        DATE (YYYY-MM-DD), doc (the document's own date) or\n"
    "                      today (default)\n"
    "  --ruleset NAME      cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH\n"
    "                      (repeatable; default: every installed ruleset)\n"
    "  --disable ID        disable a rule, or a family by prefix (repeatable)\n"
    "  --enable ID         enable a rule disabled by default (repeatable)\n"
    "  --format FMT        text (default) or json\n"
    "  -o, --output FILE   write the report to FILE (complete or not at all)\n"
    "  --fail-on LEVEL     error (default), warning, notice or never\n"
    "  --translation FILE  the English version of a non-English document\n"
    "  --pair              FILEs come in pairs: ORIGINAL ENGLISH-VERSION (each\n"
    "                      original is checked with its English version)\n"
    "  --color WHEN        auto (default: on a terminal, not with NO_COLOR),\n"
    "                      always or never\n"
    "  -q, --quiet         print only the summary line\n"
    "  -v, --verbose       also print why rules were n/a or not effective\n"
    "  --max-size N        refuse input larger than N bytes (suffix K, M, G)\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 nothing at or above --fail-on, 1 nonconformities at or\n"
    "above it, 2 usage, input, ruleset or output error, or a rule that could\n"
    "not run.\n";

enum { OPT_AS_OF = 256, OPT_RULESET, OPT_DISABLE, OPT_ENABLE, OPT_FORMAT, OPT_FAIL_ON,
       OPT_TRANSLATION, OPT_COLOR, OPT_MAX_SIZE, OPT_PAIR };

typedef struct toggle {
    const char *id;
    int enable;
} toggle;

typedef struct check_opts {
    int as_of_doc;
    cps_date as_of;
    const char *rulesets[64];
    size_t nrulesets;
    toggle toggles[256];
    size_t ntoggles;
    int json;
    const char *output;
    int fail_on;        /* minimum severity that fails; 0 = never */
    const char *translation;
    int pair;           /* --pair: files are ORIGINAL ENGLISH pairs */
    int color;          /* -1 auto, 0 never, 1 always */
    int quiet, verbose;
    size_t max_size;
} check_opts;

/* Write data to path atomically: a temporary file in the same directory,
 * flushed, then renamed over path. */
static int write_atomic(const char *path, const char *data, size_t n, cps_err *e)
{
    buf tmp = BUF_INIT;
    const char *slash = strrchr(path, '/');
    if (slash)
        buf_printf(&tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
    else
        buf_printf(&tmp, ".%s.XXXXXX", path);
    char *t = buf_detach(&tmp);
    int fd = mkstemp(t);
    if (fd < 0) {
        int rc = cps_err_set(e, CPS_E_IO, path, 0, "cannot create a temporary file: %s",
                             strerror(errno));
        free(t);
        return rc;
    }
    mode_t um = umask(0);
    umask(um);
    (void)fchmod(fd, 0666 & ~um);
    size_t off = 0;
    while (off < n) {
        ssize_t k = write(fd, data + off, n - off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        off += (size_t)k;
    }
    int bad = off < n || fsync(fd) != 0;
    int saved = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad && rename(t, path) != 0) {
        bad = 1;
        saved = errno;
    }
    int rc = 0;
    if (bad) {
        unlink(t);
        rc = cps_err_set(e, CPS_E_IO, path, 0, "cannot write: %s", strerror(saved));
    }
    free(t);
    return rc;
}

static int parse_args(int argc, char **argv, cli_env *env, check_opts *o)
{
    static const struct option opts[] = {
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"ruleset", required_argument, NULL, OPT_RULESET},
        {"disable", required_argument, NULL, OPT_DISABLE},
        {"enable", required_argument, NULL, OPT_ENABLE},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"output", required_argument, NULL, 'o'},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"translation", required_argument, NULL, OPT_TRANSLATION},
        {"pair", no_argument, NULL, OPT_PAIR},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"max-size", required_argument, NULL, OPT_MAX_SIZE},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, ":o:qvh", opts, NULL)) != -1) {
        switch (c) {
        case OPT_AS_OF:
            if (!strcmp(optarg, "doc") || !strcmp(optarg, "document"))
                o->as_of_doc = 1;
            else if (!strcmp(optarg, "today") || !strcmp(optarg, "now"))
                o->as_of = date_today();
            else if ((o->as_of = date_parse_iso(optarg)) == DATE_NONE)
                return cli_fail(env, "--as-of: '%s' is not YYYY-MM-DD, doc or today", optarg);
            else
                o->as_of_doc = 0;
            break;
        case OPT_RULESET:
            if (o->nrulesets == sizeof o->rulesets / sizeof o->rulesets[0])
                return cli_fail(env, "too many --ruleset options");
            o->rulesets[o->nrulesets++] = optarg;
            break;
        case OPT_DISABLE:
        case OPT_ENABLE:
            if (o->ntoggles == sizeof o->toggles / sizeof o->toggles[0])
                return cli_fail(env, "too many --disable/--enable options");
            o->toggles[o->ntoggles].id = optarg;
            o->toggles[o->ntoggles++].enable = c == OPT_ENABLE;
            break;
        case OPT_FORMAT:
            if (!strcmp(optarg, "json"))
                o->json = 1;
            else if (!strcmp(optarg, "text"))
                o->json = 0;
            else
                return cli_fail(env, "--format: '%s' is not text or json", optarg);
            break;
        case 'o': o->output = optarg; break;
        case OPT_FAIL_ON:
            if (!strcmp(optarg, "error"))
                o->fail_on = SEV_ERROR;
            else if (!strcmp(optarg, "warning"))
                o->fail_on = SEV_WARNING;
            else if (!strcmp(optarg, "notice"))
                o->fail_on = SEV_NOTICE;
            else if (!strcmp(optarg, "never"))
                o->fail_on = 0;
            else
                return cli_fail(env, "--fail-on: '%s' is not error, warning, notice or never",
                                optarg);
            break;
        case OPT_TRANSLATION: o->translation = optarg; break;
        case OPT_PAIR: o->pair = 1; break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto"))
                o->color = -1;
            else if (!strcmp(optarg, "always"))
                o->color = 1;
            else if (!strcmp(optarg, "never"))
                o->color = 0;
            else
                return cli_fail(env, "--color: '%s' is not auto, always or never", optarg);
            break;
        case 'q': o->quiet = 1; break;
        case 'v': o->verbose = 1; break;
        case OPT_MAX_SIZE:
            if (cli_parse_size(optarg, &o->max_size))
                return cli_fail(env, "--max-size: '%s' is not a size (e.g. 64M)", optarg);
            break;
        case 'h': fputs(check_usage, env->out); return -1;
        case ':': return cli_fail(env, "option %s needs a value", argv[optind - 1]);
        default: return cli_fail(env, "unknown option %s (try 'cpslint check --help')",
                                 argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_fail(env, "no input file (try 'cpslint check --help')");
    if (o->pair && o->translation)
        return cli_fail(env, "--pair and --translation exclude each other");
    if (o->pair && (argc - optind) % 2)
        return cli_fail(env, "--pair needs files in pairs: ORIGINAL ENGLISH-VERSION ...");
    return 0;
}

static int use_color(const check_opts *o, const cli_env *env)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return 0;
    if (o->color >= 0)
        return o->color;
    return !o->output && isatty(fileno(env->out));
}

int cmd_check(int argc, char **argv, cli_env *env)
{
    check_opts o;
    memset(&o, 0, sizeof o);
    o.as_of = date_today();
    o.fail_on = SEV_ERROR;
    o.color = -1;
    int prc = parse_args(argc, argv, env, &o);
    if (prc < 0)
        return EXIT_CLEAN; /* --help */
    if (prc)
        return prc;
    const char *dir = cli_data_dir(env);
    if (!dir)
        return EXIT_TROUBLE;

    int status = EXIT_CLEAN;
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
    if (o.nrulesets == 0)
        rc = ruleset_load_all(&rs, dir, &spec, &e);
    for (size_t i = 0; i < o.nrulesets && rc == 0; i++)
        rc = ruleset_load_named(&rs, o.rulesets[i], dir, &spec, &e);
    for (size_t i = 0; i < o.ntoggles && rc == 0; i++)
        if (ruleset_set_enabled(&rs, o.toggles[i].id, o.toggles[i].enable, &e) < 0)
            rc = -1;
    matcher m;
    memset(&m, 0, sizeof m);
    if (rc == 0)
        rc = matcher_init(&m, 0, 0, 0, &e);
    if (rc) {
        cli_fail(env, "%s", e.msg);
        ruleset_free(&rs);
        outline_spec_free(&spec);
        return EXIT_TROUBLE;
    }

    analysis_opts aopts;
    memset(&aopts, 0, sizeof aopts);
    aopts.max_size = o.max_size;
    analysis translation;
    int have_translation = 0;
    if (o.translation) {
        if (analysis_run(o.translation, &spec, &aopts, &translation, &e) != 0) {
            cli_fail(env, "%s", e.msg);
            status = EXIT_TROUBLE;
            goto out;
        }
        have_translation = 1;
    }

    size_t nfiles = (size_t)(argc - optind);
    analysis *docs = xcalloc(nfiles, sizeof *docs);
    analysis *pair_en = xcalloc(nfiles, sizeof *pair_en); /* --pair: English of docs[i] */
    check_result *results = xcalloc(nfiles, sizeof *results);
    report_doc *rds = xcalloc(nfiles, sizeof *rds);
    size_t nd = 0;
    int rule_errors = 0;
    cps_date report_as_of = o.as_of_doc ? DATE_NONE : o.as_of;
    for (size_t i = 0; i < nfiles; i++) {
        const char *file = argv[optind + (int)i];
        const char *en_file = o.pair ? argv[optind + (int)++i] : o.translation;
        cps_err_clear(&e);
        if (analysis_run(file, &spec, &aopts, &docs[nd], &e) != 0) {
            cli_fail(env, "%s", e.msg);
            status = EXIT_TROUBLE;
            continue;
        }
        if (o.pair && analysis_run(en_file, &spec, &aopts, &pair_en[nd], &e) != 0) {
            cli_fail(env, "%s", e.msg);
            status = EXIT_TROUBLE;
            analysis_free(&docs[nd]);
            continue;
        }
        analysis *a = &docs[nd];
        cps_date as_of = o.as_of;
        if (o.as_of_doc) {
            if (a->meta.date != DATE_NONE) {
                as_of = a->meta.date;
            } else {
                as_of = date_today();
                fprintf(env->err, "cpslint: %s: no document date found; --as-of doc uses today\n",
                        file);
            }
            if (nd == 0)
                report_as_of = as_of;
            else if (report_as_of != as_of)
                report_as_of = DATE_NONE;
        }
        check_input in = {a, o.pair ? &pair_en[nd] : have_translation ? &translation : NULL,
                          as_of, &spec};
        check_run(&rs, &in, &m, &results[nd], &e);
        rule_errors += results[nd].by_status[ST_ERROR] > 0;
        rds[nd].a = a;
        rds[nd].res = &results[nd];
        rds[nd].translation = en_file;
        nd++;
    }

    if (nd > 0) {
        buf out = BUF_INIT;
        report_opts ro = {use_color(&o, env), o.quiet, o.verbose};
        if (o.json)
            report_json(&out, rds, nd, report_as_of);
        else
            report_text(&out, rds, nd, report_as_of, &ro);
        if (o.output) {
            cps_err_clear(&e);
            if (write_atomic(o.output, buf_cstr(&out), out.len, &e)) {
                cli_fail(env, "%s", e.msg);
                status = EXIT_TROUBLE;
            }
        } else {
            fputs(buf_cstr(&out), env->out);
            if (fflush(env->out) != 0) {
                cli_fail(env, "cannot write the report: %s", strerror(errno));
                status = EXIT_TROUBLE;
            }
        }
        buf_free(&out);
        for (size_t i = 0; i < nd; i++)
            if (rule_errors)
                for (size_t k = 0; k < results[i].nitems; k++)
                    if (results[i].items[k].status == ST_ERROR)
                        fprintf(env->err, "cpslint: %s: rule %s could not run: %s\n",
                                docs[i].d.file, results[i].items[k].rule->id,
                                results[i].items[k].note ? results[i].items[k].note : "");
    }
    if (status == EXIT_CLEAN) {
        if (rule_errors)
            status = EXIT_TROUBLE;
        else if (o.fail_on)
            for (size_t i = 0; i < nd; i++)
                if (check_worst_severity(&results[i]) >= o.fail_on)
                    status = EXIT_FINDINGS;
    }
    for (size_t i = 0; i < nd; i++) {
        check_result_free(&results[i]);
        analysis_free(&docs[i]);
        if (o.pair)
            analysis_free(&pair_en[i]);
    }
    free(docs);
    free(pair_en);
    free(results);
    free(rds);
out:
    if (have_translation)
        analysis_free(&translation);
    matcher_free(&m);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return status;
}

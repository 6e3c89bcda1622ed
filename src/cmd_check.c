/* cmd_check.c — `cpslint [check] FILE|DIR...`: the nonconformity checklist.
 *
 * Inputs are files and directories (recursing, in name order, into the
 * input formats' files, inputs.h; hidden entries and
 * symbolic links to directories are skipped); "-" is standard input. With
 * -j N, N worker threads check them, each with its own matcher (PCRE2
 * match data); the ruleset, outline spec and translation are shared
 * read-only (the translation's matching text is built before the
 * threads start). Results are kept per input and reported in input order
 * in one report, so -j never changes the output. An input that cannot be
 * read or parsed is an error entry in the report (exit 2) and the others
 * are still checked and reported.
 *
 * Exit status: 0 when no unbaselined finding at or above --fail-on (or
 * --exit-zero); 1 when one is; 2 for usage, input, ruleset, baseline or
 * output errors, and when a rule could not run (status "error": a PCRE2
 * limit was hit), since the check is then incomplete and a clean result
 * cannot be claimed. --exit-zero does not hide 2.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "analysis.h"
#include "baseline.h"
#include "buf.h"
#include "check.h"
#include "cli_util.h"
#include "config.h"
#include "data.h"
#include "markdown.h"
#include "escape.h"
#include "input_formats.h"
#include "inputs.h"
#include "match.h"
#include "profile.h"
#include "outfile.h"
#include "report.h"
#include "ruleset.h"

static const char check_usage[] =
    "Usage: cpslint [check] [options] FILE|DIR...\n"
    "Check CP/CPS documents (@INPUT_LIST@; - for stdin; directories are searched\n"
    "for @GLOBS@) against the rulesets and\n"
    "print the nonconformity checklist: every rule with its status (fail,\n"
    "upcoming, error, pass, n/a, not-effective) and, under each failure, the\n"
    "section, line, quoted sentence, message and citation.\n"
    "\n"
    "  --as-of WHEN        DATE (YYYY-MM-DD), doc (the document's own date; a\n"
    "                      document without one is an error) or today (default)\n"
    "  --ruleset NAME      add cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH\n"
    "                      to the default rulesets, every installed one (repeatable)\n"
    "  --only-ruleset NAME\n"
    "                      only these rulesets, not the defaults (repeatable)\n"
    "  --disable ID        disable a rule, or a family by prefix (repeatable)\n"
    "  --enable ID         enable a rule disabled by default (repeatable)\n"
    "  --config FILE       settings from FILE instead of the .cpslint found from\n"
    "                      the current directory up to the repository's top\n"
    "  --no-config         ignore any .cpslint file (options override the file)\n"
    "@FORMATS@"
    "  -o, --output FILE   write the report to FILE (complete or not at all)\n"
    "  --min-level LEVEL   show findings of LEVEL and above: notice (default),\n"
    "                      warning or error (does not change what fails)\n"
    "  --fail-on LEVEL     error (default), warning, notice or never\n"
    "  --exit-zero         exit 0 even when findings fail (2 still means trouble)\n"
    "  --baseline FILE     accepted findings (JSON, see docs/ci.md) do not fail\n"
    "  --write-baseline FILE  write every current finding to FILE as a baseline\n"
    "                      whose reasons must then be filled in\n"
    "  -j, --jobs N        check N documents at a time (default 1)\n"
    "  --exclude GLOB      in directories, skip files and directories whose path\n"
    "                      or name matches GLOB (repeatable); README, CHANGELOG,\n"
    "                      LICENSE and CONTRIBUTING files are always skipped there\n"
    "  --translation FILE  the English version of a non-English document\n"
    "  --pair              FILEs come in pairs: ORIGINAL ENGLISH-VERSION (each\n"
    "                      original is checked with its English version)\n"
    "  --color WHEN        auto (default: colour on a terminal whose TERM is not\n"
    "                      dumb, and not with NO_COLOR set), always or never\n"
    "  -q, --quiet         print only the summary line\n"
    "  --show-all          also list the rules that passed, were n/a or not\n"
    "                      effective (by default one line counts them)\n"
    "  -v, --verbose       --show-all, with why rules passed or were not effective\n"
    "  --show-evidence     list the passing rules with the sentences that\n"
    "                      satisfied them\n"
    "  --kind KIND         what the document is, instead of detecting it: cp, cps,\n"
    "                      cp-cps or not-a-policy\n"
    "  --scope LIST        its certificate scopes, instead of detecting them: a\n"
    "                      comma-separated list of tls-server, smime, code-signing, other\n"
    "  --max-size N        refuse input larger than N bytes (suffix K, M, G)\n"
    "  --max-memory N      refuse a document that would need more memory (default:\n"
    "                      half of RAM, at most 4G)\n"
    "  --input-format F    read every input as F, not as its name and content\n"
    "                      say: @INPUT_NAMES@\n"
    "  --pdf-timeout S     stop pdftotext after S seconds (PDF input; default 60)\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 nothing at or above --fail-on, 1 nonconformities at or\n"
    "above it, 2 usage, input, ruleset, baseline or output error, or a rule\n"
    "that could not run.\n";

enum { OPT_AS_OF = 256, OPT_RULESET, OPT_DISABLE, OPT_ENABLE, OPT_FORMAT, OPT_FAIL_ON,
       OPT_TRANSLATION, OPT_COLOR, OPT_MAX_SIZE, OPT_MIN_LEVEL, OPT_EXIT_ZERO, OPT_BASELINE,
       OPT_WRITE_BASELINE, OPT_EXCLUDE, OPT_PAIR, OPT_PDF_TIMEOUT, OPT_MAX_MEMORY,
       OPT_SHOW_EVIDENCE, OPT_SHOW_ALL, OPT_ONLY_RULESET, OPT_CONFIG, OPT_NO_CONFIG, OPT_INPUT_FORMAT, OPT_KIND = 'K',
       OPT_SCOPE = 'S' };

/* Options given on the command line, which the config file does not override. */
enum { GIVEN_FAIL_ON = 1, GIVEN_MIN_LEVEL = 2, GIVEN_AS_OF = 4 };

#define MAX_JOBS 256

typedef struct check_opts {
    int as_of_doc;
    int as_of_given;     /* --as-of DATE: JSON as_of_source "option" */
    cps_date as_of;
    cli_rules sel;       /* --ruleset, --only-ruleset, --disable, --enable */
    const char *config;  /* --config FILE */
    int no_config;       /* --no-config */
    unsigned given;      /* GIVEN_* */
    const report_writer *format;
    const char *output;
    int fail_on;        /* minimum severity that fails; 0 = never */
    int min_level;      /* minimum severity shown */
    int exit_zero;
    const char *baseline;
    const char *write_baseline;
    int jobs;
    const char *excludes[64];
    size_t nexcludes;
    const char *translation;
    int pair;           /* --pair: files are ORIGINAL ENGLISH pairs */
    int color;          /* -1 auto, 0 never, 1 always */
    int quiet, verbose, show_evidence, show_all;
    size_t max_size;
    size_t max_memory;
    cli_profile force;  /* --kind, --scope */
    unsigned pdf_timeout; /* seconds; 0: the default */
    const struct input_format *input_format; /* --input-format; NULL: recognised */
} check_opts;

/* The usage, its input formats from their table, its --format lines from
 * the table of writers. */
static void print_usage(FILE *f)
{
    const char *at = strstr(check_usage, "@FORMATS@");
    cli_put_usage(f, check_usage, (size_t)(at - check_usage));
    buf names = BUF_INIT;
    report_writer_names(&names);
    fprintf(f, "  --format FMT        %s\n", buf_cstr(&names));
    for (size_t i = 0; report_writers[i]; i++)
        fprintf(f, "                        %-9s %s\n", report_writers[i]->name,
                report_writers[i]->description);
    buf_free(&names);
    cli_put_usage(f, at + strlen("@FORMATS@"), strlen(at + strlen("@FORMATS@")));
}

static const struct option check_options[] = {
    {"as-of", required_argument, NULL, OPT_AS_OF},
    {"ruleset", required_argument, NULL, OPT_RULESET},
    {"only-ruleset", required_argument, NULL, OPT_ONLY_RULESET},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
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
    {"show-evidence", no_argument, NULL, OPT_SHOW_EVIDENCE},
    {"show-all", no_argument, NULL, OPT_SHOW_ALL},
    {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
    {"kind", required_argument, NULL, OPT_KIND},
    {"scope", required_argument, NULL, OPT_SCOPE},
    {"max-size", required_argument, NULL, OPT_MAX_SIZE},
    {"min-level", required_argument, NULL, OPT_MIN_LEVEL},
    {"exit-zero", no_argument, NULL, OPT_EXIT_ZERO},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"jobs", required_argument, NULL, 'j'},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"pdf-timeout", required_argument, NULL, OPT_PDF_TIMEOUT},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static int parse_args(int argc, char **argv, cli_env *env, check_opts *o)
{
    int c;
    while ((c = getopt_long(argc, argv, ":o:qvhj:", check_options, NULL)) != -1) {
        if (cli_value_missing(env, "check", check_options, c, optarg))
            return EXIT_TROUBLE;
        switch (c) {
        case OPT_AS_OF: {
            o->given |= GIVEN_AS_OF;
            int is_doc = cli_parse_as_of(env, "check", optarg, 1, &o->as_of);
            if (is_doc < 0)
                return EXIT_TROUBLE;
            o->as_of_doc = is_doc;
            /* JSON as_of_source: "option" for a date, "today" for today */
            o->as_of_given = !is_doc && strcmp(optarg, "today") && strcmp(optarg, "now");
            break;
        }
        case OPT_RULESET:
        case OPT_ONLY_RULESET:
        case OPT_DISABLE:
        case OPT_ENABLE:
            if (cli_rules_add(env, &o->sel, c == OPT_RULESET ? 'r' : c == OPT_ONLY_RULESET ? 'o'
                                            : c == OPT_ENABLE ? 'e' : 'd', optarg))
                return EXIT_TROUBLE;
            break;
        case OPT_CONFIG: o->config = optarg; break;
        case OPT_NO_CONFIG: o->no_config = 1; break;
        case OPT_FORMAT:
            if (!(o->format = report_writer_find(optarg))) {
                buf names = BUF_INIT;
                report_writer_names(&names);
                cli_fail(env, "--format: '%s' is not %s", optarg, buf_cstr(&names));
                buf_free(&names);
                return EXIT_TROUBLE;
            }
            break;
        case OPT_MIN_LEVEL:
            o->given |= GIVEN_MIN_LEVEL;
            if ((o->min_level = cli_parse_severity(optarg, 0)) < 0)
                return cli_fail(env, "--min-level: '%s' is not error, warning or notice", optarg);
            break;
        case OPT_EXIT_ZERO: o->exit_zero = 1; break;
        case OPT_BASELINE: o->baseline = optarg; break;
        case OPT_WRITE_BASELINE: o->write_baseline = optarg; break;
        case OPT_EXCLUDE:
            if (o->nexcludes == sizeof o->excludes / sizeof o->excludes[0])
                return cli_fail(env, "too many --exclude options");
            o->excludes[o->nexcludes++] = optarg;
            break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || end == optarg || j < 1 || j > MAX_JOBS)
                return cli_fail(env, "--jobs: '%s' is not a number from 1 to %d", optarg,
                                MAX_JOBS);
            o->jobs = (int)j;
            break;
        }
        case 'o': o->output = optarg; break;
        case OPT_FAIL_ON:
            o->given |= GIVEN_FAIL_ON;
            if ((o->fail_on = cli_parse_severity(optarg, 1)) < 0)
                return cli_fail(env, "--fail-on: '%s' is not error, warning, notice or never",
                                optarg);
            break;
        case OPT_PDF_TIMEOUT:
            if (cli_parse_pdf_timeout(env, "check", optarg, &o->pdf_timeout))
                return EXIT_TROUBLE;
            break;
        case OPT_INPUT_FORMAT:
            if (cli_parse_input_format(env, "check", optarg, &o->input_format))
                return EXIT_TROUBLE;
            break;
        case OPT_TRANSLATION: o->translation = optarg; break;
        case OPT_PAIR: o->pair = 1; break;
        case OPT_COLOR:
            if ((o->color = cli_parse_color(optarg)) == -2)
                return cli_fail(env, "--color: '%s' is not auto, always or never", optarg);
            break;
        case 'q': o->quiet = 1; break;
        case 'v': o->verbose = 1; break;
        case OPT_SHOW_EVIDENCE: o->show_evidence = 1; break;
        case OPT_SHOW_ALL: o->show_all = 1; break;
        case OPT_KIND:
        case OPT_SCOPE:
            if (cli_profile_add(env, "check", &o->force, c, optarg))
                return EXIT_TROUBLE;
            break;
        case OPT_MAX_MEMORY:
            if (cli_parse_size(optarg, &o->max_memory) || !o->max_memory)
                return cli_fail(env, "--max-memory: '%s' is not a size (e.g. 2G)", optarg);
            break;
        case OPT_MAX_SIZE:
            if (cli_parse_size(optarg, &o->max_size))
                return cli_fail(env, "--max-size: '%s' is not a size (e.g. 64M)", optarg);
            break;
        case 'h': print_usage(env->out); return -1;
        default: return cli_option_error(env, "check", c, argv);
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

/* Colour (cli_use_color): auto is a terminal's format on a terminal, never
 * a file written with -o. */
static int use_color(const check_opts *o, const cli_env *env)
{
    return cli_use_color(o->color, !o->output && o->format->terminal && isatty(fileno(env->out)));
}

/* ---- checking, in parallel, reported as each document is ready -------- */

/* What checking one input produces: allocated by the worker that checks
 * it, freed once reported (at the end with --write-baseline), so that the
 * slots of a run over many files stay small. */
typedef struct slot_result {
    analysis en;         /* valid when en_file */
    analysis a;
    doc_profile prof;
    check_result res;
    cps_date as_of;
} slot_result;

typedef struct slot {
    const char *file;
    const char *en_file; /* --pair: its English version, else NULL */
    slot_result *r;      /* set when ok (owned) */
    int ok;              /* r is set and valid */
    int done;            /* checked (guarded by work.mu) */
    char *error;         /* why the input could not be checked */
    char *warn;          /* stderr lines, printed in input order */
} slot;

typedef struct work {
    slot *slots;
    size_t n;
    size_t next, done;  /* guarded by mu */
    size_t emitted;     /* slots reported and freed (guarded by mu) */
    size_t window;      /* a worker starts slot i only when i < emitted + window */
    pthread_mutex_t mu;
    pthread_cond_t ready;  /* a slot was checked */
    pthread_cond_t room;   /* a slot was reported: the window moved */
    const check_opts *o;
    const ruleset *rs;
    const outline_spec *spec;
    analysis *translation;
    const analysis_opts *aopts;
    FILE *progress;     /* stderr when it is a terminal and there are many inputs */
} work;

/* The message of e without the "FILE:" prefix the report already shows. */
static char *error_text(const char *file, const cps_err *e)
{
    const char *m = e->msg;
    size_t fl = strlen(file);
    if (!strcmp(file, "-") && !strncmp(m, "<stdin>:", 8))
        m += 8;
    else if (!strncmp(m, file, fl) && m[fl] == ':')
        m += fl + 1;
    while (*m == ' ')
        m++;
    return xstrdup(*m ? m : e->msg);
}

/* Free what r holds (a and prof/res only when checked). */
static void free_result(slot_result *r, int en, int checked)
{
    if (checked) {
        check_result_free(&r->res);
        profile_free(&r->prof);
    }
    analysis_free(&r->a);
    if (en)
        analysis_free(&r->en);
    free(r);
}

static void check_one(work *w, slot *s, matcher *m)
{
    cps_err e;
    cps_err_clear(&e);
    slot_result *r = xcalloc(1, sizeof *r);
    if (analysis_run(s->file, w->spec, w->aopts, &r->a, &e) != 0) {
        s->error = error_text(s->file, &e);
        free(r);
        return;
    }
    if (s->en_file && analysis_run(s->en_file, w->spec, w->aopts, &r->en, &e) != 0) {
        buf b = BUF_INIT;
        buf_printf(&b, "its English version: %s", e.msg);
        s->error = buf_detach(&b);
        free_result(r, 0, 0);
        return;
    }
    /* --as-of doc never falls back to the clock: no date, no verdicts */
    if (w->o->as_of_doc && r->a.meta.date == DATE_NONE) {
        s->error = xstrdup("no effective date found; give --as-of DATE");
        free_result(r, s->en_file != NULL, 0);
        return;
    }
    cps_date as_of = w->o->as_of_doc ? r->a.meta.date : w->o->as_of;
    r->as_of = as_of;
    profile_detect(&r->a, &r->prof);
    profile_force(&r->prof, w->o->force.kind, w->o->force.scopes);
    check_input in = {&r->a, s->en_file ? &r->en : w->translation, as_of, w->spec, &r->prof};
    cps_err_clear(&e);
    if (check_run(w->rs, &in, m, &r->res, &e) != 0 || analysis_failed(&r->a, &e) ||
        (s->en_file && analysis_failed(&r->en, &e))) {
        s->error = error_text(s->file, &e);
        free_result(r, s->en_file != NULL, 1);
        return;
    }
    r->res.as_of_source = w->o->as_of_doc ? "document" : w->o->as_of_given ? "option" : "today";
    s->r = r;
    s->ok = 1;
}

static void *worker(void *arg)
{
    work *w = arg;
    matcher m;
    memset(&m, 0, sizeof m);
    cps_err e;
    cps_err_clear(&e);
    int have_m = matcher_init(&m, 0, 0, 0, &e) == 0;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (w->next < w->n && w->next >= w->emitted + w->window)
            pthread_cond_wait(&w->room, &w->mu);
        size_t i = w->next < w->n ? w->next++ : w->n;
        pthread_mutex_unlock(&w->mu);
        if (i >= w->n)
            break;
        if (have_m)
            check_one(w, &w->slots[i], &m);
        else
            w->slots[i].error = xstrdup(e.msg);
        pthread_mutex_lock(&w->mu);
        w->slots[i].done = 1;
        w->done++;
        if (w->progress) {
            fprintf(w->progress, "\rcpslint: %zu/%zu documents checked", w->done, w->n);
            fflush(w->progress);
        }
        pthread_cond_broadcast(&w->ready);
        pthread_mutex_unlock(&w->mu);
    }
    if (have_m)
        matcher_free(&m);
    return NULL;
}

/* ---- reporting ------------------------------------------------------------ */

/* What the run keeps while documents stream by: totals and small lists. */
typedef struct emit_state {
    cli_env *env;
    const check_opts *o;
    baseline *bl;
    report_run run;
    cps_date today, report_as_of;
    int first, rule_errors, unreadable;
    const char **checked; /* file names (owned by the input list) */
    size_t nchecked;
    buf rule_msgs;        /* "rule could not run" lines, printed at the end */
    /* --write-baseline needs every finding: the documents are kept */
    report_doc *kept;
    report_mark **kept_marks;
    size_t nkept;
} emit_state;

static void free_slot(slot *s)
{
    if (s->ok)
        free_result(s->r, s->en_file != NULL, 1);
    free(s->error);
    free(s->warn);
    s->ok = 0;
    s->r = NULL;
    s->error = s->warn = NULL;
}

/* Report slot s (input order), then free it unless --write-baseline. */
static void emit(emit_state *st, slot *s)
{
    const check_opts *o = st->o;
    report_doc rd;
    memset(&rd, 0, sizeof rd);
    report_mark *marks = NULL;
    if (s->warn)
        fputs(s->warn, st->env->err);
    rd.file = s->file;
    rd.translation = s->en_file ? s->en_file : o->translation;
    if (!s->ok) {
        rd.error = s->error;
        cli_warn(st->env, "%s: %s", s->file, s->error);
        st->unreadable = 1;
    } else {
        check_result *res = &s->r->res;
        rd.a = &s->r->a;
        rd.res = res;
        st->rule_errors += res->by_status[ST_ERROR] > 0;
        if (o->as_of_doc) {
            if (st->first)
                st->report_as_of = s->r->as_of;
            else if (st->report_as_of != s->r->as_of)
                st->report_as_of = DATE_NONE;
        }
        st->first = 0;
        st->checked[st->nchecked++] = s->file;
        if (o->baseline) {
            marks = xcalloc(res->nf ? res->nf : 1, sizeof *marks);
            baseline_apply(st->bl, s->file, res, st->today, marks);
            rd.marks = marks;
        }
        for (size_t k = 0; k < res->nitems; k++)
            if (res->items[k].status == ST_ERROR) {
                buf_printf(&st->rule_msgs, "%s: rule %s could not run: %s", s->file,
                           res->items[k].rule->id,
                           res->items[k].note ? res->items[k].note : "");
                buf_put(&st->rule_msgs, "", 1); /* one NUL-ended message each */
            }
    }
    report_document(&st->run, &rd);
    if (o->write_baseline) {
        st->kept[st->nkept] = rd;
        st->kept_marks[st->nkept++] = marks;
        return;
    }
    free(marks);
    free_slot(s);
}

static void sink_stdout(void *ctx, const char *p, size_t n)
{
    cli_env *env = ctx;
    fwrite(p, 1, n, env->out);
}

static void sink_file(void *ctx, const char *p, size_t n) { outfile_write(ctx, p, n); }

/* Check every slot with `jobs` threads while this thread reports them in
 * input order, at most `window` slots ahead of the last reported. */
static void run_and_report(work *w, int jobs, emit_state *st)
{
    pthread_t tids[MAX_JOBS];
    int started = 0;
    if ((size_t)jobs > w->n)
        jobs = w->n ? (int)w->n : 1;
    w->window = 2 * (size_t)jobs;
    for (int i = 0; i < jobs; i++) {
        if (pthread_create(&tids[started], NULL, worker, w) != 0)
            break; /* fewer threads; the work still gets done */
        started++;
    }
    if (!started) /* no thread at all: check here, in order */
        w->window = w->n;
    for (size_t i = 0; i < w->n; i++) {
        if (!started) {
            worker(w);
            started = -1;
        }
        pthread_mutex_lock(&w->mu);
        while (!w->slots[i].done)
            pthread_cond_wait(&w->ready, &w->mu);
        pthread_mutex_unlock(&w->mu);
        emit(st, &w->slots[i]);
        pthread_mutex_lock(&w->mu);
        w->emitted = i + 1;
        pthread_cond_broadcast(&w->room);
        pthread_mutex_unlock(&w->mu);
    }
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    if (w->progress)
        fputs("\r\033[K", w->progress);
}

/* -o and --write-baseline must not be an input (documents, translations,
 * rulesets; for -o also the baseline read) nor each other. */
static int refuse_clashes(cli_env *env, const check_opts *o, const input_list *in)
{
    size_t n = in->n + o->sel.nrulesets + o->sel.nonly + 3, k = 0;
    const char **v = xcalloc(n, sizeof *v);
    for (size_t i = 0; i < in->n; i++)
        v[k++] = in->v[i];
    for (size_t i = 0; i < o->sel.nrulesets; i++)
        v[k++] = o->sel.rulesets[i];
    for (size_t i = 0; i < o->sel.nonly; i++)
        v[k++] = o->sel.only[i];
    v[k++] = o->translation;
    v[k++] = o->write_baseline;
    v[k++] = o->baseline;
    cps_err e;
    cps_err_clear(&e);
    int bad = outfile_clashes(o->output, v, k, &e) ||
              outfile_clashes(o->write_baseline, v, k - 2, &e);
    free(v);
    return bad ? cli_fail(env, "%s", e.msg) : 0;
}

/* ---- the command -------------------------------------------------------- */

/* What the command sets up before checking, and frees at the end. */
typedef struct check_ctx {
    check_opts o;
    outline_spec spec;
    ruleset rs;
    baseline bl;
    analysis_opts aopts;
    analysis translation;
    int have_translation;
    int have_rules;     /* spec and rs loaded */
    input_list inputs;
    outfile of;
    int have_of;
    config cf;          /* the .cpslint file read, or none */
} check_ctx;

/* The .cpslint file (config.h) under the command line: its single values
 * where no option gave one; its rulesets, toggles and excludes before the
 * options' (its only-ruleset unless --only-ruleset). */
static int apply_config(check_ctx *c, cli_env *env)
{
    check_opts *o = &c->o;
    const config *cf = &c->cf;
    char found[4200];
    const char *path = o->config;
    if (o->no_config || (!path && config_find(NULL, found, sizeof found) <= 0))
        return 0;
    cps_err e;
    cps_err_clear(&e);
    if (config_load(&c->cf, path ? path : found, &e))
        return cli_fail(env, "%s", e.msg);
    o->fail_on = o->given & GIVEN_FAIL_ON || cf->fail_on < 0 ? o->fail_on : cf->fail_on;
    o->min_level = o->given & GIVEN_MIN_LEVEL || cf->min_level < 0 ? o->min_level : cf->min_level;
    o->baseline = o->baseline ? o->baseline : cf->baseline;
    if (!(o->given & GIVEN_AS_OF) && cf->as_of_mode == CONFIG_AS_OF_DOC)
        o->as_of_doc = 1;
    else if (!(o->given & GIVEN_AS_OF) && cf->as_of_mode == CONFIG_AS_OF_DATE)
        o->as_of = cf->as_of, o->as_of_given = 1;
    if (cf->excludes.n + o->nexcludes > sizeof o->excludes / sizeof o->excludes[0])
        return cli_fail(env, "too many --exclude options");
    memmove(o->excludes + cf->excludes.n, o->excludes, o->nexcludes * sizeof *o->excludes);
    for (size_t i = 0; i < cf->excludes.n; i++)
        o->excludes[i] = cf->excludes.v[i];
    o->nexcludes += cf->excludes.n;
    return config_merge_rules(cf, &o->sel, env);
}

/* Rules, baseline, translation, inputs, output: 0 or EXIT_TROUBLE (said). */
static int setup(check_ctx *c, int argc, char **argv, cli_env *env)
{
    cps_err e;
    cps_err_clear(&e);
    if (cli_load(env, &c->o.sel, &c->spec, &c->rs))
        return EXIT_TROUBLE;
    c->have_rules = 1;
    if (c->o.baseline && baseline_load(c->o.baseline, &c->bl, &e))
        return cli_fail(env, "%s", e.msg);
    c->aopts.max_size = c->o.max_size;
    c->aopts.max_memory = c->o.max_memory;
    c->aopts.pdf_timeout = c->o.pdf_timeout;
    c->aopts.force = c->o.input_format;
    if (c->o.translation) {
        if (analysis_run(c->o.translation, &c->spec, &c->aopts, &c->translation, &e) != 0)
            return cli_fail(env, "%s", e.msg);
        c->have_translation = 1;
        /* Build its matching text now: workers then only read it. */
        for (size_t i = 0; i < c->translation.d.nblocks; i++)
            (void)analysis_folded(&c->translation, i);
        if (analysis_failed(&c->translation, &e))
            return cli_fail(env, "%s", e.msg);
    }
    if (c->o.pair) /* pairs of files, as given: no directories */
        for (int i = optind; i < argc; i++)
            inputs_add(&c->inputs, xstrdup(argv[i]));
    else
        inputs_collect(&c->inputs, argc - optind, argv + optind, c->o.excludes, c->o.nexcludes);
    if (c->inputs.n == 0)
        return cli_fail(env, "no document found in the directories given");
    if (refuse_clashes(env, &c->o, &c->inputs))
        return EXIT_TROUBLE;
    if (c->o.output) { /* now: a signal while checking removes its temporary file */
        if (outfile_open(&c->of, c->o.output, &e))
            return cli_fail(env, "%s", e.msg);
        c->have_of = 1;
    }
    return 0;
}

static void teardown(check_ctx *c)
{
    config_free(&c->cf);
    if (c->have_of)
        outfile_abort(&c->of);
    for (size_t i = 0; i < c->inputs.n; i++)
        free(c->inputs.v[i]);
    free(c->inputs.v);
    if (c->have_translation)
        analysis_free(&c->translation);
    baseline_free(&c->bl);
    if (c->have_rules) {
        ruleset_free(&c->rs);
        outline_spec_free(&c->spec);
    }
}

/* The report's options (colour, notes, the working directory for SARIF). */
static void report_options(const check_ctx *c, cli_env *env, report_note *notes, size_t nnotes,
                           char *cwd, size_t cwdlen, report_opts *ro)
{
    memset(ro, 0, sizeof *ro);
    ro->color = use_color(&c->o, env);
    ro->quiet = c->o.quiet;
    ro->verbose = c->o.verbose;
    ro->show_evidence = c->o.show_evidence;
    ro->show_all = c->o.show_all;
    ro->min_level = c->o.min_level;
    ro->fail_on = c->o.fail_on;
    ro->notes = notes;
    ro->nnotes = nnotes;
    ro->srcroot = getcwd(cwd, cwdlen) ? cwd : NULL;
}

/* After the documents: baseline notes, the end of the report, the output
 * file, --write-baseline, the rules that could not run. Returns 0 or
 * EXIT_TROUBLE. */
static int finish(check_ctx *c, emit_state *st, report_opts *ro, cli_env *env)
{
    const check_opts *o = &c->o;
    int status = 0;
    report_note *notes = NULL;
    size_t nnotes = 0;
    if (o->baseline)
        nnotes = baseline_notes(&c->bl, st->checked, st->nchecked, &notes);
    ro->notes = notes;
    ro->nnotes = nnotes;
    report_end(&st->run, st->report_as_of);
    cps_err e;
    cps_err_clear(&e);
    if (c->have_of) {
        c->have_of = 0;
        if (outfile_commit(&c->of, &e))
            status = cli_fail(env, "%s", e.msg);
    } else if (fflush(env->out) != 0) {
        status = cli_fail(env, "cannot write the report: %s", strerror(errno));
    }
    /* Notes also on stderr unless the text report on stdout has them. */
    if (o->output || !o->format->terminal)
        for (size_t i = 0; i < nnotes; i++)
            cli_warn(env, "%s:%ld: %s", notes[i].file, notes[i].line, notes[i].message);
    if (o->write_baseline) {
        buf b = BUF_INIT;
        baseline_write(&b, st->kept, st->nkept, o->baseline ? &c->bl : NULL);
        if (outfile_write_all(o->write_baseline, b.ptr, b.len, &e))
            status = cli_fail(env, "%s", e.msg);
        buf_free(&b);
    }
    for (size_t k = 0; k < st->rule_msgs.len; k += strlen(st->rule_msgs.ptr + k) + 1)
        cli_warn(env, "%s", st->rule_msgs.ptr + k);
    baseline_notes_free(notes, nnotes);
    return status;
}

int cmd_check(int argc, char **argv, cli_env *env)
{
    check_ctx c;
    memset(&c, 0, sizeof c);
    c.o.as_of = date_today();
    c.o.force.kind = -1;
    c.o.fail_on = SEV_ERROR;
    c.o.min_level = SEV_NOTICE;
    c.o.color = -1;
    c.o.jobs = 1;
    c.o.format = report_writers[0];
    config_init(&c.cf);
    int prc = parse_args(argc, argv, env, &c.o);
    if (prc < 0)
        return EXIT_CLEAN; /* --help */
    int status = prc ? prc : apply_config(&c, env);
    if (!status)
        status = setup(&c, argc, argv, env);
    if (status) {
        teardown(&c);
        return status;
    }
    size_t ndocs = c.o.pair ? c.inputs.n / 2 : c.inputs.n;
    slot *slots = xcalloc(ndocs, sizeof *slots);
    for (size_t i = 0; i < ndocs; i++) {
        slots[i].file = c.inputs.v[c.o.pair ? 2 * i : i];
        slots[i].en_file = c.o.pair ? c.inputs.v[2 * i + 1] : NULL;
    }
    /* Library state that is set up on first use, and so must be set up
     * before the threads: libxml2's parser globals, and cmark-gfm's
     * extension registry (markdown.c registers it on each use, which is
     * idempotent but not thread-safe the first time). */
    xmlInitParser();
    markdown_init();
    work w;
    memset(&w, 0, sizeof w);
    w.slots = slots;
    w.n = ndocs;
    w.o = &c.o;
    w.rs = &c.rs;
    w.spec = &c.spec;
    w.translation = c.have_translation ? &c.translation : NULL;
    w.aopts = &c.aopts;
    if (ndocs > 3 && isatty(fileno(env->err)))
        w.progress = env->err;
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.ready, NULL);
    pthread_cond_init(&w.room, NULL);

    char cwd[4096];
    report_opts ro;
    report_options(&c, env, NULL, 0, cwd, sizeof cwd, &ro);
    emit_state st;
    memset(&st, 0, sizeof st);
    st.env = env;
    st.o = &c.o;
    st.bl = &c.bl;
    st.today = date_today();
    st.report_as_of = c.o.as_of_doc ? DATE_NONE : c.o.as_of;
    st.first = 1;
    st.checked = xcalloc(ndocs, sizeof *st.checked);
    if (c.o.write_baseline) {
        st.kept = xcalloc(ndocs, sizeof *st.kept);
        st.kept_marks = xcalloc(ndocs, sizeof *st.kept_marks);
    }
    if (c.have_of)
        report_begin(&st.run, c.o.format, &ro, sink_file, &c.of);
    else
        report_begin(&st.run, c.o.format, &ro, sink_stdout, env);
    run_and_report(&w, c.o.jobs, &st);
    status = finish(&c, &st, &ro, env);
    if (status == EXIT_CLEAN) {
        if (st.rule_errors || st.unreadable)
            status = EXIT_TROUBLE;
        else if (st.run.totals.failing && !c.o.exit_zero)
            status = EXIT_FINDINGS;
    }

    pthread_cond_destroy(&w.ready);
    pthread_cond_destroy(&w.room);
    pthread_mutex_destroy(&w.mu);
    for (size_t i = 0; i < st.nkept; i++)
        free(st.kept_marks[i]);
    for (size_t i = 0; i < ndocs; i++)
        free_slot(&slots[i]);
    free(st.kept);
    free(st.kept_marks);
    free(st.checked);
    buf_free(&st.rule_msgs);
    free(slots);
    teardown(&c);
    return status;
}

/* cmd_check.c — `cpslint [check] FILE|DIR...`: the nonconformity checklist.
 *
 * Inputs are files and directories (recursing, in name order, into
 * *.html, *.htm, *.xhtml, *.md, *.markdown and *.pdf; hidden entries and
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
#include "data.h"
#include "markdown.h"
#include "escape.h"
#include "match.h"
#include "outfile.h"
#include "report.h"
#include "ruleset.h"

static const char check_usage[] =
    "Usage: cpslint [check] [options] FILE|DIR...\n"
    "Check CP/CPS documents (HTML, XHTML, Markdown, PDF; - for stdin; directories are searched\n"
    "for *.html *.htm *.xhtml *.md *.markdown *.pdf) against the rulesets and\n"
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
    "  --format FMT        text (default), json, sarif, junit, markdown or github\n"
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
    "  --color WHEN        auto (default: on a terminal, not with NO_COLOR),\n"
    "                      always or never\n"
    "  -q, --quiet         print only the summary line\n"
    "  -v, --verbose       also print why rules were n/a or not effective\n"
    "  --max-size N        refuse input larger than N bytes (suffix K, M, G)\n"
    "  --pdf-timeout S     stop pdftotext after S seconds (PDF input; default 60)\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 nothing at or above --fail-on, 1 nonconformities at or\n"
    "above it, 2 usage, input, ruleset, baseline or output error, or a rule\n"
    "that could not run.\n";

enum { OPT_AS_OF = 256, OPT_RULESET, OPT_DISABLE, OPT_ENABLE, OPT_FORMAT, OPT_FAIL_ON,
       OPT_TRANSLATION, OPT_COLOR, OPT_MAX_SIZE, OPT_MIN_LEVEL, OPT_EXIT_ZERO, OPT_BASELINE,
       OPT_WRITE_BASELINE, OPT_EXCLUDE, OPT_PAIR, OPT_PDF_TIMEOUT };

#define MAX_JOBS 256

typedef struct check_opts {
    int as_of_doc;
    cps_date as_of;
    cli_rules sel;       /* --ruleset, --disable, --enable */
    report_format format;
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
    int quiet, verbose;
    size_t max_size;
    unsigned pdf_timeout; /* seconds; 0: the default */
} check_opts;

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
        {"min-level", required_argument, NULL, OPT_MIN_LEVEL},
        {"exit-zero", no_argument, NULL, OPT_EXIT_ZERO},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"jobs", required_argument, NULL, 'j'},
        {"exclude", required_argument, NULL, OPT_EXCLUDE},
        {"pdf-timeout", required_argument, NULL, OPT_PDF_TIMEOUT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, ":o:qvhj:", opts, NULL)) != -1) {
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
        case OPT_DISABLE:
        case OPT_ENABLE:
            if (cli_rules_add(env, &o->sel, c == OPT_RULESET ? 'r' : c == OPT_ENABLE ? 'e' : 'd',
                              optarg))
                return EXIT_TROUBLE;
            break;
        case OPT_FORMAT: {
            int f = report_format_parse(optarg);
            if (f < 0)
                return cli_fail(env, "--format: '%s' is not text, json, sarif, junit, markdown "
                                     "or github", optarg);
            o->format = (report_format)f;
            break;
        }
        case OPT_MIN_LEVEL:
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
            if ((o->fail_on = cli_parse_severity(optarg, 1)) < 0)
                return cli_fail(env, "--fail-on: '%s' is not error, warning, notice or never",
                                optarg);
            break;
        case OPT_PDF_TIMEOUT:
            if (cli_parse_pdf_timeout(env, "check", optarg, &o->pdf_timeout))
                return EXIT_TROUBLE;
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

static int use_color(const check_opts *o, const cli_env *env)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return 0;
    if (o->color >= 0)
        return o->color;
    return !o->output && o->format == REPORT_TEXT && isatty(fileno(env->out));
}

/* ---- inputs ------------------------------------------------------------- */

typedef struct input_list {
    char **v;
    size_t n, cap;
} input_list;

static void input_add(input_list *l, char *path)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = path;
}

static int wanted_ext(const char *name)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".md", ".markdown", ".pdf", NULL};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    for (size_t i = 0; exts[i]; i++) {
        const char *a = dot, *b = exts[i];
        while (*a && *b && (*a | 0x20) == *b)
            a++, b++;
        if (!*a && !*b)
            return 1;
    }
    return 0;
}

/* Files of a repository that are not CP/CPS documents, skipped when
 * found in a directory (a file named on the command line is checked). */
static int repo_file(const char *name)
{
    static const char *const skip[] = {"readme", "changelog", "license", "licence",
                                       "contributing", NULL};
    for (size_t i = 0; skip[i]; i++) {
        size_t k = 0;
        while (skip[i][k] && (name[k] | 0x20) == skip[i][k])
            k++;
        if (!skip[i][k] && (name[k] == '.' || name[k] == '\0'))
            return 1;
    }
    return 0;
}

static int excluded(const char *path, const char *name, const char *const *pats, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pats[i], path, 0) == 0 || fnmatch(pats[i], name, 0) == 0)
            return 1;
    return 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The documents under dir, in name order; an unreadable directory is
 * added as an input of its own so that it is reported as an error. */
static void collect_dir(input_list *l, const char *dir, int depth, const check_opts *o)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d) {
        input_add(l, xstrdup(dir));
        return;
    }
    input_list names = {NULL, 0, 0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            input_add(&names, xstrdup(de->d_name));
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, name_cmp);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    for (size_t i = 0; i < names.n; i++) {
        buf p = BUF_INIT;
        buf_printf(&p, "%.*s/%s", (int)dl, dir, names.v[i]);
        struct stat st;
        if (excluded(p.ptr, names.v[i], o->excludes, o->nexcludes)) {
            buf_free(&p);
        } else if (lstat(p.ptr, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect_dir(l, p.ptr, depth + 1, o);
            buf_free(&p);
        } else if (wanted_ext(names.v[i]) && !repo_file(names.v[i]) && stat(p.ptr, &st) == 0 &&
                   S_ISREG(st.st_mode)) {
            input_add(l, buf_detach(&p));
        } else {
            buf_free(&p);
        }
        free(names.v[i]);
    }
    free(names.v);
}

static void collect_inputs(input_list *l, int argc, char **argv, const check_opts *o)
{
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            collect_dir(l, argv[i], 0, o);
        else
            input_add(l, xstrdup(argv[i])); /* files, "-", and what does not exist */
    }
}

/* ---- checking, in parallel ---------------------------------------------- */

typedef struct slot {
    const char *file;
    const char *en_file; /* --pair: its English version, else NULL */
    analysis en;         /* valid when ok and en_file */
    analysis a;
    check_result res;
    int ok;             /* a and res are valid */
    char *error;        /* why the input could not be checked */
    char *warn;         /* stderr lines, printed in input order */
    cps_date as_of;
} slot;

typedef struct work {
    slot *slots;
    size_t n;
    size_t next, done;  /* guarded by mu */
    pthread_mutex_t mu;
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

static void check_one(work *w, slot *s, matcher *m)
{
    cps_err e;
    cps_err_clear(&e);
    if (analysis_run(s->file, w->spec, w->aopts, &s->a, &e) != 0) {
        s->error = error_text(s->file, &e);
        return;
    }
    if (s->en_file && analysis_run(s->en_file, w->spec, w->aopts, &s->en, &e) != 0) {
        buf b = BUF_INIT;
        buf_printf(&b, "its English version: %s", e.msg);
        s->error = buf_detach(&b);
        analysis_free(&s->a);
        return;
    }
    cps_date as_of = w->o->as_of;
    if (w->o->as_of_doc) {
        if (s->a.meta.date != DATE_NONE) {
            as_of = s->a.meta.date;
        } else {
            as_of = date_today();
            buf b = BUF_INIT;
            buf_puts(&b, "cpslint: ");
            esc_text(&b, s->file);
            buf_puts(&b, ": no document date found; --as-of doc uses today\n");
            s->warn = buf_detach(&b);
        }
    }
    s->as_of = as_of;
    check_input in = {&s->a, s->en_file ? &s->en : w->translation, as_of, w->spec};
    cps_err_clear(&e);
    if (check_run(w->rs, &in, m, &s->res, &e) != 0) {
        s->error = error_text(s->file, &e);
        check_result_free(&s->res);
        analysis_free(&s->a);
        if (s->en_file)
            analysis_free(&s->en);
        return;
    }
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
        size_t i = w->next < w->n ? w->next++ : w->n;
        pthread_mutex_unlock(&w->mu);
        if (i >= w->n)
            break;
        if (have_m)
            check_one(w, &w->slots[i], &m);
        else
            w->slots[i].error = xstrdup(e.msg);
        pthread_mutex_lock(&w->mu);
        w->done++;
        if (w->progress) {
            fprintf(w->progress, "\rcpslint: %zu/%zu documents checked", w->done, w->n);
            fflush(w->progress);
        }
        pthread_mutex_unlock(&w->mu);
    }
    if (have_m)
        matcher_free(&m);
    return NULL;
}

/* Check every slot with `jobs` threads (the calling thread is one). */
static void run_all(work *w, int jobs)
{
    pthread_t tids[MAX_JOBS];
    int started = 0;
    if ((size_t)jobs > w->n)
        jobs = w->n ? (int)w->n : 1;
    for (int i = 1; i < jobs; i++) {
        if (pthread_create(&tids[started], NULL, worker, w) != 0)
            break; /* fewer threads; the work still gets done */
        started++;
    }
    worker(w);
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    if (w->progress)
        fputs("\r\033[K", w->progress);
}

/* ---- the command -------------------------------------------------------- */

/* The report to stdout, or into the output file opened before checking. */
static int write_report(cli_env *env, outfile *of, const buf *out)
{
    cps_err e;
    cps_err_clear(&e);
    if (of) {
        outfile_write(of, out->ptr, out->len);
        if (outfile_commit(of, &e))
            return cli_fail(env, "%s", e.msg);
        return 0;
    }
    fputs(buf_cstr(out), env->out);
    if (fflush(env->out) != 0)
        return cli_fail(env, "cannot write the report: %s", strerror(errno));
    return 0;
}

/* -o and --write-baseline must not be an input (documents, translations,
 * rulesets; for -o also the baseline read) nor each other. */
static int refuse_clashes(cli_env *env, const check_opts *o, const input_list *in)
{
    size_t n = in->n + o->sel.nrulesets + 3, k = 0;
    const char **v = xcalloc(n, sizeof *v);
    for (size_t i = 0; i < in->n; i++)
        v[k++] = in->v[i];
    for (size_t i = 0; i < o->sel.nrulesets; i++)
        v[k++] = o->sel.rulesets[i];
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

int cmd_check(int argc, char **argv, cli_env *env)
{
    check_opts o;
    memset(&o, 0, sizeof o);
    o.as_of = date_today();
    o.fail_on = SEV_ERROR;
    o.min_level = SEV_NOTICE;
    o.color = -1;
    o.jobs = 1;
    int prc = parse_args(argc, argv, env, &o);
    if (prc < 0)
        return EXIT_CLEAN; /* --help */
    if (prc)
        return prc;
    int status = EXIT_CLEAN;
    cps_err e;
    cps_err_clear(&e);
    outline_spec spec;
    ruleset rs;
    if (cli_load(env, &o.sel, &spec, &rs))
        return EXIT_TROUBLE;
    baseline bl;
    memset(&bl, 0, sizeof bl);
    int rc = 0;
    if (o.baseline)
        rc = baseline_load(o.baseline, &bl, &e);
    if (rc) {
        cli_fail(env, "%s", e.msg);
        baseline_free(&bl);
        ruleset_free(&rs);
        outline_spec_free(&spec);
        return EXIT_TROUBLE;
    }

    analysis_opts aopts;
    memset(&aopts, 0, sizeof aopts);
    aopts.max_size = o.max_size;
    aopts.pdf_timeout = o.pdf_timeout;
    analysis translation;
    int have_translation = 0;
    if (o.translation) {
        if (analysis_run(o.translation, &spec, &aopts, &translation, &e) != 0) {
            cli_fail(env, "%s", e.msg);
            status = EXIT_TROUBLE;
            goto out;
        }
        have_translation = 1;
        /* Build its matching text now: workers then only read it. */
        for (size_t i = 0; i < translation.d.nblocks; i++)
            (void)analysis_folded(&translation, i);
    }

    input_list inputs = {NULL, 0, 0};
    if (o.pair) /* pairs of files, as given: no directories */
        for (int i = optind; i < argc; i++)
            input_add(&inputs, xstrdup(argv[i]));
    else
        collect_inputs(&inputs, argc - optind, argv + optind, &o);
    size_t ndocs = o.pair ? inputs.n / 2 : inputs.n;
    if (inputs.n == 0) {
        cli_fail(env, "no document found in the directories given");
        status = EXIT_TROUBLE;
        free(inputs.v);
        goto out;
    }

    outfile of;
    int have_of = 0;
    if (refuse_clashes(env, &o, &inputs)) {
        status = EXIT_TROUBLE;
        goto free_inputs;
    }
    if (o.output) { /* now: a signal while checking removes its temporary file */
        if (outfile_open(&of, o.output, &e)) {
            cli_fail(env, "%s", e.msg);
            status = EXIT_TROUBLE;
            goto free_inputs;
        }
        have_of = 1;
    }

    slot *slots = xcalloc(ndocs, sizeof *slots);
    for (size_t i = 0; i < ndocs; i++) {
        slots[i].file = inputs.v[o.pair ? 2 * i : i];
        slots[i].en_file = o.pair ? inputs.v[2 * i + 1] : NULL;
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
    w.o = &o;
    w.rs = &rs;
    w.spec = &spec;
    w.translation = have_translation ? &translation : NULL;
    w.aopts = &aopts;
    if (ndocs > 3 && isatty(fileno(env->err)))
        w.progress = env->err;
    pthread_mutex_init(&w.mu, NULL);
    run_all(&w, o.jobs);
    pthread_mutex_destroy(&w.mu);

    /* One report for all, in input order. */
    report_doc *rds = xcalloc(ndocs, sizeof *rds);
    report_mark **marks = xcalloc(ndocs, sizeof *marks);
    const char **checked = xcalloc(ndocs, sizeof *checked);
    size_t nchecked = 0;
    int rule_errors = 0, unreadable = 0;
    cps_date report_as_of = o.as_of_doc ? DATE_NONE : o.as_of;
    int first = 1;
    cps_date today = date_today();
    for (size_t i = 0; i < ndocs; i++) {
        slot *s = &slots[i];
        if (s->warn)
            fputs(s->warn, env->err);
        rds[i].file = s->file;
        rds[i].translation = s->en_file ? s->en_file : o.translation;
        if (!s->ok) {
            rds[i].error = s->error;
            cli_warn(env, "%s: %s", s->file, s->error);
            unreadable = 1;
            continue;
        }
        rds[i].a = &s->a;
        rds[i].res = &s->res;
        rule_errors += s->res.by_status[ST_ERROR] > 0;
        if (o.as_of_doc) {
            if (first)
                report_as_of = s->as_of;
            else if (report_as_of != s->as_of)
                report_as_of = DATE_NONE;
        }
        first = 0;
        checked[nchecked++] = s->file;
        if (o.baseline) {
            marks[i] = xcalloc(s->res.nf ? s->res.nf : 1, sizeof *marks[i]);
            baseline_apply(&bl, s->file, &s->res, today, marks[i]);
            rds[i].marks = marks[i];
        }
    }
    report_note *notes = NULL;
    size_t nnotes = 0;
    if (o.baseline)
        nnotes = baseline_notes(&bl, checked, nchecked, &notes);

    char cwd[4096];
    report_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.color = use_color(&o, env);
    ro.quiet = o.quiet;
    ro.verbose = o.verbose;
    ro.min_level = o.min_level;
    ro.fail_on = o.fail_on;
    ro.notes = notes;
    ro.nnotes = nnotes;
    ro.srcroot = getcwd(cwd, sizeof cwd) ? cwd : NULL;
    buf out = BUF_INIT;
    report_write(&out, o.format, rds, ndocs, report_as_of, &ro);
    if (write_report(env, have_of ? &of : NULL, &out))
        status = EXIT_TROUBLE;
    buf_free(&out);
    /* Notes also on stderr unless the text report on stdout has them. */
    if (o.output || o.format != REPORT_TEXT)
        for (size_t i = 0; i < nnotes; i++)
            cli_warn(env, "%s:%ld: %s", notes[i].file, notes[i].line, notes[i].message);
    if (o.write_baseline) {
        buf b = BUF_INIT;
        baseline_write(&b, rds, ndocs, o.baseline ? &bl : NULL);
        cps_err_clear(&e);
        if (outfile_write_all(o.write_baseline, b.ptr, b.len, &e)) {
            cli_fail(env, "%s", e.msg);
            status = EXIT_TROUBLE;
        }
        buf_free(&b);
    }
    for (size_t i = 0; i < ndocs; i++)
        if (slots[i].ok && slots[i].res.by_status[ST_ERROR])
            for (size_t k = 0; k < slots[i].res.nitems; k++)
                if (slots[i].res.items[k].status == ST_ERROR)
                    cli_warn(env, "%s: rule %s could not run: %s", slots[i].file,
                            slots[i].res.items[k].rule->id,
                            slots[i].res.items[k].note ? slots[i].res.items[k].note : "");
    if (status == EXIT_CLEAN) {
        report_counts c;
        report_count(rds, ndocs, &ro, &c);
        if (rule_errors || unreadable)
            status = EXIT_TROUBLE;
        else if (c.failing && !o.exit_zero)
            status = EXIT_FINDINGS;
    }

    baseline_notes_free(notes, nnotes);
    for (size_t i = 0; i < ndocs; i++) {
        if (slots[i].ok) {
            check_result_free(&slots[i].res);
            analysis_free(&slots[i].a);
            if (slots[i].en_file)
                analysis_free(&slots[i].en);
        }
        free(slots[i].error);
        free(slots[i].warn);
        free(marks[i]);
    }
    free(slots);
    free(rds);
    free(marks);
    free(checked);
free_inputs:
    for (size_t i = 0; i < inputs.n; i++)
        free(inputs.v[i]);
    free(inputs.v);
out:
    if (have_translation)
        analysis_free(&translation);
    baseline_free(&bl);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return status;
}

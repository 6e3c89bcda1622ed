/* cmd_history.c — `cpslint history FILE...` and `cpslint history --git PATH`:
 * a CA's compliance over time (history.h says what is computed).
 *
 * Every version is read and parsed once, then checked as of its own date
 * and as of the last day it was in force; with -j N, N worker threads check
 * versions, each with its own matcher over the shared read-only ruleset.
 * Output: text (versions, a table with rules down and versions across,
 * late windows, the record of updates), json or markdown.
 *
 * Exit status: 2 when a version could not be read or a rule could not run;
 * 1 when a late window of a rule at or above --fail-on, or a problem in
 * the record of updates (BR 2.3, MRSP 3.3: errors), was found; 0
 * otherwise (--exit-zero: 0 unless 2).
 */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"
#include "cli_util.h"
#include "gitsrc.h"
#include "history.h"
#include "history_report.h"
#include "match.h"
#include "profile.h"
#include "ruleset.h"

static const char history_usage[] =
    "Usage: cpslint history [options] FILE...\n"
    "       cpslint history [options] --git PATH\n"
    "A CA's compliance over time: every version of its CP/CPS (in any order, or\n"
    "every commit of the current git repository that changed PATH) checked as\n"
    "of its own date and as of the last day it was in force; a timeline per\n"
    "rule, the late windows (a version in force after a rule's effective date\n"
    "that still failed it, and the days until a version passed), and the record\n"
    "of updates (gaps over 365 days, unchanged numbers or dates, no revision row).\n"
    "\n"
    "  --git PATH          the versions of PATH in the git repository (renames\n"
    "                      followed as git log --follow does)\n"
    "  -C DIR              run git in DIR (as git -C)\n"
    "  --git-dir DIR       the repository (as git --git-dir)\n"
    "  --as-of DATE        the newest version is in force until DATE (YYYY-MM-DD,\n"
    "                      or today: the default)\n"
    "  --ruleset NAME      add cabf-br, mozilla, ccadb, chrome, rfc3647 or a PATH\n"
    "                      to the default rulesets, every installed one (repeatable)\n"
    "  --only-ruleset NAME\n"
    "                      only these rulesets, not the defaults (repeatable)\n"
    "  --disable ID        disable a rule, or a family by prefix (repeatable)\n"
    "  --enable ID         enable a rule disabled by default (repeatable)\n"
    "  --format FMT        text (default), json, markdown or html (a timeline)\n"
    "  --kind KIND         every version's kind, instead of detecting it: cp, cps,\n"
    "                      cp-cps, not-a-policy\n"
    "  --scope LIST        their certificate scopes: tls-server, smime,\n"
    "                      code-signing, other (comma-separated)\n"
    "  --fail-on LEVEL     error (default), warning, notice or never\n"
    "  --exit-zero         exit 0 even when late windows are found (2 still means\n"
    "                      trouble)\n"
    "  -j, --jobs N        check N versions at a time (default 1)\n"
    "  --max-size N        refuse a version larger than N bytes (suffix K, M, G)\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 no late window at or above --fail-on and a clean record of\n"
    "updates, 1 otherwise, 2 usage, input, git or ruleset error, or a rule that\n"
    "could not run.\n";

#define MAX_JOBS 64

typedef struct hist_cmd {
    const char *git_path, *git_dir, *dir;
    cps_date as_of;
    history_format fmt;
    int fail_on;
    int exit_zero;
    int jobs;
    size_t max_size;
    cli_rules sel;
    cli_profile force;    /* --kind, --scope */
} hist_cmd;

/* ---- options ------------------------------------------------------------ */

/* Returns -1 to go on, else an exit status. */
static int parse_opts(int argc, char **argv, cli_env *env, hist_cmd *c)
{
    static const struct option opts[] = {
        {"git", required_argument, NULL, 'g'},     {"git-dir", required_argument, NULL, 'G'},
        {"as-of", required_argument, NULL, 'a'},   {"ruleset", required_argument, NULL, 'r'},
        {"disable", required_argument, NULL, 'd'}, {"enable", required_argument, NULL, 'e'},
        {"format", required_argument, NULL, 'f'},  {"fail-on", required_argument, NULL, 'F'},
        {"exit-zero", no_argument, NULL, 'z'},     {"jobs", required_argument, NULL, 'j'},
        {"max-size", required_argument, NULL, 'm'}, {"help", no_argument, NULL, 'h'},
        {"kind", required_argument, NULL, 'K'},    {"scope", required_argument, NULL, 'S'},
        {"only-ruleset", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0}};
    int ch;
    while ((ch = getopt_long(argc, argv, ":C:j:h", opts, NULL)) != -1) {
        if (cli_value_missing(env, "history", opts, ch, optarg))
            return EXIT_TROUBLE;
        switch (ch) {
        case 'g': c->git_path = optarg; break;
        case 'G': c->git_dir = optarg; break;
        case 'C': c->dir = optarg; break;
        case 'a':
            if (cli_parse_as_of(env, "history", optarg, 0, &c->as_of) < 0)
                return EXIT_TROUBLE;
            break;
        case 'r': case 'o': case 'd': case 'e':
            if (cli_rules_add(env, &c->sel, ch, optarg))
                return EXIT_TROUBLE;
            break;
        case 'f':
            if (history_format_parse(optarg, &c->fmt) != 0)
                return cli_fail(env, "history: --format: '%s' is not text, json, markdown or html",
                                optarg);
            break;
        case 'F':
            if ((c->fail_on = cli_parse_severity(optarg, 1)) < 0)
                return cli_fail(env, "history: --fail-on: '%s' is not error, warning, notice "
                                     "or never", optarg);
            break;
        case 'K': case 'S':
            if (cli_profile_add(env, "history", &c->force, ch, optarg))
                return EXIT_TROUBLE;
            break;
        case 'z': c->exit_zero = 1; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > MAX_JOBS)
                return cli_fail(env, "history: -j: '%s' is not a number from 1 to %d", optarg,
                                MAX_JOBS);
            c->jobs = (int)n;
            break;
        }
        case 'm':
            if (cli_parse_size(optarg, &c->max_size) != 0)
                return cli_fail(env, "history: --max-size: '%s' is not a size (65536, 64K, "
                                     "64M, 1G)", optarg);
            break;
        case 'h': fputs(history_usage, env->out); return EXIT_CLEAN;
        default: return cli_option_error(env, "history", ch, argv);
        }
    }
    if (c->git_path && optind < argc)
        return cli_fail(env, "history: give FILEs or --git PATH, not both");
    if (!c->git_path && optind >= argc)
        return cli_fail(env, "history: no versions given (FILE... or --git PATH); see "
                             "'cpslint history --help'");
    if ((c->dir || c->git_dir) && !c->git_path)
        return cli_fail(env, "history: -C and --git-dir go with --git PATH");
    return -1;
}

/* ---- reading the versions ------------------------------------------------ */

typedef struct versions {
    history_version *v;
    size_t n;
    char **labels;          /* owned */
    char **errors;          /* owned */
    analysis *an;           /* owned, one per version (freed when a != NULL) */
    doc_profile *prof;      /* owned, one per checked version (profile.h) */
    git_versions git;
} versions;

static void version_meta(history_version *x, cps_date commit_date)
{
    x->version = x->a->meta.version;
    x->date = x->a->meta.date;
    x->commit_date = commit_date;
    if (x->date == DATE_NONE && commit_date != DATE_NONE) {
        x->date = commit_date;
        x->date_from_commit = 1;
    }
}

static void read_one(versions *vs, size_t i, const char *label, const unsigned char *bytes,
                     size_t len, cps_date commit_date, const outline_spec *spec,
                     const analysis_opts *ao)
{
    history_version *x = &vs->v[i];
    cps_err e;
    cps_err_clear(&e);
    vs->labels[i] = xstrdup(label);
    x->label = vs->labels[i];
    int rc = bytes ? analysis_run_bytes(label, bytes, len, spec, ao, &vs->an[i], &e)
                   : analysis_run(label, spec, ao, &vs->an[i], &e);
    if (rc) {
        vs->errors[i] = xstrdup(e.msg);
        x->error = vs->errors[i];
        return;
    }
    x->a = &vs->an[i];
    version_meta(x, commit_date);
}

static void versions_alloc(versions *vs, size_t n)
{
    vs->n = n;
    vs->v = xcalloc(n ? n : 1, sizeof *vs->v);
    vs->labels = xcalloc(n ? n : 1, sizeof *vs->labels);
    vs->errors = xcalloc(n ? n : 1, sizeof *vs->errors);
    vs->an = xcalloc(n ? n : 1, sizeof *vs->an);
    vs->prof = xcalloc(n ? n : 1, sizeof *vs->prof);
}

static int read_versions(const hist_cmd *c, char **files, size_t nfiles, const outline_spec *spec,
                         versions *vs, cli_env *env)
{
    analysis_opts ao;
    memset(&ao, 0, sizeof ao);
    ao.max_size = c->max_size;
    if (!c->git_path) {
        versions_alloc(vs, nfiles);
        for (size_t i = 0; i < nfiles; i++)
            read_one(vs, i, files[i], NULL, 0, DATE_NONE, spec, &ao);
        return 0;
    }
    git_opts go = {c->dir, c->git_dir, NULL, c->max_size};
    cps_err e;
    cps_err_clear(&e);
    if (git_versions_read(c->git_path, &go, &vs->git, &e) != 0)
        return cli_fail(env, "%s", e.msg);
    versions_alloc(vs, vs->git.n);
    for (size_t i = 0; i < vs->git.n; i++) {
        const git_version *g = &vs->git.v[i];
        char label[300];
        snprintf(label, sizeof label, "%s:%.280s", g->abbrev, g->name);
        read_one(vs, i, label, g->bytes, g->len, g->date, spec, &ao);
        vs->v[i].commit = g->abbrev;
    }
    return 0;
}

static void versions_free(versions *vs)
{
    for (size_t i = 0; i < vs->n; i++) {
        if (vs->v[i].checked) {
            check_result_free(&vs->v[i].own);
            free(vs->v[i].last);
            profile_free(&vs->prof[i]);
        }
        if (vs->v[i].a)
            analysis_free(&vs->an[i]);
        free(vs->labels[i]);
        free(vs->errors[i]);
    }
    free(vs->v);
    free(vs->labels);
    free(vs->errors);
    free(vs->an);
    free(vs->prof);
    git_versions_free(&vs->git);
}

/* ---- checking, with -j workers ------------------------------------------- */

typedef struct work {
    versions *vs;
    const cli_profile *force;
    const ruleset *rs;
    const outline_spec *spec;
    cps_date as_of;
    size_t next;
    int rule_error;
    pthread_mutex_t mu;
} work;

static void check_version(work *w, size_t i, matcher *m)
{
    history_version *x = &w->vs->v[i];
    doc_profile *p = &w->vs->prof[i];
    cps_err e;
    cps_err_clear(&e);
    profile_detect(x->a, p);
    profile_force(p, w->force->kind, w->force->scopes);
    cps_date own = x->date != DATE_NONE ? x->date : w->as_of;
    check_input in = {x->a, NULL, own, w->spec, p};
    check_run(w->rs, &in, m, &x->own, &e);
    /* As of its last day in force: only what can change between the two
     * dates is evaluated again (check_statuses_at). */
    in.as_of = x->last_day != DATE_NONE ? x->last_day : w->as_of;
    x->last = xcalloc(x->own.nitems ? x->own.nitems : 1, sizeof *x->last);
    check_statuses_at(w->rs, &in, m, &x->own, x->last);
    if (analysis_failed(x->a, &e)) {
        /* ICU failed on text built during the check: no verdict rests on
         * part of it; the version is a row with its error (exit 2) */
        check_result_free(&x->own);
        free(x->last);
        x->last = NULL;
        profile_free(p);
        w->vs->errors[i] = xstrdup(e.msg);
        x->error = w->vs->errors[i];
        analysis_free(&w->vs->an[i]);
        x->a = NULL;
        return;
    }
    x->checked = 1;
    int error = x->own.by_status[ST_ERROR] != 0;
    for (size_t k = 0; k < x->own.nitems; k++)
        error |= x->last[k] == ST_ERROR;
    if (error) {
        pthread_mutex_lock(&w->mu);
        w->rule_error = 1;
        pthread_mutex_unlock(&w->mu);
    }
}

static void *worker(void *arg)
{
    work *w = arg;
    matcher m;
    cps_err e;
    cps_err_clear(&e);
    if (matcher_init(&m, 0, 0, 0, &e) != 0)
        return NULL;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        size_t i = w->next++;
        pthread_mutex_unlock(&w->mu);
        if (i >= w->vs->n)
            break;
        if (w->vs->v[i].a)
            check_version(w, i, &m);
    }
    matcher_free(&m);
    return NULL;
}

static int check_all(work *w, int jobs)
{
    pthread_t tids[MAX_JOBS];
    int started = 0;
    if (jobs > (int)w->vs->n)
        jobs = (int)w->vs->n;
    for (int i = 1; i < jobs; i++)
        if (pthread_create(&tids[started], NULL, worker, w) == 0)
            started++;
    worker(w);
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    for (size_t i = 0; i < w->vs->n; i++)
        if (w->vs->v[i].a && !w->vs->v[i].checked)
            return -1; /* a matcher could not be made */
    return 0;
}

/* ---- the command ----------------------------------------------------------- */

static int exit_status(const hist_cmd *c, const versions *vs, const history *h, int rule_error)
{
    int trouble = rule_error;
    for (size_t i = 0; i < vs->n; i++)
        trouble |= !vs->v[i].a;
    if (trouble)
        return EXIT_TROUBLE;
    if (c->exit_zero)
        return EXIT_CLEAN;
    int fail = 0;
    for (size_t i = 0; i < h->nw; i++)
        fail |= c->fail_on && (int)h->w[i].rule->severity >= c->fail_on;
    for (size_t i = 0; i < h->nissues; i++)
        fail |= c->fail_on && h->issues[i].kind != HISTORY_UNREADABLE;
    return fail ? EXIT_FINDINGS : EXIT_CLEAN;
}

int cmd_history(int argc, char **argv, cli_env *env)
{
    hist_cmd c;
    memset(&c, 0, sizeof c);
    c.force.kind = -1;
    c.fail_on = SEV_ERROR;
    c.as_of = DATE_NONE;
    c.jobs = 1;
    c.fmt = HISTORY_TEXT;
    int rc = parse_opts(argc, argv, env, &c);
    if (rc >= 0)
        return rc;
    if (c.as_of == DATE_NONE)
        c.as_of = date_today();
    outline_spec spec;
    ruleset rs;
    if (cli_load(env, &c.sel, &spec, &rs))
        return EXIT_TROUBLE;
    versions vs;
    memset(&vs, 0, sizeof vs);
    if ((rc = read_versions(&c, argv + optind, (size_t)(argc - optind), &spec, &vs, env)) != 0) {
        ruleset_free(&rs);
        outline_spec_free(&spec);
        return rc;
    }
    history h;
    history_order(vs.v, vs.n, c.as_of, &h);
    work w = {&vs, &c.force, &rs, &spec, c.as_of, 0, 0, PTHREAD_MUTEX_INITIALIZER};
    if (check_all(&w, c.jobs) != 0) {
        rc = cli_fail(env, "history: cannot set up the pattern matcher");
    } else {
        history_analyse(vs.v, &rs, &h);
        buf out = BUF_INIT;
        history_report(&out, c.fmt, vs.v, &h, &rs);
        fwrite(buf_cstr(&out), 1, out.len, env->out);
        buf_free(&out);
        for (size_t i = 0; i < vs.n; i++)
            if (!vs.v[i].a)
                fprintf(env->err, "cpslint: %s\n", vs.v[i].error);
        rc = exit_status(&c, &vs, &h, w.rule_error);
    }
    pthread_mutex_destroy(&w.mu);
    history_free(&h);
    versions_free(&vs);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return rc;
}

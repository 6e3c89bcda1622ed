/* fuzz_common.h — shared set-up of the libFuzzer harnesses (fuzz/README.md).
 *
 * Harness-only code: each harness keeps the read-only data it loads once
 * (the expected outline, the installed rulesets) in file-static variables,
 * which the project's own modules never do. CPSLINT_SRCDIR (set by the
 * Makefile) is the source tree, so the data is found wherever the harness
 * runs. The helpers are static inline: each harness uses only some.
 */
#ifndef CPSLINT_FUZZ_COMMON_H
#define CPSLINT_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "analysis.h"
#include "buf.h"
#include "check.h"
#include "outline.h"
#include "report.h"
#include "ruleset.h"

#ifndef CPSLINT_SRCDIR
#define CPSLINT_SRCDIR "."
#endif

static inline void fuzz_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Abort with a message: a harness that cannot load its fixed data is a
 * broken build, not a finding. */
static inline void fuzz_die(const char *what, const cps_err *e)
{
    fprintf(stderr, "fuzz: %s: %s\n", what, e ? e->msg : "");
    abort();
}

static inline void fuzz_load_spec(outline_spec *spec)
{
    cps_err e;
    cps_err_clear(&e);
    if (!getenv("CPSLINT_DATA"))
        setenv("CPSLINT_DATA", CPSLINT_SRCDIR, 1);
    xmlSetGenericErrorFunc(NULL, fuzz_quiet);
    if (outline_spec_load(CPSLINT_SRCDIR "/rulesets/rfc3647.outline", spec, &e))
        fuzz_die("rfc3647.outline", &e);
}

/* Run rs over a, then both report writers; free everything. */
static inline void fuzz_check_and_report(const ruleset *rs, analysis *a, const outline_spec *spec,
                                  cps_date as_of)
{
    matcher m;
    cps_err e;
    cps_err_clear(&e);
    if (matcher_init(&m, 0, 0, 0, &e))
        fuzz_die("matcher_init", &e);
    check_input in = {a, NULL, as_of, spec};
    check_result res;
    memset(&res, 0, sizeof res);
    if (check_run(rs, &in, &m, &res, &e) == 0) {
        report_doc rd = {0};
        rd.a = a;
        rd.res = &res;
        buf out = BUF_INIT;
        report_opts ro = {.color = 1, .verbose = 1};
        report_text(&out, &rd, 1, as_of, &ro);
        buf_truncate(&out, 0);
        report_json(&out, &rd, 1, as_of);
        buf_free(&out);
    }
    check_result_free(&res);
    matcher_free(&m);
}

#endif

/* shipped_fixture.h — the shipped rules for unit tests that run them on
 * real documents: the RFC 3647 outline and every ruleset under
 * $CPSLINT_DATA (default "."), one matcher, and a walk over the documents
 * of a directory. Header-only so each test program stays one file; the
 * including file owns the state below for its lifetime. */
#ifndef CPSLINT_TEST_SHIPPED_FIXTURE_H
#define CPSLINT_TEST_SHIPPED_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "match.h"
#include "outline.h"
#include "ruleset.h"

static outline_spec spec;
static ruleset rs;
static matcher mt;
static char root[4096];

static int setup(void **state)
{
    (void)state;
    cps_err e;
    const char *dir = getenv("CPSLINT_DATA");
    snprintf(root, sizeof root, "%s", dir ? dir : ".");
    char path[4200];
    snprintf(path, sizeof path, "%s/rulesets/rfc3647.outline", root);
    if (outline_spec_load(path, &spec, &e))
        return -1;
    ruleset_init(&rs);
    if (ruleset_load_all(&rs, root, &spec, &e)) {
        fprintf(stderr, "%s\n", e.msg);
        return -1;
    }
    return matcher_init(&mt, 0, 0, 0, &e);
}

static int teardown(void **state)
{
    (void)state;
    matcher_free(&mt);
    ruleset_free(&rs);
    outline_spec_free(&spec);
    return 0;
}

/* The corpus: $CPSLINT_CORPUS, else ../shared/corpus beside the data. */
static void fixture_corpus_dir(char *dir, size_t n)
{
    const char *corpus = getenv("CPSLINT_CORPUS");
    if (corpus)
        snprintf(dir, n, "%s", corpus);
    else
        snprintf(dir, n, "%s/../shared/corpus", root);
}

/* fn(analysis, file name) on every file of dir ending in ext; returns how
 * many (0 when dir cannot be opened). A file that cannot be read fails. */
static size_t fixture_each_doc(const char *dir, const char *ext,
                               void (*fn)(analysis *a, const char *name))
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name), el = strlen(ext);
        if (l <= el || strcmp(de->d_name + l - el, ext))
            continue;
        char path[8400];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        analysis a;
        cps_err e;
        if (analysis_run(path, &spec, NULL, &a, &e))
            fail_msg("%s", e.msg);
        fn(&a, de->d_name);
        analysis_free(&a);
        n++;
    }
    closedir(d);
    return n;
}

#endif

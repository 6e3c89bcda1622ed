/* spec_fixture.h — the RFC 3647 outline for unit tests, read from the
 * reference TSV (number<TAB>title) or, failing that, a built-in excerpt.
 * Header-only so each test program stays one file. */
#ifndef CPSLINT_TEST_SPEC_FIXTURE_H
#define CPSLINT_TEST_SPEC_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "outline.h"

static void fixture_add(outline_spec *s, const char *num, const char *title)
{
    s->e = xrealloc(s->e, (s->n + 1) * sizeof *s->e);
    outline_entry *en = &s->e[s->n++];
    memset(en, 0, sizeof *en);
    snprintf(en->number, sizeof en->number, "%s", num);
    int lv = 1;
    for (const char *c = num; *c; c++)
        lv += *c == '.';
    en->level = lv;
    en->title = xstrdup(title);
}

static void fixture_spec(outline_spec *s)
{
    memset(s, 0, sizeof *s);
    const char *paths[] = {"rulesets/rfc3647.outline", "../shared/reference/rfc3647-outline.tsv",
                           "/work/shared/reference/rfc3647-outline.tsv", NULL};
    for (int i = 0; paths[i] && s->n == 0; i++) {
        FILE *f = fopen(paths[i], "r");
        if (!f)
            continue;
        char line[1024];
        while (fgets(line, sizeof line, f)) {
            if (line[0] == '#' || line[0] == '\n')
                continue;
            line[strcspn(line, "\r\n")] = '\0';
            char *tab = strchr(line, '\t');
            if (!tab)
                continue;
            *tab = '\0';
            char *title = tab + 1;
            char *tab2 = strchr(title, '\t');
            if (tab2)
                *tab2 = '\0';
            fixture_add(s, line, title);
        }
        fclose(f);
    }
    if (s->n == 0) {
        static const char *const ex[][2] = {
            {"1", "INTRODUCTION"}, {"1.1", "Overview"}, {"1.5", "Policy administration"},
            {"1.5.2", "Contact person"}, {"3", "IDENTIFICATION AND AUTHENTICATION"},
            {"3.2", "Initial identity validation"},
            {"3.2.2", "Authentication of organization identity"},
            {"3.2.3", "Authentication of individual identity"},
            {"4", "CERTIFICATE LIFE-CYCLE OPERATIONAL REQUIREMENTS"},
            {"4.9", "Certificate revocation and suspension"},
            {"4.9.3", "Procedure for revocation request"}};
        for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++)
            fixture_add(s, ex[i][0], ex[i][1]);
    }
}

static void fixture_spec_free(outline_spec *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->e[i].title);
        free(s->e[i].title_br);
        for (size_t k = 0; k < s->e[i].nfr; k++)
            free(s->e[i].titles_fr[k]);
        free(s->e[i].titles_fr);
    }
    free(s->e);
    memset(s, 0, sizeof *s);
}

#endif

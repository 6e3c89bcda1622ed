/* ruleset.c — the records of a ruleset: init/free, lookup, enabling, the
 * prefilter over its patterns (ruleset_internal.h for the other files). */
#include "ruleset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ruleset_internal.h"

/* ---- small helpers ---------------------------------------------------- */

void rs_strv_push(char ***v, size_t *n, const char *s)
{
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = xstrdup(s);
}

void rs_strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void patterns_free(rule_patterns *p)
{
    for (size_t i = 0; i < p->n; i++)
        match_pattern_free(&p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}


void rs_rule_free(rule *r)
{
    free(r->id);
    free(r->title);
    free(r->message);
    free(r->source);
    free(r->cite);
    free(r->url);
    free(r->match_label);
    free(r->also_label);
    rs_strv_free(r->scope, r->nscope);
    free(r->sec_from);
    rs_strv_free(r->exclude, r->nexclude);
    patterns_free(&r->match);
    patterns_free(&r->also);
    patterns_free(&r->unless);
    patterns_free(&r->link);
    patterns_free(&r->near);
    patterns_free(&r->offer);
    patterns_free(&r->mention);
    patterns_free(&r->local);
    free(r->steps);
    free(r->versions);
    free(r->uncertain);
    free(r->dates);
    free(r->description);
    for (size_t i = 0; i < r->nexamples; i++)
        free(r->examples[i].text);
    free(r->examples);
    memset(r, 0, sizeof *r);
}

void rs_rule_init(rule *r)
{
    memset(r, 0, sizeof *r);
    r->effective = r->until = r->doc_from = r->doc_until = r->strict_from = DATE_NONE;
    r->adopted = DATE_NONE;
    r->enabled = 1;
}

void ruleset_init(ruleset *rs)
{
    memset(rs, 0, sizeof *rs);
}

static void ruleset_pf_free(ruleset_pf *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->src[i]);
        prefilter_literals_free(x->lits[i], x->nlits[i]);
    }
    free(x->src);
    free(x->first);
    free(x->hash);
    free(x->lits);
    free(x->nlits);
    prefilter_free(x->pf);
    memset(x, 0, sizeof *x);
}

static uint32_t src_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

/* Give every pattern of rules[from..] its prefilter id (a new source gets
 * its literals extracted once), then rebuild the automaton. */
void rs_pf_update(ruleset *rs, size_t from)
{
    ruleset_pf *x = &rs->pf;
    for (size_t i = from; i < rs->n; i++) {
        rule *r = &rs->rules[i];
        rule_patterns *lists[] = {&r->match, &r->also, &r->unless, &r->link, &r->near,
                                  &r->offer, &r->mention, &r->local};
        for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
            for (size_t k = 0; k < lists[l]->n; k++) {
                rule_pattern *p = &lists[l]->v[k];
                uint32_t h = src_hash(p->src);
                size_t id = 0;
                while (id < x->n && (x->hash[id] != h || strcmp(x->src[id], p->src)))
                    id++;
                if (id == x->n) {
                    if (x->n == x->cap) {
                        x->cap = x->cap ? 2 * x->cap : 64;
                        x->src = xrealloc(x->src, x->cap * sizeof *x->src);
                        x->hash = xrealloc(x->hash, x->cap * sizeof *x->hash);
                        x->lits = xrealloc(x->lits, x->cap * sizeof *x->lits);
                        x->nlits = xrealloc(x->nlits, x->cap * sizeof *x->nlits);
                        x->first = xrealloc(x->first, x->cap * sizeof *x->first);
                    }
                    x->first[id] = *p;
                    x->src[id] = xstrdup(p->src);
                    x->hash[id] = h;
                    x->lits[id] = NULL;
                    x->nlits[id] = prefilter_literals(p->src, &x->lits[id]);
                    x->n++;
                }
                p->pf = (uint32_t)id;
                /* one compiled (and JIT-compiled) code per source */
                match_pattern_share(p, &x->first[id]);
            }
    }
    prefilter_free(x->pf);
    x->pf = prefilter_build((char *const *const *)x->lits, x->nlits, x->n);
}

void ruleset_free(ruleset *rs)
{
    if (!rs)
        return;
    ruleset_pf_free(&rs->pf);
    for (size_t i = 0; i < rs->n; i++)
        rs_rule_free(&rs->rules[i]);
    free(rs->rules);
    rs_strv_free(rs->files, rs->nfiles);
    memset(rs, 0, sizeof *rs);
}

const char *rule_severity_name(rule_severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_NOTICE: return "notice";
    }
    return "?";
}


const char *rule_addressed_to_name(rule_addressed_to t)
{
    return t == RULE_TO_CPS ? "cps" : t == RULE_TO_CP ? "cp" : "any";
}


const rule *ruleset_find(const ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->rules[i].id, id) == 0)
            return &rs->rules[i];
    return NULL;
}

int ruleset_set_enabled(ruleset *rs, const char *id, int enabled, cps_err *e)
{
    char prefix[256];
    size_t k = strlen(id);
    if (k >= sizeof prefix)
        return cps_err_set(e, CPS_E_USAGE, NULL, 0, "rule id too long: %s", id);
    memcpy(prefix, id, k + 1);
    if (k >= 2 && strcmp(prefix + k - 2, ".*") == 0)
        prefix[k - 2] = '\0';
    int changed = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const char *rid = rs->rules[i].id;
        if (strcmp(rid, id) == 0 || outline_number_within(rid, prefix)) {
            rs->rules[i].enabled = enabled;
            changed++;
        }
    }
    if (!changed)
        return cps_err_set(e, CPS_E_USAGE, NULL, 0, "no rule matches '%s' (see cpslint rules)", id);
    return changed;
}

static double step_approx_days(const limit_step *st)
{
    switch (st->unit) {
    case 'h': return st->value / 24.0;
    case 'w': return 7.0 * st->value;
    case 'm': return 30.0 * st->value;
    case 'y': return 365.0 * st->value;
    default: return st->value;
    }
}

int ruleset_step_loosens(const rule *r, size_t k)
{
    if (k == 0 || k >= r->nsteps)
        return 0;
    double prev = step_approx_days(&r->steps[k - 1]), cur = step_approx_days(&r->steps[k]);
    return r->limit_min ? cur < prev : cur > prev;
}

/* ---- section numbers --------------------------------------------------- */

const char *rule_key_name(unsigned bit)
{
    static const char *const names[] = {"match", "scope", "near", "max, min", "span = section",
                                        "subject", "also-wins", "headings = yes",
                                        "headings = no", "scope-strict, also-in", "min-version",
                                        "offer, mention, local"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if (bit == 1u << i)
            return names[i];
    return NULL;
}

/* check_suppress.c — inline suppression: the document's own
 * "cpslint-disable RULE -- reason" comments (doc.h doc_directive), applied
 * by check_run after every rule has run (docs/ci.md, "Inline suppression").
 *
 *   <!-- cpslint-disable br.4.9.3.problem-reporting -- the PA accepted it (PA-31) -->
 *
 * A directive stands in the section of the block before it and covers that
 * section's subtree: a finding of a named rule whose section is that one or
 * below it is suppressed (finding.suppressed: the reason, never failing the
 * run, still reported). A directive before the first section (the front
 * matter) covers the whole document. Several rule ids may be named,
 * separated by spaces or commas. Findings in the --translation document are
 * never suppressed (its comments are not read).
 *
 * A directive that cannot be honoured is a warning of a built-in rule, and
 * suppresses nothing for what it got wrong:
 *   cpslint.suppression.no-reason     no "-- reason" (or an empty one);
 *   cpslint.suppression.unknown-rule  a rule id no loaded ruleset has (or
 *                                     no rule id at all);
 *   cpslint.suppression.bad-directive "cpslint-disable-next-line" and other
 *                                     "cpslint-disable..." forms that are
 *                                     not the one directive.
 * These rules are not in a rules file: they are about cpslint's own
 * syntax, not about the CPS, and cannot be suppressed themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

enum { SUP_NO_REASON, SUP_UNKNOWN_RULE, SUP_BAD_DIRECTIVE, SUP_NRULES };

#define SUP_RULE(ID, TITLE, MESSAGE)                                                    \
    {                                                                                   \
        .id = ID, .title = TITLE, .message = MESSAGE, .source = "cpslint",              \
        .cite = "cpslint docs/ci.md, Inline suppression", .severity = SEV_WARNING,      \
        .kind = KIND_META, .effective = DATE_NONE, .adopted = DATE_NONE,                \
        .until = DATE_NONE, .doc_from = DATE_NONE, .doc_until = DATE_NONE,              \
        .strict_from = DATE_NONE, .enabled = 1, .file = "(built in)"                    \
    }

/* Read-only: nothing ever writes a rule through a finding. */
static const rule sup_rules[SUP_NRULES] = {
    SUP_RULE("cpslint.suppression.no-reason", "A cpslint-disable directive without a reason",
             "a cpslint-disable directive must give its reason after \" -- \"; "
             "it suppresses nothing"),
    SUP_RULE("cpslint.suppression.unknown-rule",
             "A cpslint-disable directive naming no known rule",
             "a cpslint-disable directive names a rule that no loaded ruleset has"),
    SUP_RULE("cpslint.suppression.bad-directive", "Not a cpslint directive",
             "only \"cpslint-disable RULE -- reason\" is a directive (for the section it "
             "stands in)"),
};

const rule *check_builtin_rule(const char *id)
{
    for (size_t i = 0; id && i < SUP_NRULES; i++)
        if (!strcmp(sup_rules[i].id, id))
            return &sup_rules[i];
    return NULL;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The section the directive stands in: that of the last block before it
 * (-1: the front matter, the whole document). */
static int directive_section(const analysis *a, const doc_directive *x)
{
    if (x->block == 0 || x->block > a->o.nblocks)
        return -1;
    return a->o.block_sec[x->block - 1];
}

/* 1 if section number num is scope or within it ("" scope: everything). */
static int in_subtree(const char *num, const char *scope)
{
    size_t n = strlen(scope);
    return !n || (!strncmp(num, scope, n) && (num[n] == 0 || num[n] == '.'));
}

/* A finding of built-in rule which at x (section si), saying message. */
static void problem(check_result *out, size_t *counts, const analysis *a, int si,
                    const doc_directive *x, int which, const char *message)
{
    finding *f = chk_add_finding(out, &sup_rules[which]);
    chk_finding_at_section(f, a, si);
    f->line = x->line;
    f->snippet = xstrdup(x->text);
    f->match = xstrdup(x->text);
    free(f->message);
    f->message = xstrdup(message);
    counts[which]++;
}

/* Mark the findings [0, nf) of rule id in section scope si as suppressed
 * by x with reason. */
static void suppress(check_result *out, size_t nf, const analysis *a, int si, const char *id,
                     const doc_directive *x, const char *reason)
{
    const char *scope = si >= 0 ? a->o.secs[si].number : "";
    for (size_t i = 0; i < nf; i++) {
        finding *f = &out->f[i];
        if (f->suppressed || f->translation || strcmp(f->rule->id, id) ||
            !in_subtree(f->section, scope))
            continue;
        f->suppressed = xstrdup(reason);
        f->suppressed_line = x->line;
    }
}

/* One directive: its rule ids and reason, then suppress or complain. */
static void apply_one(const ruleset *rs, const analysis *a, const doc_directive *x,
                      check_result *out, size_t nf, size_t *counts)
{
    static const char tag[] = "cpslint-disable";
    int si = directive_section(a, x);
    const char *s = x->text + sizeof tag - 1; /* doc.h: it starts with tag */
    buf m = BUF_INIT;
    if (*s && !is_space(*s)) {
        size_t n = strcspn(x->text, " \t\n\r\f");
        buf_printf(&m, "\"%.*s\" is not a cpslint directive: it suppresses nothing",
                   (int)(n > 60 ? 60 : n), x->text);
        problem(out, counts, a, si, x, SUP_BAD_DIRECTIVE, buf_cstr(&m));
        buf_free(&m);
        return;
    }
    const char *dash = strstr(s, "--");
    const char *ids_end = dash ? dash : s + strlen(s);
    const char *reason = dash ? dash + 2 : "";
    while (is_space(*reason))
        reason++;
    int nids = 0;
    for (const char *p = s; p < ids_end;) {
        while (p < ids_end && (is_space(*p) || *p == ','))
            p++;
        size_t n = 0;
        while (p + n < ids_end && !is_space(p[n]) && p[n] != ',')
            n++;
        if (!n)
            break;
        nids++;
        char *id = xstrndup(p, n);
        const rule *r = ruleset_find(rs, id);
        buf_truncate(&m, 0);
        if (!r) {
            buf_printf(&m, "cpslint-disable names \"%.*s\", which no loaded ruleset has",
                       (int)(n > 80 ? 80 : n), p);
            problem(out, counts, a, si, x, SUP_UNKNOWN_RULE, buf_cstr(&m));
        } else if (*reason) {
            suppress(out, nf, a, si, id, x, reason);
        }
        free(id);
        p += n;
    }
    if (!nids)
        problem(out, counts, a, si, x, SUP_UNKNOWN_RULE, "cpslint-disable names no rule");
    else if (!*reason)
        problem(out, counts, a, si, x, SUP_NO_REASON,
                "cpslint-disable gives no reason after \" -- \": it suppresses nothing");
    buf_free(&m);
}

void chk_suppress(const ruleset *rs, const check_input *in, check_result *out)
{
    const analysis *a = in->doc;
    if (!a->d.ndirectives)
        return;
    size_t nf = out->nf; /* the rules' findings, not the directives' own */
    size_t counts[SUP_NRULES] = {0};
    size_t before = out->nf;
    for (size_t i = 0; i < a->d.ndirectives; i++)
        apply_one(rs, a, &a->d.directives[i], out, nf, counts);
    if (out->nf == before)
        return;
    /* the directives' findings were appended in document order: group them
     * by rule, in the order of sup_rules, as check_run keeps item order */
    finding *tmp = xmalloc((out->nf - before) * sizeof *tmp);
    size_t k = 0;
    for (int w = 0; w < SUP_NRULES; w++)
        for (size_t i = before; i < out->nf; i++)
            if (out->f[i].rule == &sup_rules[w])
                tmp[k++] = out->f[i];
    memcpy(out->f + before, tmp, k * sizeof *tmp);
    free(tmp);
    out->items = xrealloc(out->items, (out->nitems + SUP_NRULES) * sizeof *out->items);
    for (int w = 0; w < SUP_NRULES; w++) {
        if (!counts[w])
            continue;
        check_item *it = &out->items[out->nitems++];
        memset(it, 0, sizeof *it);
        it->rule = &sup_rules[w];
        it->status = ST_FAIL;
        it->severity = SEV_WARNING;
        it->nfindings = counts[w];
    }
}

/* check_require.c — kind require: a `match` (and, if given, an `also`)
 * must occur in the rule's scope. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

/* Search all own-text blocks in scope; returns 1 found, 0 not, -1 error. */
static int scope_has(evalctx *c, analysis *a, const rule_patterns *ps)
{
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!chk_block_in_scope(&c->scope, c->r, a, bi) ||
            (a->o.roles[bi] == ROLE_HEADING && !c->r->in_headings))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        int rc = chk_any_in(c, chk_pf_block(c, a, bi), ps, tm->s, tm->len, NULL, NULL);
        if (rc != 0)
            return rc;
    }
    return 0;
}

static const char *spec_title_of(const analysis *a, const char *number)
{
    for (size_t i = 0; i < a->o.n; i++)
        if (!strcmp(a->o.secs[i].number, number))
            return a->o.secs[i].heading;
    return NULL;
}

check_status chk_eval_require(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    analysis *a = in->doc;
    const rule *r = c->r;
    int si = chk_first_scope_section(r, a);
    if (si == -1) {
        finding *f = chk_add_finding(out, r);
        snprintf(f->section, sizeof f->section, "%s", r->scope[0]);
        const char *t = spec_title_of(a, r->scope[0]);
        if (t)
            f->heading = xstrdup(t);
        free(f->message);
        buf m = BUF_INIT;
        buf_printf(&m, "section %s is missing", r->scope[0]);
        f->message = buf_detach(&m);
        return ST_PASS;
    }
    int has = scope_has(c, a, &r->match);
    if (has < 0)
        return ST_PASS;
    int has_also = 1;
    if (r->also.n && (has_also = scope_has(c, a, &r->also)) < 0)
        return ST_PASS;
    if (has && has_also)
        return ST_PASS;
    finding *f = chk_add_finding(out, r);
    if (si >= 0) {
        chk_finding_at_section(f, a, si);
        size_t cs, ce;
        size_t bb = chk_first_body_clause(a, si, &cs, &ce);
        if (bb != (size_t)-1) {
            const doc_block *b = &a->d.blocks[bb];
            f->snippet = text_snippet(b->text, b->len, 0, 0, 300, &f->mark_start, &f->mark_end);
            f->mark_end = f->mark_start;
            if (!f->line)
                f->line = b->line;
        }
    }
    char where[OUTLINE_NUM_MAX + 16];
    snprintf(where, sizeof where, "%s%s", strcmp(r->scope[0], "doc") ? "section " : "the document",
             strcmp(r->scope[0], "doc") ? r->scope[0] : "");
    buf m = BUF_INIT;
    if (r->also.n) {
        const char *l1 = r->match_label ? r->match_label : "the first pattern";
        const char *l2 = r->also_label ? r->also_label : "the second pattern";
        if (!has && !has_also)
            buf_printf(&m, "neither %s nor %s found in %s", l1, l2, where);
        else if (!has)
            buf_printf(&m, "no %s found in %s", l1, where);
        else
            buf_printf(&m, "no %s found in %s", l2, where);
    } else {
        buf_printf(&m, "no %s found in %s", r->match_label ? r->match_label : "match", where);
    }
    free(f->message);
    f->message = buf_detach(&m);
    return ST_PASS;
}


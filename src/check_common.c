/* check_common.c — findings, scope, pattern and clause helpers shared by
 * the rule kinds (check_internal.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

#include <stdarg.h>

/* ---- findings ----------------------------------------------------------- */

finding *chk_add_finding(check_result *out, const rule *r)
{
    if (out->nf == out->fcap) {
        out->fcap = out->fcap ? 2 * out->fcap : 32;
        out->f = xrealloc(out->f, out->fcap * sizeof *out->f);
    }
    finding *f = &out->f[out->nf++];
    memset(f, 0, sizeof *f);
    f->rule = r;
    f->severity = r->severity;
    f->status = ST_FAIL;
    f->block = CHECK_NO_BLOCK;
    f->message = xstrdup(r->message);
    return f;
}

void chk_finding_at_section(finding *f, const analysis *a, int si)
{
    if (si < 0)
        return;
    const section *s = &a->o.secs[si];
    snprintf(f->section, sizeof f->section, "%s", s->number);
    if (s->heading)
        f->heading = xstrdup(s->heading);
    f->line = s->line;
}

/* Quote block bi of a around the folded match [ms, me). */
void chk_finding_snippet(finding *f, analysis *a, size_t bi, size_t ms, size_t me)
{
    const text_map *tm = analysis_folded(a, bi);
    const doc_block *b = &a->d.blocks[bi];
    size_t ss = 0, se = 0;
    if (tm && me > ms) {
        text_map_span(tm, ms, me, &ss, &se);
    } else if (tm && ms < tm->len) {
        ss = se = tm->off[ms];
    }
    if (se > b->len)
        se = b->len;
    if (ss > se)
        ss = se;
    f->snippet = text_snippet(b->text, b->len, ss, se, 300, &f->mark_start, &f->mark_end);
    f->block = bi;
    f->bstart = ss;
    f->bend = se;
    if (tm && me > ms && me <= tm->len)
        f->match = xstrndup(tm->s + ms, me - ms);
    if (b->line > 0)
        f->line = b->line;
}

void chk_finding_free(finding *f)
{
    free(f->heading);
    free(f->snippet);
    free(f->message);
    free(f->match);
    free(f->suppressed);
}

/* ---- scope ------------------------------------------------------------- */

int chk_number_in(const char *number, char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], "doc") || outline_number_within(number, list[i]))
            return 1;
    return 0;
}

static int rule_is_doc_wide(const rule *r)
{
    for (size_t i = 0; i < r->nscope; i++)
        if (!strcmp(r->scope[i], "doc"))
            return 1;
    return 0;
}

int chk_section_in_scope(const rule *r, const char *num)
{
    if (!chk_number_in(num, r->scope, r->nscope))
        return 0;
    for (size_t i = 0; i < r->nexclude; i++)
        if (outline_number_within(num, r->exclude[i]))
            return 0;
    return 1;
}

/* 1 if block bi is text the rule looks at. */
int chk_block_in_scope(scope_memo *memo, const rule *r, const analysis *a, size_t bi)
{
    const outline *o = &a->o;
    if (bi >= o->nblocks)
        return 0;
    block_role role = o->roles[bi];
    if (role == ROLE_TOC || role == ROLE_REVISION)
        return 0;
    if (a->d.blocks[bi].flags & BLOCK_TOC)
        return 0;
    int si = o->block_sec[bi];
    if (si < 0)
        return rule_is_doc_wide(r) && role == ROLE_FRONT;
    if (memo->r != r || memo->a != a) {
        free(memo->in);
        memo->r = r;
        memo->a = a;
        memo->in = xcalloc(o->n ? o->n : 1, 1);
    }
    if (!memo->in[si])
        memo->in[si] = chk_section_in_scope(r, o->secs[si].number) ? 2 : 1;
    return memo->in[si] == 2;
}

/* Index of the first present section inside the rule's scope, -1 if none
 * (-2 for a doc-wide rule). */
int chk_first_scope_section(const rule *r, const analysis *a)
{
    if (rule_is_doc_wide(r))
        return -2;
    for (size_t k = 0; k < r->nscope; k++)
        for (size_t i = 0; i < a->o.n; i++) {
            const section *s = &a->o.secs[i];
            if (s->status != SEC_MISSING && outline_number_within(s->number, r->scope[k]))
                return (int)i;
        }
    return -1;
}

/* ---- pattern helpers --------------------------------------------------- */

/* The block index the prefilter knows block bi of a by, or CHK_NO_BLOCK. */
size_t chk_pf_block(const evalctx *c, const analysis *a, size_t bi)
{
    return c->hits && a == c->hits_doc ? bi : CHK_NO_BLOCK;
}

/* 0 when the prefilter proves that p matches nowhere in block blk (a
 * chk_pf_block index), so nowhere in any part of it either; 1 otherwise. */
/* A pattern could not run (a PCRE2 limit): the rule ends in status
 * error with PCRE2's message and where the pattern is. Returns -1. */
int chk_pattern_failed(evalctx *c, const rule_pattern *pat)
{
    char msg[200];
    match_error_message(c->m, msg, sizeof msg);
    snprintf(c->errmsg, sizeof c->errmsg, "pattern at %s:%ld: %s", c->r->file, pat->line, msg);
    c->failed = 1;
    return -1;
}

int chk_may_match(const evalctx *c, size_t blk, const rule_pattern *p)
{
    if (blk == CHK_NO_BLOCK || p->pf == MATCH_NO_PF)
        return 1;
    return pf_may(c->hits, p->pf, blk);
}

/* 1 if any pattern of ps occurs in s[0..n); 0 if none; -1 on error.
 * s[0..n) is (part of) the matching text of block blk, or blk is CHK_NO_BLOCK. */
int chk_any_in(evalctx *c, size_t blk, const rule_patterns *ps, const char *s, size_t n,
                  size_t *ms, size_t *me)
{
    for (size_t i = 0; i < ps->n; i++) {
        if (!chk_may_match(c, blk, &ps->v[i]))
            continue;
        size_t a, b;
        int rc = match_find(c->m, &ps->v[i], s, n, 0, &a, &b);
        if (rc == MATCH_FOUND) {
            if (ms) {
                *ms = a;
                *me = b;
            }
            return 1;
        }
        if (rc < 0)
            return chk_pattern_failed(c, &ps->v[i]);
    }
    return 0;
}

/* The clause holding pos: the last k with starts[k] <= pos (binary search;
 * a block may hold thousands of clauses). */
size_t chk_clause_of(const size_t *starts, size_t nc, size_t pos)
{
    size_t lo = 0, hi = nc;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The first clause of the first non-empty own-text block of section si,
 * as a span of its folded text. Returns the block index or (size_t)-1. */
size_t chk_first_body_clause(analysis *a, int si, size_t *cs, size_t *ce)
{
    const section *s = &a->o.secs[si];
    for (size_t b = s->body_start; b < s->body_end && b < a->d.nblocks; b++) {
        const text_map *tm = analysis_folded(a, b);
        if (!tm || tm->len == 0)
            continue;
        size_t *starts = NULL;
        size_t nc = text_clauses(tm->s, tm->len, &starts);
        *cs = 0;
        *ce = nc > 0 ? starts[1] : tm->len;
        free(starts);
        return b;
    }
    return (size_t)-1;
}

/* n/a: none of the rule's scope sections is in the document. */
check_status chk_scope_absent(const rule *r, char **note)
{
    if (note) {
        buf b = BUF_INIT;
        buf_printf(&b, "section %s is not in the document", r->scope[0]);
        *note = buf_detach(&b);
    }
    return ST_NA;
}

/* ---- validation -------------------------------------------------------- */

int chk_invalid(char *msg, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, size, fmt, ap);
    va_end(ap);
    return -1;
}

int chk_validate_statement(const rule *r, char *msg, size_t size)
{
    if (r->check)
        return chk_invalid(msg, size, "'check' is for structure, language and translation rules");
    if (r->link.n)
        return chk_invalid(msg, size, "'link' is for language rules");
    return 0;
}

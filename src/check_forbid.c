/* check_forbid.c — kind forbid: every match in scope is a finding unless
 * an `unless` pattern occurs in its clause (check.h says which clause). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "stance.h"

CHK_KIND_DECLARE(forbid);

/* For a list item: the paragraph that introduces its list (the nearest
 * earlier non-list block of the same section, when it ends with ':').
 * memo (one entry per block, MEMO_UNKNOWN at first) makes a long list
 * cost one walk, not one walk per item. */
#define MEMO_UNKNOWN ((size_t)-2)
static size_t list_intro(analysis *a, size_t bi, size_t *memo)
{
    int si = a->o.block_sec[bi];
    size_t k = bi, found = (size_t)-1;
    while (k-- > 0) {
        if (a->o.block_sec[k] != si)
            break;
        const doc_block *b = &a->d.blocks[k];
        if (b->kind == BLOCK_LIST_ITEM) {
            if (memo[k] != MEMO_UNKNOWN) {
                found = memo[k];
                break;
            }
            continue;
        }
        if (b->kind != BLOCK_PARAGRAPH)
            break;
        const text_map *tm = analysis_folded(a, k);
        if (!tm || !tm->len)
            break;
        size_t n = tm->len;
        while (n > 0 && tm->s[n - 1] == ' ')
            n--;
        if (n > 0 && tm->s[n - 1] == ':')
            found = k;
        break;
    }
    /* every list item walked over shares the answer */
    for (size_t j = bi; j > k && j < a->d.nblocks; j--) {
        if (a->d.blocks[j].kind == BLOCK_LIST_ITEM || j == bi)
            memo[j] = found;
        if (j == 0)
            break;
    }
    return found;
}


static int unless_in(evalctx *c, size_t blk, const char *s, size_t cs, size_t ce)
{
    if (!c->r->unless.n || ce <= cs)
        return 0;
    return chk_any_in(c, blk, &c->r->unless, s + cs, ce - cs, NULL, NULL);
}

/* For a table cell: an `unless` anywhere in its row ("3.2.2.4.1 | Not
 * used"). The cells of a row are contiguous blocks. */
static int unless_in_row(evalctx *c, analysis *a, size_t bi)
{
    const doc_block *b = &a->d.blocks[bi];
    size_t lo = bi, hi = bi + 1;
    while (lo > 0 && a->d.blocks[lo - 1].table == b->table && a->d.blocks[lo - 1].row == b->row)
        lo--;
    while (hi < a->d.nblocks && a->d.blocks[hi].table == b->table && a->d.blocks[hi].row == b->row)
        hi++;
    for (size_t k = lo; k < hi; k++) {
        if (k == bi)
            continue;
        const text_map *tm = analysis_folded(a, k);
        int rc = tm ? unless_in(c, chk_pf_block(c, a, k), tm->s, 0, tm->len) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- stance rules (offer / mention / local cues) ------------------------ */

/* What a stance rule saw where the text does not say whether the method is
 * offered: counted, the first one kept for the n/a note. */
typedef struct unclear_log {
    size_t n;
    int sec;
    long line;
    char why[200];
} unclear_log;

static int is_stance_rule(const rule *r)
{
    return r->offer.n || r->mention.n || r->local.n;
}

static int stance_find(void *ctx, stance_cue cue, size_t blk, const char *s, size_t n,
                       size_t *cs, size_t *ce)
{
    evalctx *c = ctx;
    const rule_patterns *ps = cue == CUE_DISCLAIM  ? &c->r->unless
                              : cue == CUE_MENTION ? &c->r->mention
                              : cue == CUE_OFFER   ? &c->r->offer
                                                   : &c->r->local;
    if (!ps->n || !n)
        return 0;
    size_t pb = blk == (size_t)-1 ? CHK_NO_BLOCK : chk_pf_block(c, c->stance_doc, blk);
    return chk_any_in(c, pb, ps, s, n, cs, ce);
}

/* Classify one match of a stance rule: 1 a finding (offered), 0 none,
 * -1 error. An unclear construct goes to log. */
static int stance_match(evalctx *c, analysis *a, size_t bi, size_t ms, size_t me,
                        check_result *out, int translation, unclear_log *log)
{
    stance st;
    stance_cues cues = {stance_find, c};
    c->stance_doc = a;
    if (stance_classify(a, &cues, c->as_of, bi, ms, me, &st) < 0 || c->failed)
        return -1;
    c->dated |= st.dated;
    if (st.kind == STANCE_UNCLEAR) {
        if (log->n++ == 0) {
            log->sec = a->o.block_sec[bi];
            log->line = a->d.blocks[bi].line;
            snprintf(log->why, sizeof log->why, "%s", st.why);
        }
        return 0;
    }
    if (st.kind != STANCE_OFFERED)
        return 0;
    finding *f = chk_add_finding(out, c->r);
    f->translation = translation;
    chk_finding_at_section(f, a, a->o.block_sec[bi]);
    chk_finding_snippet(f, a, bi, ms, me);
    chk_finding_row_label(f, a, bi); /* a table cell quoted with its row */
    buf m = BUF_INIT;
    buf_printf(&m, "%s; %s", c->r->message, st.why);
    free(f->message);
    f->message = buf_detach(&m);
    return 1;
}

static char *unclear_note(const analysis *a, const unclear_log *log)
{
    buf b = BUF_INIT;
    buf_printf(&b, "named %zu time(s) where the text does not say whether it is offered "
               "(first: ", log->n);
    if (log->sec >= 0)
        buf_printf(&b, "section %s, ", a->o.secs[log->sec].number);
    if (log->line > 0)
        buf_printf(&b, "line %ld, ", log->line);
    buf_printf(&b, "%s): check by hand", log->why);
    return buf_detach(&b);
}

static void eval_forbid(evalctx *c, analysis *a, check_result *out, int translation,
                        unclear_log *log)
{
    const rule *r = c->r;
    chk_table_memo memo = {0, 0};
    size_t *intro_memo = xmalloc((a->d.nblocks ? a->d.nblocks : 1) * sizeof *intro_memo);
    for (size_t i = 0; i < a->d.nblocks; i++)
        intro_memo[i] = MEMO_UNKNOWN;
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        if (!chk_block_in_scope(&c->scope, r, a, bi))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        int heading = a->o.roles[bi] == ROLE_HEADING;
        if (heading && r->in_headings < 0)
            continue; /* `headings = no`: an RFC 3647 title is not a statement */
        /* Clauses are split on the block's first match only: most blocks
         * match nothing, and splitting every block for every rule was a
         * fifth of a check run (callgrind, docs/performance.md). */
        size_t *starts = NULL, nc = 0;
        unsigned char *done = NULL;
        size_t blk = chk_pf_block(c, a, bi);
        for (size_t pi = 0; pi < r->match.n && !c->failed; pi++) {
            if (!chk_may_match(c, blk, &r->match.v[pi]))
                continue;
            size_t from = 0, ms, me;
            for (;;) {
                int rc = match_find(c->m, &r->match.v[pi], tm->s, tm->len, from, &ms, &me);
                if (rc < 0) {
                    chk_pattern_failed(c, &r->match.v[pi]);
                    break;
                }
                if (rc == MATCH_NONE)
                    break;
                from = me > ms ? me : ms + 1;
                while (from < tm->len && ((unsigned char)tm->s[from] & 0xC0) == 0x80)
                    from++;
                if (!done) {
                    if (heading) { /* the heading is one clause */
                        starts = xmalloc(2 * sizeof *starts);
                        starts[0] = 0;
                        starts[1] = tm->len;
                        nc = 1;
                    } else {
                        nc = text_clauses(tm->s, tm->len, &starts);
                    }
                    done = xcalloc(nc + 1, 1);
                }
                size_t k = nc ? chk_clause_of(starts, nc, ms) : 0;
                if (done[k])
                    continue;
                if (log) {
                    int got = stance_match(c, a, bi, ms, me, out, translation, log);
                    if (got < 0) {
                        c->failed = 1;
                        break;
                    }
                    done[k] = (unsigned char)got;
                    continue;
                }
                size_t cs = nc ? starts[k] : 0, ce = nc ? starts[k + 1] : tm->len;
                int cancel = unless_in(c, blk, tm->s, cs, ce);
                if (cancel < 0)
                    break;
                if (!cancel && heading) {
                    int si = a->o.block_sec[bi];
                    size_t bcs, bce;
                    size_t bb = si >= 0 ? chk_first_body_clause(a, si, &bcs, &bce) : (size_t)-1;
                    if (bb == (size_t)-1) {
                        cancel = 1; /* a bare heading offers nothing */
                    } else {
                        const text_map *bt = analysis_folded(a, bb);
                        cancel = unless_in(c, chk_pf_block(c, a, bb), bt->s, bcs, bce);
                    }
                    if (cancel < 0)
                        break;
                }
                if (!cancel && a->d.blocks[bi].table)
                    cancel = unless_in_row(c, a, bi);
                if (cancel < 0)
                    break;
                if (!cancel && a->d.blocks[bi].kind == BLOCK_LIST_ITEM) {
                    size_t ib = list_intro(a, bi, intro_memo);
                    if (ib != (size_t)-1) {
                        const text_map *it = analysis_folded(a, ib);
                        size_t *is = NULL;
                        size_t inc = text_clauses(it->s, it->len, &is);
                        size_t ics = inc ? is[inc - 1] : 0;
                        cancel = unless_in(c, chk_pf_block(c, a, ib), it->s, ics, it->len);
                        free(is);
                        if (cancel < 0)
                            break;
                    }
                }
                done[k] = 1;
                if (!cancel)
                    cancel = chk_requirement_voice(tm->s, cs, ms);
                if (cancel || chk_forbid_elsewhere(r, a, bi, tm->s, cs, ce, ms, c->as_of, &memo,
                                                &c->dated))
                    continue;
                finding *f = chk_add_finding(out, r);
                f->translation = translation;
                chk_finding_at_section(f, a, a->o.block_sec[bi]);
                chk_finding_snippet(f, a, bi, ms, me);
                chk_finding_row_label(f, a, bi); /* a table cell quoted with its row */
            }
        }
        free(done);
        free(starts);
    }
    free(intro_memo);
}

/* ---- forbid over a whole section (span = section) ----------------------- */

/* The own text of each present section in scope, joined with spaces, is
 * one clause: patterns anchored with ^...$ see the section's whole body
 * ("No stipulation." and nothing else). */
static void eval_forbid_sections(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    for (size_t si = 0; si < a->o.n && !c->failed; si++) {
        const section *sec = &a->o.secs[si];
        if (sec->status == SEC_MISSING || !chk_section_in_scope(r, sec->number))
            continue;
        buf t = BUF_INIT;
        size_t first = (size_t)-1;
        for (size_t b = sec->body_start; b < sec->body_end && b < a->d.nblocks; b++) {
            block_role role = a->o.roles[b];
            if (role == ROLE_TOC || role == ROLE_REVISION || role == ROLE_HEADING)
                continue;
            const text_map *tm = analysis_folded(a, b);
            if (!tm || !tm->len)
                continue;
            if (first == (size_t)-1)
                first = b;
            if (t.len)
                buf_putc(&t, ' ');
            buf_put(&t, tm->s, tm->len);
        }
        if (first == (size_t)-1) {
            buf_free(&t);
            continue;
        }
        size_t ms, me;
        int rc = chk_any_in(c, CHK_NO_BLOCK, &r->match, buf_cstr(&t), t.len, &ms, &me);
        if (rc == 1 && r->unless.n)
            rc = chk_any_in(c, CHK_NO_BLOCK, &r->unless, buf_cstr(&t), t.len, NULL, NULL) == 1 ? 0 : rc;
        if (rc == 1) {
            finding *f = chk_add_finding(out, r);
            chk_finding_at_section(f, a, (int)si);
            const text_map *tm = analysis_folded(a, first);
            size_t e = me < tm->len ? me : tm->len;
            chk_finding_snippet(f, a, first, ms < e ? ms : 0, e);
        }
        buf_free(&t);
    }
}


check_status chk_eval_forbid(evalctx *c, const check_input *in, check_result *out, char **note)
{
    analysis *a = in->doc;
    if (chk_first_scope_section(c->r, a) == -1)
        return chk_scope_absent(c->r, note);
    if (c->r->span_section) {
        eval_forbid_sections(c, a, out);
        return ST_PASS;
    }
    if (!is_stance_rule(c->r)) {
        eval_forbid(c, a, out, 0, NULL);
        return ST_PASS;
    }
    unclear_log log = {0, -1, 0, ""};
    size_t before = out->nf;
    eval_forbid(c, a, out, 0, &log);
    if (out->nf == before && log.n && !c->failed && note) {
        *note = unclear_note(a, &log);
        return ST_NA;
    }
    return ST_PASS;
}

int chk_validate_forbid(rule *r, char *msg, size_t size)
{
    if (r->also.n)
        return chk_invalid(msg, size, "'also' is for require rules");
    return chk_validate_statement(r, msg, size);
}

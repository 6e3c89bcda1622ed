#include "check.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "translation.h"

const char *check_status_name(check_status s)
{
    switch (s) {
    case ST_FAIL: return "fail";
    case ST_UPCOMING: return "upcoming";
    case ST_ERROR: return "error";
    case ST_PASS: return "pass";
    case ST_NA: return "n/a";
    case ST_NOT_EFFECTIVE: return "not-effective";
    }
    return "?";
}

static void finding_free(finding *f)
{
    free(f->heading);
    free(f->snippet);
    free(f->message);
    free(f->match);
}

void check_result_free(check_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nf; i++)
        finding_free(&r->f[i]);
    free(r->f);
    for (size_t i = 0; i < r->nitems; i++)
        free(r->items[i].note);
    free(r->items);
    memset(r, 0, sizeof *r);
}

int check_worst_severity(const check_result *r)
{
    int worst = 0;
    for (size_t i = 0; i < r->nf; i++)
        if ((int)r->f[i].severity > worst)
            worst = (int)r->f[i].severity;
    return worst;
}

/* ---- findings ----------------------------------------------------------- */

static finding *add_finding(check_result *out, const rule *r)
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
    f->message = xstrdup(r->message);
    return f;
}

static void finding_at_section(finding *f, const analysis *a, int si)
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
static void finding_snippet(finding *f, analysis *a, size_t bi, size_t ms, size_t me)
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
    if (tm && me > ms && me <= tm->len)
        f->match = xstrndup(tm->s + ms, me - ms);
    if (b->line > 0)
        f->line = b->line;
}

/* ---- scope ------------------------------------------------------------- */

static int number_in(const char *number, char **list, size_t n)
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

/* Whether each section of one analysis is in one rule's scope, decided on
 * first use per section (0 unknown, 1 out, 2 in): blocks outnumber
 * sections, and comparing section numbers per block was 7% of a run. */
typedef struct scope_memo {
    const rule *r;
    const analysis *a;
    unsigned char *in;      /* a->o.n entries (owned) */
} scope_memo;

static int section_in_scope(const rule *r, const char *num)
{
    if (!number_in(num, r->scope, r->nscope))
        return 0;
    for (size_t i = 0; i < r->nexclude; i++)
        if (outline_number_within(num, r->exclude[i]))
            return 0;
    return 1;
}

/* 1 if block bi is text the rule looks at. */
static int block_in_scope(scope_memo *memo, const rule *r, const analysis *a, size_t bi)
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
        memo->in[si] = section_in_scope(r, o->secs[si].number) ? 2 : 1;
    return memo->in[si] == 2;
}

/* Index of the first present section inside the rule's scope, -1 if none
 * (-2 for a doc-wide rule). */
static int first_scope_section(const rule *r, const analysis *a)
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

typedef struct evalctx {
    const rule *r;
    const outline_spec *spec;
    matcher *m;
    const pf_hits *hits;      /* prefilter of hits_doc's blocks, or NULL */
    const analysis *hits_doc;
    scope_memo scope;         /* block_in_scope's (owned) */
    int failed;       /* a limit or error was hit */
    char errmsg[256];
} evalctx;

/* A subject that is not (part of) one block of the checked document. */
#define NO_BLOCK ((size_t)-1)

/* The block index the prefilter knows block bi of a by, or NO_BLOCK. */
static size_t pf_block(const evalctx *c, const analysis *a, size_t bi)
{
    return c->hits && a == c->hits_doc ? bi : NO_BLOCK;
}

/* 0 when the prefilter proves that p matches nowhere in block blk (a
 * pf_block index), so nowhere in any part of it either; 1 otherwise. */
/* A pattern could not run (a PCRE2 limit): the rule ends in status
 * error with PCRE2's message and where the pattern is. Returns -1. */
static int pattern_failed(evalctx *c, const rule_pattern *pat)
{
    char msg[200];
    match_error_message(c->m, msg, sizeof msg);
    snprintf(c->errmsg, sizeof c->errmsg, "pattern at %s:%ld: %s", c->r->file, pat->line, msg);
    c->failed = 1;
    return -1;
}

static int may_match(const evalctx *c, size_t blk, const rule_pattern *p)
{
    if (blk == NO_BLOCK || p->pf == MATCH_NO_PF)
        return 1;
    return pf_may(c->hits, p->pf, blk);
}

/* 1 if any pattern of ps occurs in s[0..n); 0 if none; -1 on error.
 * s[0..n) is (part of) the matching text of block blk, or blk is NO_BLOCK. */
static int any_in(evalctx *c, size_t blk, const rule_patterns *ps, const char *s, size_t n,
                  size_t *ms, size_t *me)
{
    for (size_t i = 0; i < ps->n; i++) {
        if (!may_match(c, blk, &ps->v[i]))
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
            return pattern_failed(c, &ps->v[i]);
    }
    return 0;
}

/* The clause holding pos: the last k with starts[k] <= pos (binary search;
 * a block may hold thousands of clauses). */
static size_t clause_of(const size_t *starts, size_t nc, size_t pos)
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
static size_t first_body_clause(analysis *a, int si, size_t *cs, size_t *ce)
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

/* ---- forbid ------------------------------------------------------------ */

static int unless_in(evalctx *c, size_t blk, const char *s, size_t cs, size_t ce)
{
    if (!c->r->unless.n || ce <= cs)
        return 0;
    return any_in(c, blk, &c->r->unless, s + cs, ce - cs, NULL, NULL);
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
        int rc = tm ? unless_in(c, pf_block(c, a, k), tm->s, 0, tm->len) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

static void eval_forbid(evalctx *c, analysis *a, check_result *out, int translation)
{
    const rule *r = c->r;
    size_t *intro_memo = xmalloc((a->d.nblocks ? a->d.nblocks : 1) * sizeof *intro_memo);
    for (size_t i = 0; i < a->d.nblocks; i++)
        intro_memo[i] = MEMO_UNKNOWN;
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        if (!block_in_scope(&c->scope, r, a, bi))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        int heading = a->o.roles[bi] == ROLE_HEADING;
        /* Clauses are split on the block's first match only: most blocks
         * match nothing, and splitting every block for every rule was a
         * fifth of a check run (callgrind, docs/performance.md). */
        size_t *starts = NULL, nc = 0;
        unsigned char *done = NULL;
        size_t blk = pf_block(c, a, bi);
        for (size_t pi = 0; pi < r->match.n && !c->failed; pi++) {
            if (!may_match(c, blk, &r->match.v[pi]))
                continue;
            size_t from = 0, ms, me;
            for (;;) {
                int rc = match_find(c->m, &r->match.v[pi], tm->s, tm->len, from, &ms, &me);
                if (rc < 0) {
                    pattern_failed(c, &r->match.v[pi]);
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
                size_t k = nc ? clause_of(starts, nc, ms) : 0;
                if (done[k])
                    continue;
                size_t cs = nc ? starts[k] : 0, ce = nc ? starts[k + 1] : tm->len;
                int cancel = unless_in(c, blk, tm->s, cs, ce);
                if (cancel < 0)
                    break;
                if (!cancel && heading) {
                    int si = a->o.block_sec[bi];
                    size_t bcs, bce;
                    size_t bb = si >= 0 ? first_body_clause(a, si, &bcs, &bce) : (size_t)-1;
                    if (bb == (size_t)-1) {
                        cancel = 1; /* a bare heading offers nothing */
                    } else {
                        const text_map *bt = analysis_folded(a, bb);
                        cancel = unless_in(c, pf_block(c, a, bb), bt->s, bcs, bce);
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
                        cancel = unless_in(c, pf_block(c, a, ib), it->s, ics, it->len);
                        free(is);
                        if (cancel < 0)
                            break;
                    }
                }
                done[k] = 1;
                if (cancel)
                    continue;
                finding *f = add_finding(out, r);
                f->translation = translation;
                finding_at_section(f, a, a->o.block_sec[bi]);
                finding_snippet(f, a, bi, ms, me);
            }
        }
        free(done);
        free(starts);
    }
    free(intro_memo);
}

/* ---- require ----------------------------------------------------------- */

/* Search all own-text blocks in scope; returns 1 found, 0 not, -1 error. */
static int scope_has(evalctx *c, analysis *a, const rule_patterns *ps)
{
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!block_in_scope(&c->scope, c->r, a, bi) ||
            (a->o.roles[bi] == ROLE_HEADING && !c->r->in_headings))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        int rc = any_in(c, pf_block(c, a, bi), ps, tm->s, tm->len, NULL, NULL);
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

static void eval_require(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    int si = first_scope_section(r, a);
    if (si == -1) {
        finding *f = add_finding(out, r);
        snprintf(f->section, sizeof f->section, "%s", r->scope[0]);
        const char *t = spec_title_of(a, r->scope[0]);
        if (t)
            f->heading = xstrdup(t);
        free(f->message);
        buf m = BUF_INIT;
        buf_printf(&m, "section %s is missing", r->scope[0]);
        f->message = buf_detach(&m);
        return;
    }
    int has = scope_has(c, a, &r->match);
    if (has < 0)
        return;
    int has_also = 1;
    if (r->also.n && (has_also = scope_has(c, a, &r->also)) < 0)
        return;
    if (has && has_also)
        return;
    finding *f = add_finding(out, r);
    if (si >= 0) {
        finding_at_section(f, a, si);
        size_t cs, ce;
        size_t bb = first_body_clause(a, si, &cs, &ce);
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
}

/* ---- structure --------------------------------------------------------- */

static void eval_structure(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        if (s->spec < 0 || !number_in(s->number, r->scope, r->nscope))
            continue;
        int excluded = 0;
        for (size_t k = 0; k < r->nexclude; k++)
            excluded |= outline_number_within(s->number, r->exclude[k]);
        if (excluded)
            continue;
        const char *what = NULL;
        char titled[256];
        if (r->check == CHECK_MISSING_SECTIONS && s->status == SEC_MISSING)
            what = "is missing";
        else if (r->check == CHECK_BLANK_SECTIONS && s->status != SEC_MISSING && s->empty)
            what = "is blank (no text and no subsections)";
        else if (r->check == CHECK_SECTION_ORDER && s->status == SEC_OUT_OF_ORDER)
            what = "is out of RFC 3647 order";
        else if (r->check == CHECK_DUPLICATE_SECTIONS && s->status == SEC_DUPLICATE)
            what = "appears more than once";
        else if (r->check == CHECK_HEADING_TITLES && s->status != SEC_MISSING &&
                 s->title_match == 0 && c->spec && (size_t)s->spec < c->spec->n) {
            snprintf(titled, sizeof titled, "is titled \"%.100s\"; RFC 3647: \"%.100s\"",
                     s->heading ? s->heading : "", c->spec->e[s->spec].title);
            what = titled;
        }
        if (!what)
            continue;
        finding *f = add_finding(out, r);
        finding_at_section(f, a, (int)i);
        if (!f->heading && c->spec && s->spec >= 0 && (size_t)s->spec < c->spec->n)
            f->heading = xstrdup(c->spec->e[s->spec].title);
        free(f->message);
        buf m = BUF_INIT;
        buf_printf(&m, "section %s %s", s->number, what);
        f->message = buf_detach(&m);
    }
}

/* ---- language ---------------------------------------------------------- */

static int link_says_english(evalctx *c, const doc_link *l)
{
    const char *parts[2] = {l->text, l->href};
    for (int k = 0; k < 2; k++) {
        if (!parts[k] || !*parts[k])
            continue;
        text_map tm;
        cps_err e;
        if (text_fold(parts[k], strlen(parts[k]), &tm, &e) != 0)
            continue;
        int rc = any_in(c, NO_BLOCK, &c->r->link, tm.s, tm.len, NULL, NULL);
        text_map_free(&tm);
        if (rc != 0)
            return rc;
    }
    return 0;
}

static void eval_disclaimers(evalctx *c, analysis *a, check_result *out, int translation)
{
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        block_role role = a->o.roles[bi];
        if (role == ROLE_TOC || role == ROLE_REVISION)
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        size_t ms, me;
        int rc = any_in(c, pf_block(c, a, bi), &c->r->match, tm->s, tm->len, &ms, &me);
        if (rc < 0)
            return;
        if (rc == 0)
            continue;
        finding *f = add_finding(out, c->r);
        f->translation = translation;
        finding_at_section(f, a, a->o.block_sec[bi]);
        finding_snippet(f, a, bi, ms, me);
        free(f->message);
        buf m = BUF_INIT;
        buf_printf(&m, "%s says another language prevails: the English version is not "
                       "authoritative", translation ? "the English version" : "the document");
        f->message = buf_detach(&m);
        return; /* one is enough */
    }
}

static void eval_language(evalctx *c, const check_input *in, cps_date as_of, check_result *out)
{
    analysis *a = in->doc;
    const rule *r = c->r;
    int strict = r->strict_from != DATE_NONE && as_of != DATE_NONE && as_of >= r->strict_from;
    analysis *english = NULL;
    int english_is_translation = 0;
    if (!strcmp(a->lang, "en")) {
        english = a;
    } else if (in->translation && !strcmp(in->translation->lang, "en")) {
        english = in->translation;
        english_is_translation = 1;
    }
    if (!english && !in->translation && translation_bilingual(a))
        english = a; /* its English part is the English version (translation.h) */
    int linked = 0;
    if (!english && !in->translation) {
        for (size_t i = 0; i < a->d.nlinks && !linked; i++) {
            int rc = link_says_english(c, &a->d.links[i]);
            if (rc < 0)
                return;
            linked = rc;
        }
    }
    if (!english && !linked) {
        finding *f = add_finding(out, r);
        free(f->message);
        buf m = BUF_INIT;
        if (in->translation)
            buf_printf(&m, "the document is in '%s' and the translation given is in '%s', "
                           "not English", a->lang[0] ? a->lang : "und",
                       in->translation->lang[0] ? in->translation->lang : "und");
        else
            buf_printf(&m, "the document is in '%s'; no English version was given with "
                           "--translation or linked from the document",
                       a->lang[0] ? a->lang : "und");
        f->message = buf_detach(&m);
        /* Quote the start of the document as evidence of its language. */
        size_t start = a->o.first_section_block < a->d.nblocks ? a->o.first_section_block : 0;
        for (size_t bi = start; bi < a->d.nblocks; bi++)
            if (a->d.blocks[bi].kind == BLOCK_PARAGRAPH && a->d.blocks[bi].len > 40) {
                const doc_block *b = &a->d.blocks[bi];
                f->snippet = text_snippet(b->text, b->len, 0, 0, 200, &f->mark_start, &f->mark_end);
                f->mark_end = f->mark_start;
                finding_at_section(f, a, a->o.block_sec[bi]);
                f->line = b->line;
                break;
            }
        return;
    }
    if (strict && r->match.n) {
        eval_disclaimers(c, a, out, 0);
        if (english_is_translation && !c->failed)
            eval_disclaimers(c, english, out, 1);
    }
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
        if (sec->status == SEC_MISSING || !number_in(sec->number, r->scope, r->nscope))
            continue;
        int excluded = 0;
        for (size_t k = 0; k < r->nexclude; k++)
            excluded |= outline_number_within(sec->number, r->exclude[k]);
        if (excluded)
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
        int rc = any_in(c, NO_BLOCK, &r->match, buf_cstr(&t), t.len, &ms, &me);
        if (rc == 1 && r->unless.n)
            rc = any_in(c, NO_BLOCK, &r->unless, buf_cstr(&t), t.len, NULL, NULL) == 1 ? 0 : rc;
        if (rc == 1) {
            finding *f = add_finding(out, r);
            finding_at_section(f, a, (int)si);
            const text_map *tm = analysis_folded(a, first);
            size_t e = me < tm->len ? me : tm->len;
            finding_snippet(f, a, first, ms < e ? ms : 0, e);
        }
        buf_free(&t);
    }
}

/* ---- limit ------------------------------------------------------------- */

typedef struct span_t {
    size_t s, e;
} span_t;

typedef enum { DIR_NONE = 0, DIR_START, DIR_START_AFTER, DIR_END_INCL, DIR_END_EXCL } date_dir;

typedef struct dated {
    size_t s, e;
    cps_date d;
    date_dir dir;
    size_t cue;       /* offset of the cue word, or s when none */
} dated;

/* The direction a date gives a window, from the words just before it. */
static date_dir date_direction(const char *s, size_t ds, size_t *cue_at)
{
    static const struct {
        const char *w;
        date_dir d;
    } cues[] = {
        {"on or after", DIR_START}, {"on and after", DIR_START}, {"as from", DIR_START},
        {"as of", DIR_START}, {"from", DIR_START}, {"starting", DIR_START},
        {"beginning", DIR_START}, {"effective", DIR_START}, {"since", DIR_START},
        {"a partir du", DIR_START}, {"a partir de", DIR_START}, {"a compter du", DIR_START},
        {"a compter de", DIR_START}, {"des le", DIR_START}, {"depuis le", DIR_START},
        {"after", DIR_START_AFTER}, {"apres le", DIR_START_AFTER},
        {"until", DIR_END_INCL}, {"till", DIR_END_INCL}, {"through", DIR_END_INCL},
        {"up to and including", DIR_END_INCL}, {"jusqu'au", DIR_END_INCL},
        {"jusqu'a", DIR_END_INCL}, {"au plus tard le", DIR_END_INCL},
        {"before", DIR_END_EXCL}, {"prior to", DIR_END_EXCL}, {"avant le", DIR_END_EXCL},
        {"avant", DIR_END_EXCL},
    };
    size_t lo = ds > 48 ? ds - 48 : 0;
    date_dir best = DIR_NONE;
    size_t best_at = 0, best_len = 0;
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++) {
        size_t k = strlen(cues[i].w);
        for (size_t at = lo; at + k <= ds; at++) {
            if (memcmp(s + at, cues[i].w, k))
                continue;
            if (at > 0 && isalnum((unsigned char)s[at - 1]))
                continue;
            if (isalnum((unsigned char)s[at + k]))
                continue;
            /* the nearest cue wins; at equal start the longer one */
            if (best == DIR_NONE || at + k > best_at + best_len ||
                (at == best_at && k > best_len)) {
                best = cues[i].d;
                best_at = at;
                best_len = k;
            }
        }
    }
    /* "on or after" contains "after": prefer a longer phrase ending at the same place */
    *cue_at = best == DIR_NONE ? ds : best_at;
    return best;
}

static int has_then(const char *s, size_t from, size_t to)
{
    static const char *const w[] = {"then", "thereafter", "afterwards", "after that",
                                    "subsequently", "puis", "ensuite", "au-dela", NULL};
    for (size_t i = 0; w[i]; i++) {
        size_t k = strlen(w[i]);
        for (size_t at = from; at + k <= to; at++)
            if (!memcmp(s + at, w[i], k) && (at == 0 || !isalnum((unsigned char)s[at - 1])) &&
                !isalnum((unsigned char)s[at + k]))
                return 1;
    }
    return 0;
}

static int has_punct(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == '.' || s[i] == '|')
            return 1;
    return 0;
}

/* Limit bounds in days. */
static void step_days(const limit_step *st, double *lo, double *hi)
{
    double v = st->value;
    switch (st->unit) {
    case 'h': *lo = *hi = v / 24.0; break;
    case 'w': *lo = *hi = 7 * v; break;
    case 'm': *lo = 28 * v; *hi = 31 * v; break;
    case 'y': *lo = 365 * v; *hi = 366 * v; break;
    default: *lo = *hi = v; break;
    }
}

/* 0 within the limit, 1 maybe beyond it (bounds overlap), 2 beyond it. */
static int limit_compare(const rule *r, const limit_step *st, const duration *d)
{
    int cal_d = d->unit == 'm' || d->unit == 'y', cal_l = st->unit == 'm' || st->unit == 'y';
    if (cal_d && cal_l) { /* months and years compare exactly */
        long dm = (long)d->value * (d->unit == 'y' ? 12 : 1);
        long lm = (long)st->value * (st->unit == 'y' ? 12 : 1);
        return r->limit_min ? (dm < lm ? 2 : 0) : (dm > lm ? 2 : 0);
    }
    double lo, hi;
    step_days(st, &lo, &hi);
    if (r->limit_min) {
        if (d->max_days < lo - 1e-9)
            return 2;
        return d->min_days < lo - 1e-9 ? 1 : 0;
    }
    if (d->min_days > hi + 1e-9)
        return 2;
    return d->max_days > hi + 1e-9 ? 1 : 0;
}

static const char *unit_name(char u, int v)
{
    switch (u) {
    case 'h': return v == 1 ? "hour" : "hours";
    case 'w': return v == 1 ? "week" : "weeks";
    case 'm': return v == 1 ? "month" : "months";
    case 'y': return v == 1 ? "year" : "years";
    default: return v == 1 ? "day" : "days";
    }
}

/* The step in force on as_of, or NULL. */
static const limit_step *step_at(const rule *r, cps_date as_of)
{
    const limit_step *st = NULL;
    for (size_t k = 0; k < r->nsteps; k++)
        if (r->steps[k].from == DATE_NONE || as_of >= r->steps[k].from)
            st = &r->steps[k];
    return st;
}

/* Collect every match span of ps in s[0..n). */
/* 1 if one of the spans starts in [from, to). */
static int spans_in(const span_t *v, size_t n, size_t from, size_t to)
{
    for (size_t k = 0; k < n; k++)
        if (v[k].s >= from && v[k].s < to)
            return 1;
    return 0;
}

static int all_spans(evalctx *c, size_t blk, const rule_patterns *ps, const char *s, size_t n,
                     span_t *out, size_t max, size_t *count)
{
    *count = 0;
    for (size_t i = 0; i < ps->n; i++) {
        if (!may_match(c, blk, &ps->v[i]))
            continue;
        size_t from = 0, ms, me;
        while (from <= n && *count < max) {
            int rc = match_find(c->m, &ps->v[i], s, n, from, &ms, &me);
            if (rc < 0)
                return pattern_failed(c, &ps->v[i]);
            if (rc == MATCH_NONE)
                break;
            out[(*count)++] = (span_t){ms, me};
            from = me > ms ? me : ms + 1;
        }
    }
    return 0;
}

typedef struct limit_hit {
    int level;        /* 0 none, 1 maybe, 2 beyond */
    size_t s, e;      /* the duration in the context text */
    duration d;
} limit_hit;

#define LIMIT_MAX_DUR 32
#define LIMIT_MAX_SPANS 64

/* Evaluate the durations of ctx[rs, re) with ctx[0, n) as context; ctx is
 * part of the matching text of block blk, or blk is NO_BLOCK. */
static int limit_text(evalctx *c, size_t blk, const char *ctx, size_t n, size_t rs, size_t re,
                      const char *lang, cps_date as_of, const limit_step *st, limit_hit *hit)
{
    const rule *r = c->r;
    memset(hit, 0, sizeof *hit);
    int rc = any_in(c, blk, &r->near, ctx, n, NULL, NULL);
    if (rc <= 0)
        return rc;
    if (r->also.n && (rc = any_in(c, blk, &r->also, ctx, n, NULL, NULL)) <= 0)
        return rc;
    duration durs[LIMIT_MAX_DUR];
    size_t nd = date_find_durations(ctx + rs, re - rs, durs, LIMIT_MAX_DUR);
    if (!nd)
        return 0;
    for (size_t i = 0; i < nd; i++) {
        durs[i].start += rs;
        durs[i].end += rs;
    }
    span_t un[LIMIT_MAX_SPANS], al[LIMIT_MAX_SPANS];
    size_t nun = 0, nal = 0;
    if (r->unless.n && all_spans(c, blk, &r->unless, ctx, n, un, LIMIT_MAX_SPANS, &nun) < 0)
        return -1;
    if (nun && r->also_wins && all_spans(c, blk, &r->also, ctx, n, al, LIMIT_MAX_SPANS, &nal) < 0)
        return -1;
    dated dates[16];
    size_t ndates = 0;
    for (size_t from = 0; from < n && ndates < 16;) {
        size_t a, b;
        cps_date d = date_find(ctx + from, n - from, lang, &a, &b);
        if (d == DATE_NONE)
            break;
        dated *x = &dates[ndates++];
        x->s = from + a;
        x->e = from + b;
        x->d = d;
        x->dir = date_direction(ctx, x->s, &x->cue);
        from += b > 0 ? b : 1;
    }
    /* An `unless` cue before the first `near` cue is the clause's subject
     * ("The Root CA issues a CRL ..."): every duration in it is set aside. */
    span_t first_near;
    if (nun && any_in(c, blk, &r->near, ctx, n, &first_near.s, &first_near.e) == 1 &&
        !spans_in(al, nal, 0, first_near.s))
        for (size_t k = 0; k < nun; k++)
            if (un[k].e <= first_near.s)
                return 0;
    for (size_t i = 0; i < nd; i++) {
        duration *d = &durs[i];
        if (r->limit_min ? d->bound < 0 : d->bound > 0)
            continue; /* "at most 7 years" says nothing about a minimum, and vice versa */
        if (i > 0) {
            /* the second part of "10 years and 6 months" is not a duration of its own */
            size_t gs = durs[i - 1].end, ge = d->start;
            while (gs < ge && ctx[gs] == ' ')
                gs++;
            while (ge > gs && ctx[ge - 1] == ' ')
                ge--;
            if ((ge - gs == 3 && !memcmp(ctx + gs, "and", 3)) ||
                (ge - gs == 2 && !memcmp(ctx + gs, "et", 2)) || (ge - gs == 1 && ctx[gs] == ','))
                continue;
        }
        size_t seg = i > 0 ? durs[i - 1].end : 0;
        int cancelled = 0;
        for (size_t k = 0; k < nun && !cancelled; k++)
            cancelled = un[k].s >= seg && un[k].s < d->start;
        if (cancelled && spans_in(al, nal, seg, d->start))
            cancelled = 0; /* subject = also: the rule's own subject is named too */
        if (cancelled)
            continue;
        /* The window a schedule in the text gives this duration. */
        cps_date wfrom = DATE_NONE, wto = DATE_NONE; /* [wfrom, wto) */
        size_t next = i + 1 < nd ? durs[i + 1].start : n;
        for (size_t k = 0; k < ndates; k++) {
            const dated *x = &dates[k];
            if (x->dir == DIR_NONE)
                continue;
            int before = x->e <= d->start && x->s >= seg;
            int after = x->s >= d->end && x->e <= next;
            if (!before && !after)
                continue;
            int is_end = x->dir == DIR_END_INCL || x->dir == DIR_END_EXCL;
            cps_date end_excl = x->dir == DIR_END_INCL ? x->d + 1 : x->d;
            cps_date start = x->dir == DIR_START_AFTER ? x->d + 1 : x->d;
            if (before) {
                /* a date between the previous duration and this one */
                int prev_owns = i > 0 && !has_punct(ctx, durs[i - 1].end, x->cue);
                if (is_end && i > 0 && has_then(ctx, x->e, d->start)) {
                    wfrom = end_excl; /* "398 days until D, then 200 days" */
                } else if (prev_owns) {
                    continue;
                } else if (is_end) {
                    wto = end_excl;
                } else {
                    wfrom = start;
                }
            } else {
                /* a date after this duration, before the next one */
                int mine = i + 1 == nd || !has_punct(ctx, d->end, x->cue);
                if (!mine)
                    continue;
                if (is_end)
                    wto = end_excl;
                else
                    wfrom = start;
            }
        }
        if ((wfrom != DATE_NONE && as_of < wfrom) || (wto != DATE_NONE && as_of >= wto))
            continue;
        int level = limit_compare(r, st, d);
        if (level > hit->level) {
            hit->level = level;
            hit->s = d->start;
            hit->e = d->end;
            hit->d = *d;
        }
    }
    return 0;
}

static size_t table_first_block(const analysis *a, size_t bi)
{
    int t = a->d.blocks[bi].table;
    while (bi > 0 && a->d.blocks[bi - 1].table == t)
        bi--;
    return bi;
}

/* Context of table cell bi: its column's header cell, then the cells of
 * its row; *cell gets the span of the cell itself. */
/* The header cell of column col in the table starting at block first, or
 * (size_t)-1. Header rows are regular in practice: look where the column
 * should be, then a little around it (never a scan of a whole wide row). */
static size_t header_cell(const analysis *a, size_t first, int col)
{
    const doc_block *t = &a->d.blocks[first];
    size_t guess = first + (size_t)(col > 0 ? col : 0);
    for (size_t k = guess > first + 8 ? guess - 8 : first; k < guess + 8 && k < a->d.nblocks; k++) {
        const doc_block *h = &a->d.blocks[k];
        if (h->table != t->table || h->row != 0)
            break;
        if (h->col == col)
            return k;
    }
    return (size_t)-1;
}

#define ROW_CONTEXT_CELLS 8 /* cells each side of a cell that give it context */

/* The context of a table cell for limit rules: its column header, then the
 * cells of its row (at most ROW_CONTEXT_CELLS each side), each other cell
 * preceded by its own column header, so "issued before | March 15, 2026 |
 * 398 days" reads as a dated schedule. [*cs, *ce) is the cell itself. */
static void cell_context(analysis *a, size_t bi, buf *ctx, size_t *cs, size_t *ce)
{
    const doc_block *b = &a->d.blocks[bi];
    size_t first = table_first_block(a, bi);
    if (b->row > 0) {
        size_t h = header_cell(a, first, b->col);
        const text_map *tm = h != (size_t)-1 ? analysis_folded(a, h) : NULL;
        if (tm && tm->len) {
            buf_put(ctx, tm->s, tm->len);
            buf_puts(ctx, " | ");
        }
    }
    size_t k = bi;
    while (k > first && a->d.blocks[k - 1].row == b->row && bi - k < ROW_CONTEXT_CELLS)
        k--;
    for (; k < a->d.nblocks && a->d.blocks[k].table == b->table && a->d.blocks[k].row == b->row &&
           k <= bi + ROW_CONTEXT_CELLS;
         k++) {
        if (k != bi && b->row > 0) {
            size_t h = header_cell(a, first, a->d.blocks[k].col);
            const text_map *ht = h != (size_t)-1 ? analysis_folded(a, h) : NULL;
            if (ht && ht->len) {
                buf_put(ctx, ht->s, ht->len);
                buf_puts(ctx, ": ");
            }
        }
        const text_map *tm = analysis_folded(a, k);
        if (k == bi)
            *cs = ctx->len;
        if (tm && tm->len)
            buf_put(ctx, tm->s, tm->len);
        if (k == bi)
            *ce = ctx->len;
        buf_puts(ctx, " | ");
    }
}

static void limit_finding(evalctx *c, analysis *a, check_result *out, size_t bi, size_t ms,
                          size_t me, const limit_hit *h, cps_date as_of, const limit_step *st)
{
    const rule *r = c->r;
    finding *f = add_finding(out, r);
    finding_at_section(f, a, a->o.block_sec[bi]);
    finding_snippet(f, a, bi, ms, me);
    char asof[11], from[11];
    date_format(as_of, asof);
    date_format(st->from, from);
    buf m = BUF_INIT;
    const char *what = f->match ? f->match : "a duration";
    if (h->level == 2)
        buf_printf(&m, "\"%s\" is %s the %s in force on %s: %d %s", what,
                   r->limit_min ? "below" : "beyond", r->limit_min ? "minimum" : "maximum", asof,
                   st->value, unit_name(st->unit, st->value));
    else
        buf_printf(&m, "\"%s\" (%g to %g days) may be %s the %s in force on %s: %d %s", what,
                   h->d.min_days, h->d.max_days, r->limit_min ? "below" : "beyond",
                   r->limit_min ? "minimum" : "maximum", asof, st->value,
                   unit_name(st->unit, st->value));
    if (st->from != DATE_NONE)
        buf_printf(&m, " (from %s)", from);
    buf_printf(&m, "; %s", r->message);
    free(f->message);
    f->message = buf_detach(&m);
    if (h->level == 1 && f->severity > SEV_WARNING)
        f->severity = SEV_WARNING; /* the bounds overlap: a human decides */
}

static void eval_limit_at(evalctx *c, analysis *a, check_result *out, cps_date as_of)
{
    const rule *r = c->r;
    const limit_step *st = step_at(r, as_of);
    if (!st)
        return;
    const char *lang = a->lang[0] ? a->lang : NULL;
    int skip_table = -1; /* a table whose caption names what the rule excludes */
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        if (!block_in_scope(&c->scope, r, a, bi) || a->o.roles[bi] == ROLE_HEADING)
            continue;
        const doc_block *b = &a->d.blocks[bi];
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        if (b->kind == BLOCK_TABLE_CELL && b->table > 0) {
            if (skip_table == b->table)
                continue;
            size_t first = table_first_block(a, bi);
            size_t capb = (size_t)-1;
            for (size_t k = first; k-- > 0 && first - k <= 3;) {
                if (a->o.roles[k] == ROLE_HEADING) {
                    /* a section heading right above the table, when the
                     * section is not one of RFC 3647's (whose titles are
                     * generic: "... key pair usage periods") */
                    int si = a->o.block_sec[k];
                    if (first - k == 1 && si >= 0 && a->o.secs[si].spec < 0)
                        capb = k;
                    break;
                }
                if (a->d.blocks[k].kind == BLOCK_HEADING) {
                    capb = k;
                    break;
                }
            }
            if (first == bi && capb != (size_t)-1 && r->unless.n) {
                /* the caption: an unnumbered heading just before the table
                 * ("Root CA Certificate"), or a CA- or BR-specific section
                 * heading right above it ("7.1.2.1.1 Root CA Validity"),
                 * names what the whole table is about */
                const text_map *cap = analysis_folded(a, capb);
                int rc = cap && cap->len ? any_in(c, pf_block(c, a, capb), &r->unless, cap->s,
                                                  cap->len, NULL, NULL)
                                         : 0;
                if (rc < 0)
                    return;
                if (rc == 1) {
                    skip_table = b->table;
                    continue;
                }
            }
            buf ctx = BUF_INIT;
            size_t cs = 0, ce = 0;
            cell_context(a, bi, &ctx, &cs, &ce);
            limit_hit h;
            int rc = ce > cs ? limit_text(c, NO_BLOCK, buf_cstr(&ctx), ctx.len, cs, ce, lang,
                                          as_of, st, &h)
                             : 0;
            if (rc == 0 && ce > cs && h.level > 0)
                limit_finding(c, a, out, bi, h.s - cs, h.e - cs, &h, as_of, st);
            buf_free(&ctx);
            if (rc < 0)
                return;
            continue;
        }
        size_t *starts = NULL;
        size_t nc = text_clauses(tm->s, tm->len, &starts);
        for (size_t k = 0; k < nc && !c->failed; k++) {
            size_t cs = starts[k], ce = starts[k + 1];
            limit_hit h;
            if (limit_text(c, pf_block(c, a, bi), tm->s + cs, ce - cs, 0, ce - cs, lang, as_of,
                           st, &h) < 0)
                break;
            if (h.level > 0)
                limit_finding(c, a, out, bi, cs + h.s, cs + h.e, &h, as_of, st);
        }
        free(starts);
    }
}

static void eval_limit(evalctx *c, analysis *a, check_result *out, cps_date as_of)
{
    size_t before = out->nf;
    eval_limit_at(c, a, out, as_of);
    if (c->failed || out->nf > before)
        return;
    /* Passes today: would it fail under the next step, within the warning window? */
    for (size_t k = 0; k < c->r->nsteps; k++) {
        cps_date from = c->r->steps[k].from;
        if (from == DATE_NONE || from <= as_of || from - as_of > CHECK_UPCOMING_DAYS)
            continue;
        eval_limit_at(c, a, out, from);
        for (size_t i = before; i < out->nf; i++) {
            out->f[i].status = ST_UPCOMING;
            out->f[i].severity = SEV_WARNING;
        }
        break;
    }
}

/* ---- meta -------------------------------------------------------------- */

static void meta_finding(check_result *out, const rule *r, analysis *a, const char *msg)
{
    finding *f = add_finding(out, r);
    free(f->message);
    f->message = xstrdup(msg);
    f->line = a->meta.date_line ? a->meta.date_line : a->meta.version_line;
}

static void eval_meta(evalctx *c, analysis *a, check_result *out, cps_date as_of)
{
    const rule *r = c->r;
    const doc_meta *mt = &a->meta;
    cps_date newest = mt->date;
    size_t dated_rows = 0;
    for (size_t i = 0; i < mt->nrevs; i++)
        if (mt->revs[i].date != DATE_NONE) {
            dated_rows++;
            if (newest == DATE_NONE || mt->revs[i].date > newest)
                newest = mt->revs[i].date;
        }
    buf m = BUF_INIT;
    switch (r->check) {
    case CHECK_CHANGELOG:
        if (!mt->version && !dated_rows)
            buf_printf(&m, "no version number and no revision history with dated entries found");
        else if (!mt->version)
            buf_printf(&m, "no version number found on the title page or in the revision history");
        else if (!dated_rows)
            buf_printf(&m, "version %s, but no revision history (changelog) with dated entries "
                           "found", mt->version);
        break;
    case CHECK_ANNUAL_UPDATE:
        if (newest == DATE_NONE) {
            buf_printf(&m, "no dated revision found: nothing shows an update within %d days",
                       r->max_age);
        } else if (as_of != DATE_NONE && as_of - newest > r->max_age) {
            char d1[11], d2[11];
            date_format(newest, d1);
            date_format(as_of, d2);
            buf_printf(&m, "the newest dated entry (%s) is %ld days old on %s: more than %d days",
                       d1, (long)(as_of - newest), d2, r->max_age);
        }
        break;
    case CHECK_EFFECTIVE_DATE:
        if (!mt->date_from_label) {
            int found = 0;
            for (size_t bi = 0; bi < a->d.nblocks && !found; bi++) {
                if (a->o.roles[bi] == ROLE_TOC || (a->d.blocks[bi].flags & BLOCK_TOC))
                    continue;
                const text_map *tm = analysis_folded(a, bi);
                if (!tm || !tm->len)
                    continue;
                int rc = any_in(c, pf_block(c, a, bi), &r->match, tm->s, tm->len, NULL, NULL);
                if (rc < 0)
                    break;
                found = rc;
            }
            if (!found && !c->failed)
                buf_printf(&m, "no effective date stated (\"Effective Date\", \"Date d'entr\xC3\xA9"
                               "e en vigueur\")");
        }
        break;
    default:
        break;
    }
    if (m.len)
        meta_finding(out, r, a, buf_cstr(&m));
    buf_free(&m);
}

/* ---- title and headings ------------------------------------------------ */

static int fold_match(evalctx *c, const rule_patterns *ps, const char *s, size_t n, int *hit)
{
    text_map tm;
    cps_err e;
    *hit = 0;
    if (!s || !n || text_fold(s, n, &tm, &e) != 0)
        return 0;
    int rc = any_in(c, NO_BLOCK, ps, tm.s, tm.len, NULL, NULL);
    text_map_free(&tm);
    if (rc < 0)
        return -1;
    *hit = rc;
    return 0;
}

static void eval_title(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    /* The title: <title>, and the first heading of the document. */
    const char *texts[2] = {a->d.title, NULL};
    size_t lens[2] = {a->d.title ? strlen(a->d.title) : 0, 0};
    long line = 0;
    for (size_t bi = 0; bi < a->d.nblocks; bi++)
        if (a->d.blocks[bi].kind == BLOCK_HEADING && !(a->d.blocks[bi].flags & BLOCK_TOC)) {
            texts[1] = a->d.blocks[bi].text;
            lens[1] = a->d.blocks[bi].len;
            line = a->d.blocks[bi].line;
            break;
        }
    int any = 0, cancel = 0;
    for (int k = 0; k < 2; k++) {
        int h;
        if (fold_match(c, &r->match, texts[k], lens[k], &h) < 0)
            return;
        any |= h;
        if (r->unless.n) {
            if (fold_match(c, &r->unless, texts[k], lens[k], &h) < 0)
                return;
            cancel |= h;
        }
    }
    if (!any || cancel)
        return;
    finding *f = add_finding(out, r);
    const char *t = texts[1] ? texts[1] : texts[0];
    size_t tl = texts[1] ? lens[1] : lens[0];
    f->snippet = text_snippet(t, tl, 0, 0, 200, &f->mark_start, &f->mark_end);
    f->mark_end = f->mark_start;
    f->line = line;
}

static void eval_headings(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        const doc_block *b = &a->d.blocks[bi];
        if (b->kind != BLOCK_HEADING && a->o.roles[bi] != ROLE_HEADING)
            continue;
        if (a->o.roles[bi] == ROLE_TOC || (b->flags & BLOCK_TOC))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        size_t ms, me;
        size_t blk = pf_block(c, a, bi);
        int rc = any_in(c, blk, &r->match, tm->s, tm->len, &ms, &me);
        if (rc == 1 && r->unless.n)
            rc = any_in(c, blk, &r->unless, tm->s, tm->len, NULL, NULL) == 1 ? 0 : rc;
        if (rc < 0)
            return;
        if (rc == 0)
            continue;
        finding *f = add_finding(out, r);
        finding_at_section(f, a, a->o.block_sec[bi]);
        finding_snippet(f, a, bi, ms, me);
    }
}

/* ---- translation ------------------------------------------------------- */

/* The pair checks live in translation.c; this turns their issues into
 * findings. Returns 1 when the rule does not apply (no English version). */
static int eval_translation(evalctx *c, const check_input *in, check_result *out)
{
    translation_issues t;
    memset(&t, 0, sizeof t);
    cps_err e;
    cps_err_clear(&e);
    int rc = translation_compare(c->r->check, in->doc, in->translation, &c->r->match, c->m, &t,
                                 &e);
    if (rc < 0) {
        snprintf(c->errmsg, sizeof c->errmsg, "%.60s: %.180s", c->r->file, e.msg);
        c->failed = 1;
    }
    for (size_t i = 0; rc == 0 && i < t.n; i++) {
        const translation_issue *x = &t.v[i];
        analysis *a = x->english && in->translation ? in->translation : in->doc;
        finding *f = add_finding(out, c->r);
        f->translation = x->english && in->translation;
        finding_at_section(f, a, x->sec);
        if (x->block != TRANSLATION_NO_BLOCK)
            finding_snippet(f, a, x->block, x->ms, x->me);
        else if (x->line > 0)
            f->line = x->line;
        free(f->message);
        f->message = xstrdup(x->message);
    }
    translation_issues_free(&t);
    return rc == 1;
}

/* ---- driver ------------------------------------------------------------ */

/* n/a: none of the rule's scope sections is in the document. */
static check_status scope_absent(const rule *r, char **note)
{
    if (note) {
        buf b = BUF_INIT;
        buf_printf(&b, "section %s is not in the document", r->scope[0]);
        *note = buf_detach(&b);
    }
    return ST_NA;
}

/* check_eval_rule, with the prefilter of in->doc's blocks (or NULL). */
static check_status eval_rule(const rule *r, const check_input *in, matcher *m,
                              const pf_hits *hits, check_result *out, char **note)
{
    evalctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.m = m;
    c.spec = in->spec;
    c.hits = hits;
    c.hits_doc = hits ? in->doc : NULL;
    size_t before = out->nf;
    analysis *a = in->doc;
    switch (r->kind) {
    case KIND_FORBID:
        if (first_scope_section(r, a) == -1)
            return scope_absent(r, note);
        if (r->span_section)
            eval_forbid_sections(&c, a, out);
        else
            eval_forbid(&c, a, out, 0);
        break;
    case KIND_LIMIT:
        if (first_scope_section(r, a) == -1)
            return scope_absent(r, note);
        eval_limit(&c, a, out, in->as_of);
        break;
    case KIND_META:
        eval_meta(&c, a, out, in->as_of);
        break;
    case KIND_TITLE:
        eval_title(&c, a, out);
        break;
    case KIND_HEADINGS:
        eval_headings(&c, a, out);
        break;
    case KIND_MANUAL:
        if (note)
            *note = xstrdup(r->message);
        return ST_NA;
    case KIND_REQUIRE:
        eval_require(&c, a, out);
        break;
    case KIND_STRUCTURE:
        eval_structure(&c, a, out);
        break;
    case KIND_LANGUAGE:
        eval_language(&c, in, in->as_of, out);
        break;
    case KIND_TRANSLATION:
        if (eval_translation(&c, in, out)) {
            if (note)
                *note = xstrdup(translation_na_note(r->check, in->doc, in->translation));
            return ST_NA;
        }
        break;
    }
    free(c.scope.in); /* the early returns above come before any scope look-up */
    if (c.failed) {
        /* An incomplete search proves nothing: drop partial findings. */
        while (out->nf > before) {
            finding *f = &out->f[--out->nf];
            free(f->heading);
            free(f->snippet);
            free(f->message);
            free(f->match);
        }
        if (note)
            *note = xstrdup(c.errmsg);
        return ST_ERROR;
    }
    if (out->nf == before)
        return ST_PASS;
    for (size_t k = before; k < out->nf; k++)
        if (out->f[k].status != ST_UPCOMING)
            return ST_FAIL;
    return ST_UPCOMING;
}

check_status check_eval_rule(const rule *r, const check_input *in, matcher *m,
                             check_result *out, char **note)
{
    return eval_rule(r, in, m, NULL, out, note);
}

/* "<a>D1<b>D2<c>" */
static char *datenote(const char *a, cps_date d1, const char *b, cps_date d2, const char *c)
{
    char x[11], y[11];
    date_format(d1, x);
    date_format(d2, y);
    buf m = BUF_INIT;
    buf_printf(&m, "%s%s%s%s%s", a, x, b, y, c);
    return buf_detach(&m);
}

/* One rule as of in->as_of, with its dates: fills *it and appends findings. */
static void eval_item(const rule *r, const check_input *in, matcher *m, const pf_hits *hits,
                      check_result *out, check_item *it)
{
    it->rule = r;
    it->severity = r->severity;
    size_t before = out->nf;
    cps_date as_of = in->as_of;
    cps_date doc_date = in->doc->meta.date;
    if (r->until != DATE_NONE && as_of >= r->until) {
        it->status = ST_NOT_EFFECTIVE;
        it->note = datenote("no longer in force since ", r->until, " (as of ", as_of, ")");
        return;
    }
    int upcoming = 0;
    if (r->effective != DATE_NONE && as_of < r->effective) {
        if (r->effective - as_of > CHECK_UPCOMING_DAYS) {
            it->status = ST_NOT_EFFECTIVE;
            it->note = datenote("effective ", r->effective, " (as of ", as_of, ")");
            return;
        }
        upcoming = 1;
    }
    if (doc_date != DATE_NONE && r->doc_from != DATE_NONE && doc_date < r->doc_from) {
        it->status = ST_NA;
        it->note = datenote("applies to documents dated from ", r->doc_from, "; this one is dated ", doc_date, "");
        return;
    }
    if (doc_date != DATE_NONE && r->doc_until != DATE_NONE && doc_date >= r->doc_until) {
        it->status = ST_NA;
        it->note = datenote("applies to documents dated before ", r->doc_until, "; this one is dated ", doc_date, "");
        return;
    }
    check_input in2 = *in;
    if (upcoming)
        in2.as_of = r->effective; /* evaluate as it will apply */
    char *note = NULL;
    check_status st = eval_rule(r, &in2, m, hits, out, &note);
    it->note = note;
    if (upcoming) {
        if (st == ST_FAIL || st == ST_UPCOMING) {
            st = ST_UPCOMING;
            for (size_t k = before; k < out->nf; k++) {
                out->f[k].status = ST_UPCOMING;
                out->f[k].severity = SEV_WARNING;
            }
            free(it->note);
            it->note = datenote("becomes effective ", r->effective, " (as of ", as_of, ")");
        } else if (st != ST_ERROR && st != ST_NA) {
            st = ST_NOT_EFFECTIVE;
            free(it->note);
            it->note = datenote("effective ", r->effective, " (as of ", as_of, "); would pass");
        }
    }
    if (st == ST_UPCOMING)
        it->severity = SEV_WARNING;
    it->status = st;
    if (out->nf - before > CHECK_MAX_FINDINGS) {
        /* a report a person or GitHub can take: the first ones, and a count */
        size_t extra = out->nf - before - CHECK_MAX_FINDINGS;
        for (size_t k = before + CHECK_MAX_FINDINGS; k < out->nf; k++)
            finding_free(&out->f[k]);
        out->nf = before + CHECK_MAX_FINDINGS;
        buf nb = BUF_INIT;
        if (it->note)
            buf_printf(&nb, "%s; ", it->note);
        buf_printf(&nb, "%zu more findings not listed", extra);
        free(it->note);
        it->note = buf_detach(&nb);
    }
    it->nfindings = out->nf - before;
}

int check_run(const ruleset *rs, const check_input *in, matcher *m, check_result *out,
              cps_err *e)
{
    (void)e;
    memset(out, 0, sizeof *out);
    out->as_of = in->as_of;
    out->items = xcalloc(rs->n ? rs->n : 1, sizeof *out->items);
    /* One Aho-Corasick pass over the document's matching text tells which
     * (pattern, block) pairs can match at all (prefilter.h). */
    pf_hits hits;
    memset(&hits, 0, sizeof hits);
    const pf_hits *hp = NULL;
    analysis *a = in->doc;
    if (rs->pf.pf && a->d.nblocks) {
        const char **texts = xmalloc(a->d.nblocks * sizeof *texts);
        size_t *lens = xmalloc(a->d.nblocks * sizeof *lens);
        for (size_t bi = 0; bi < a->d.nblocks; bi++) {
            const text_map *tm = analysis_folded(a, bi);
            texts[bi] = tm ? tm->s : NULL;
            lens[bi] = tm ? tm->len : 0;
        }
        prefilter_scan(rs->pf.pf, texts, lens, a->d.nblocks, &hits);
        free(texts);
        free(lens);
        hp = &hits;
    }
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        if (!r->enabled)
            continue;
        eval_item(r, in, m, hp, out, &out->items[out->nitems++]);
    }
    pf_hits_free(&hits);
    for (size_t i = 0; i < out->nitems; i++)
        out->by_status[out->items[i].status]++;
    for (size_t i = 0; i < out->nf; i++) {
        switch (out->f[i].severity) {
        case SEV_ERROR: out->errors++; break;
        case SEV_WARNING: out->warnings++; break;
        case SEV_NOTICE: out->notices++; break;
        }
    }
    return 0;
}

/* ---- examples ---------------------------------------------------------- */

static void html_escape(buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        default: buf_putc(b, *s);
        }
    }
}

static const char *entry_title(const outline_spec *spec, const char *number, const char *lang)
{
    for (size_t i = 0; i < spec->n; i++)
        if (!strcmp(spec->e[i].number, number)) {
            if (!strcmp(lang, "fr") && spec->e[i].nfr > 0)
                return spec->e[i].titles_fr[0];
            return spec->e[i].title;
        }
    return NULL;
}

static void heading(buf *b, const char *number, const char *title)
{
    int lv = outline_number_level(number);
    if (lv > 6)
        lv = 6;
    buf_printf(b, "<h%d>%s ", lv, number);
    html_escape(b, title);
    buf_printf(b, "</h%d>\n", lv);
}

static void body_text(buf *b, const char *lang)
{
    buf_puts(b, strcmp(lang, "fr") ? "<p>The CA describes its practices for this topic in the "
                                     "paragraphs below and applies them to every certificate.</p>\n"
                                   : "<p>L'AC d\xC3\xA9" "crit ses pratiques pour ce sujet dans "
                                     "les paragraphes suivants et les applique \xC3\xA0 tous les "
                                     "certificats.</p>\n");
}

static void example_body(buf *b, const char *text)
{
    if (text[0] == '<') {
        buf_puts(b, text);
        buf_putc(b, '\n');
    } else {
        buf_puts(b, "<p>");
        html_escape(b, text);
        buf_puts(b, "</p>\n");
    }
}

/* "complete", "without 1.5.2", "blank 4.9.3", "twice 5.3.2" (the section
 * written again right after itself), "late 9.4.2" (moved to the end of the
 * document), "retitle 1.3.2" (a heading with an unrelated title); comma
 * separated */
static int structure_directive(const char *text, const char *number, const char *what)
{
    const char *p = text;
    size_t wl = strlen(what), nl = strlen(number);
    while ((p = strstr(p, what)) != NULL) {
        const char *q = p + wl;
        while (*q == ' ')
            q++;
        if (!strncmp(q, number, nl) && (q[nl] == '\0' || q[nl] == ',' || q[nl] == ' '))
            return 1;
        p = q;
    }
    return 0;
}

static void build_example_doc(const rule *r, const rule_example *x, const outline_spec *spec,
                              buf *b)
{
    const char *lang = x->lang;
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                  "<title>Example</title></head><body>\n", lang);
    if (r->kind == KIND_STRUCTURE) {
        const char *skip = NULL;
        const outline_entry *late = NULL;
        for (size_t i = 0; i < spec->n; i++) {
            const outline_entry *en = &spec->e[i];
            if (skip && outline_number_within(en->number, skip))
                continue;
            skip = NULL;
            if (structure_directive(x->text, en->number, "without")) {
                skip = en->number;
                continue;
            }
            if (structure_directive(x->text, en->number, "late")) {
                late = en;
                continue;
            }
            const char *t = entry_title(spec, en->number, lang);
            if (structure_directive(x->text, en->number, "retitle"))
                t = strcmp(lang, "fr") ? "Weather forecasts" : "Prévisions météorologiques";
            for (int k = structure_directive(x->text, en->number, "twice") ? 2 : 1; k > 0; k--) {
                heading(b, en->number, t ? t : en->title);
                if (!structure_directive(x->text, en->number, "blank"))
                    body_text(b, lang);
            }
        }
        if (late) {
            const char *t = entry_title(spec, late->number, lang);
            heading(b, late->number, t ? t : late->title);
            body_text(b, lang);
        }
    } else if (r->kind == KIND_META || r->kind == KIND_HEADINGS || r->kind == KIND_TITLE) {
        /* The example is the front matter (title page, revision table) or,
         * for headings, a fragment of headings; a title is the first heading. */
        if (r->kind == KIND_TITLE && x->text[0] != '<') {
            buf_puts(b, "<h1>");
            html_escape(b, x->text);
            buf_puts(b, "</h1>\n");
        } else {
            example_body(b, x->text);
        }
        const char *t1 = entry_title(spec, "1", lang), *t11 = entry_title(spec, "1.1", lang);
        heading(b, "1", t1 ? t1 : "Introduction");
        heading(b, "1.1", t11 ? t11 : "Overview");
        body_text(b, lang);
    } else if (r->kind == KIND_LANGUAGE) {
        heading(b, "1", entry_title(spec, "1", lang) ? entry_title(spec, "1", lang) : "Introduction");
        heading(b, "1.1", entry_title(spec, "1.1", lang) ? entry_title(spec, "1.1", lang) : "Overview");
        example_body(b, x->text);
    } else {
        /* The example section and its ancestors, the example as its text. */
        char num[OUTLINE_NUM_MAX];
        const char *full = r->example_section;
        for (size_t k = 0; k <= strlen(full); k++) {
            if (full[k] != '.' && full[k] != '\0')
                continue;
            memcpy(num, full, k);
            num[k] = '\0';
            const char *t = entry_title(spec, num, lang);
            heading(b, num, t ? t : (strcmp(lang, "fr") ? "Validation method" : "M\xC3\xA9thode de validation"));
        }
        example_body(b, x->text);
    }
    buf_puts(b, "</body></html>\n");
}

cps_date check_example_default_date(const rule *r, const rule_example *x)
{
    if (x->as_of != DATE_NONE)
        return x->as_of;
    cps_date latest = DATE_NONE;
    cps_date dates[3] = {r->effective, r->strict_from, r->doc_from};
    for (int k = 0; k < 3; k++)
        if (dates[k] != DATE_NONE && (latest == DATE_NONE || dates[k] > latest))
            latest = dates[k];
    if (r->kind == KIND_LIMIT || latest == DATE_NONE) {
        /* a limit rule's examples without a date: as of today, inside the rule's window */
        cps_date t = date_today();
        if (latest == DATE_NONE || t >= latest)
            latest = t;
    }
    if (r->until != DATE_NONE && latest >= r->until)
        latest = r->until - 1;
    return latest;
}

int check_example_at(const rule *r, const rule_example *x, const outline_spec *spec, matcher *m,
                     cps_date as_of, check_status *status, char **detail, cps_err *e)
{
    buf html = BUF_INIT, html_en = BUF_INIT;
    if (r->kind == KIND_TRANSLATION)
        translation_example_pair(x, &html, &html_en); /* original, English version */
    else
        build_example_doc(r, x, spec, &html);
    analysis a, en;
    analysis_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.force = SOURCE_FMT_HTML;
    char name[160];
    snprintf(name, sizeof name, "%s:%ld (example)", r->file ? r->file : "rule", x->line);
    int rc = analysis_run_bytes(name, (const unsigned char *)buf_cstr(&html), html.len, spec,
                                &opts, &a, e);
    if (!rc && r->kind == KIND_TRANSLATION) {
        snprintf(name, sizeof name, "%s:%ld (example, English)", r->file ? r->file : "rule",
                 x->line);
        rc = analysis_run_bytes(name, (const unsigned char *)buf_cstr(&html_en), html_en.len,
                                spec, &opts, &en, e);
        if (rc)
            analysis_free(&a);
    }
    buf_free(&html);
    buf_free(&html_en);
    if (rc)
        return rc;
    check_input in = {&a, r->kind == KIND_TRANSLATION ? &en : NULL, as_of, spec};
    check_result res;
    memset(&res, 0, sizeof res);
    check_item it;
    memset(&it, 0, sizeof it);
    eval_item(r, &in, m, NULL, &res, &it);
    *status = it.status;
    if (detail) {
        buf d = BUF_INIT;
        if (it.status == ST_ERROR || it.status == ST_NA || it.status == ST_NOT_EFFECTIVE)
            buf_printf(&d, "%s: %s", check_status_name(it.status), it.note ? it.note : "");
        else if (res.nf > 0)
            buf_printf(&d, "%s: section %s: %s", check_status_name(it.status),
                       res.f[0].section[0] ? res.f[0].section : "-",
                       res.f[0].snippet ? res.f[0].snippet : res.f[0].message);
        else
            buf_printf(&d, "%s", check_status_name(it.status));
        *detail = buf_detach(&d);
    }
    free(it.note);
    check_result_free(&res);
    analysis_free(&a);
    if (r->kind == KIND_TRANSLATION)
        analysis_free(&en);
    if (it.status == ST_ERROR)
        return cps_err_set(e, CPS_E_LIMIT, r->file, x->line, "rule %s: example could not run",
                           r->id);
    return 0;
}

int check_example(const rule *r, const rule_example *x, const outline_spec *spec, matcher *m,
                  int *fired, char **detail, cps_err *e)
{
    check_status st = ST_PASS;
    int rc = check_example_at(r, x, spec, m, check_example_default_date(r, x), &st, detail, e);
    *fired = rc == 0 && st == ST_FAIL;
    return rc;
}

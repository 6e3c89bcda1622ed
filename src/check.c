#include "check.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

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

void check_result_free(check_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nf; i++) {
        free(r->f[i].heading);
        free(r->f[i].snippet);
        free(r->f[i].message);
        free(r->f[i].match);
    }
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
        if (!strcmp(list[i], "doc") || ruleset_number_within(number, list[i]))
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

/* 1 if block bi is text the rule looks at. */
static int block_in_scope(const rule *r, const analysis *a, size_t bi)
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
    const char *num = o->secs[si].number;
    if (!number_in(num, r->scope, r->nscope))
        return 0;
    for (size_t i = 0; i < r->nexclude; i++)
        if (ruleset_number_within(num, r->exclude[i]))
            return 0;
    return 1;
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
            if (s->status != SEC_MISSING && ruleset_number_within(s->number, r->scope[k]))
                return (int)i;
        }
    return -1;
}

/* ---- pattern helpers --------------------------------------------------- */

typedef struct evalctx {
    const rule *r;
    const outline_spec *spec;
    matcher *m;
    int failed;       /* a limit or error was hit */
    char errmsg[256];
} evalctx;

/* 1 if any pattern of ps occurs in s[0..n); 0 if none; -1 on error. */
static int any_in(evalctx *c, const rule_patterns *ps, const char *s, size_t n,
                  size_t *ms, size_t *me)
{
    for (size_t i = 0; i < ps->n; i++) {
        size_t a, b;
        int rc = match_find(c->m, &ps->v[i], s, n, 0, &a, &b);
        if (rc == MATCH_FOUND) {
            if (ms) {
                *ms = a;
                *me = b;
            }
            return 1;
        }
        if (rc < 0) {
            char msg[200];
            match_error_message(c->m, msg, sizeof msg);
            snprintf(c->errmsg, sizeof c->errmsg, "pattern at %s:%ld: %s", c->r->file,
                     ps->v[i].line, msg);
            c->failed = 1;
            return -1;
        }
    }
    return 0;
}

static size_t clause_of(const size_t *starts, size_t nc, size_t pos)
{
    size_t k = 0;
    while (k + 1 < nc && starts[k + 1] <= pos)
        k++;
    return k;
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
 * earlier non-list block of the same section, when it ends with ':'). */
static size_t list_intro(analysis *a, size_t bi)
{
    int si = a->o.block_sec[bi];
    for (size_t k = bi; k-- > 0;) {
        if (a->o.block_sec[k] != si)
            return (size_t)-1;
        const doc_block *b = &a->d.blocks[k];
        if (b->kind == BLOCK_LIST_ITEM)
            continue;
        if (b->kind != BLOCK_PARAGRAPH)
            return (size_t)-1;
        const text_map *tm = analysis_folded(a, k);
        if (!tm || !tm->len)
            return (size_t)-1;
        size_t n = tm->len;
        while (n > 0 && tm->s[n - 1] == ' ')
            n--;
        return n > 0 && tm->s[n - 1] == ':' ? k : (size_t)-1;
    }
    return (size_t)-1;
}

/* ---- forbid ------------------------------------------------------------ */

static int unless_in(evalctx *c, const char *s, size_t cs, size_t ce)
{
    if (!c->r->unless.n || ce <= cs)
        return 0;
    return any_in(c, &c->r->unless, s + cs, ce - cs, NULL, NULL);
}

static void eval_forbid(evalctx *c, analysis *a, check_result *out, int translation)
{
    const rule *r = c->r;
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        if (!block_in_scope(r, a, bi))
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
        for (size_t pi = 0; pi < r->match.n && !c->failed; pi++) {
            size_t from = 0, ms, me;
            for (;;) {
                int rc = match_find(c->m, &r->match.v[pi], tm->s, tm->len, from, &ms, &me);
                if (rc < 0) {
                    char msg[200];
                    match_error_message(c->m, msg, sizeof msg);
                    snprintf(c->errmsg, sizeof c->errmsg, "pattern at %s:%ld: %s", r->file,
                             r->match.v[pi].line, msg);
                    c->failed = 1;
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
                int cancel = unless_in(c, tm->s, cs, ce);
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
                        cancel = unless_in(c, bt->s, bcs, bce);
                    }
                    if (cancel < 0)
                        break;
                }
                if (!cancel && a->d.blocks[bi].kind == BLOCK_LIST_ITEM) {
                    size_t ib = list_intro(a, bi);
                    if (ib != (size_t)-1) {
                        const text_map *it = analysis_folded(a, ib);
                        size_t *is = NULL;
                        size_t inc = text_clauses(it->s, it->len, &is);
                        size_t ics = inc ? is[inc - 1] : 0;
                        cancel = unless_in(c, it->s, ics, it->len);
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
}

/* ---- require ----------------------------------------------------------- */

/* Search all own-text blocks in scope; returns 1 found, 0 not, -1 error. */
static int scope_has(evalctx *c, analysis *a, const rule_patterns *ps)
{
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!block_in_scope(c->r, a, bi) || a->o.roles[bi] == ROLE_HEADING)
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        int rc = any_in(c, ps, tm->s, tm->len, NULL, NULL);
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
            excluded |= ruleset_number_within(s->number, r->exclude[k]);
        if (excluded)
            continue;
        const char *what = NULL;
        if (r->check == CHECK_MISSING_SECTIONS && s->status == SEC_MISSING)
            what = "is missing";
        else if (r->check == CHECK_BLANK_SECTIONS && s->status != SEC_MISSING && s->empty)
            what = "is blank (no text and no subsections)";
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
        int rc = any_in(c, &c->r->link, tm.s, tm.len, NULL, NULL);
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
        int rc = any_in(c, &c->r->match, tm->s, tm->len, &ms, &me);
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

/* ---- driver ------------------------------------------------------------ */

check_status check_eval_rule(const rule *r, const check_input *in, matcher *m,
                             check_result *out, char **note)
{
    evalctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.m = m;
    c.spec = in->spec;
    size_t before = out->nf;
    analysis *a = in->doc;
    switch (r->kind) {
    case KIND_FORBID:
        if (first_scope_section(r, a) == -1) {
            if (note) {
                buf b = BUF_INIT;
                buf_printf(&b, "section %s is not in the document", r->scope[0]);
                *note = buf_detach(&b);
            }
            return ST_NA;
        }
        eval_forbid(&c, a, out, 0);
        break;
    case KIND_REQUIRE:
        eval_require(&c, a, out);
        break;
    case KIND_STRUCTURE:
        eval_structure(&c, a, out);
        break;
    case KIND_LANGUAGE:
        eval_language(&c, in, in->as_of, out);
        break;
    }
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
    return out->nf > before ? ST_FAIL : ST_PASS;
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

int check_run(const ruleset *rs, const check_input *in, matcher *m, check_result *out,
              cps_err *e)
{
    (void)e;
    memset(out, 0, sizeof *out);
    out->as_of = in->as_of;
    out->items = xcalloc(rs->n ? rs->n : 1, sizeof *out->items);
    cps_date doc_date = in->doc->meta.date;
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        if (!r->enabled)
            continue;
        check_item *it = &out->items[out->nitems++];
        it->rule = r;
        it->severity = r->severity;
        size_t before = out->nf;
        cps_date as_of = in->as_of;
        if (r->until != DATE_NONE && as_of >= r->until) {
            it->status = ST_NOT_EFFECTIVE;
            it->note = datenote("no longer in force since ", r->until, " (as of ", as_of, ")");
            continue;
        }
        int upcoming = 0;
        if (r->effective != DATE_NONE && as_of < r->effective) {
            if (r->effective - as_of > CHECK_UPCOMING_DAYS) {
                it->status = ST_NOT_EFFECTIVE;
                it->note = datenote("effective ", r->effective, " (as of ", as_of, ")");
                continue;
            }
            upcoming = 1;
        }
        if (doc_date != DATE_NONE && r->doc_from != DATE_NONE && doc_date < r->doc_from) {
            it->status = ST_NA;
            it->note = datenote("applies to documents dated from ", r->doc_from, "; this one is dated ", doc_date, "");
            continue;
        }
        if (doc_date != DATE_NONE && r->doc_until != DATE_NONE && doc_date >= r->doc_until) {
            it->status = ST_NA;
            it->note = datenote("applies to documents dated before ", r->doc_until, "; this one is dated ", doc_date, "");
            continue;
        }
        check_input in2 = *in;
        if (upcoming)
            in2.as_of = r->effective; /* evaluate as it will apply */
        char *note = NULL;
        check_status st = check_eval_rule(r, &in2, m, out, &note);
        it->note = note;
        if (upcoming) {
            if (st == ST_FAIL) {
                st = ST_UPCOMING;
                it->severity = SEV_WARNING;
                for (size_t k = before; k < out->nf; k++) {
                    out->f[k].status = ST_UPCOMING;
                    out->f[k].severity = SEV_WARNING;
                }
                free(it->note);
                it->note = datenote("becomes effective ", r->effective, " (as of ", as_of, ")");
            } else if (st != ST_ERROR) {
                st = ST_NOT_EFFECTIVE;
                free(it->note);
                it->note = datenote("effective ", r->effective, " (as of ", as_of, "); would pass");
            }
        }
        it->status = st;
        it->nfindings = out->nf - before;
    }
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

static int level_of(const char *number)
{
    int n = 1;
    for (; *number; number++)
        n += *number == '.';
    return n;
}

static void heading(buf *b, const char *number, const char *title)
{
    int lv = level_of(number);
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

/* "complete", "without 1.5.2", "blank 4.9.3" (comma separated) */
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
        for (size_t i = 0; i < spec->n; i++) {
            const outline_entry *en = &spec->e[i];
            if (skip && ruleset_number_within(en->number, skip))
                continue;
            skip = NULL;
            if (structure_directive(x->text, en->number, "without")) {
                skip = en->number;
                continue;
            }
            const char *t = entry_title(spec, en->number, lang);
            heading(b, en->number, t ? t : en->title);
            if (!structure_directive(x->text, en->number, "blank"))
                body_text(b, lang);
        }
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

int check_example(const rule *r, const rule_example *x, const outline_spec *spec, matcher *m,
                  int *fired, char **detail, cps_err *e)
{
    buf html = BUF_INIT;
    build_example_doc(r, x, spec, &html);
    analysis a;
    analysis_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.force = SOURCE_FMT_HTML;
    char name[160];
    snprintf(name, sizeof name, "%s:%ld (example)", r->file ? r->file : "rule", x->line);
    int rc = analysis_run_bytes(name, (const unsigned char *)buf_cstr(&html), html.len, spec,
                                &opts, &a, e);
    buf_free(&html);
    if (rc)
        return rc;
    cps_date as_of = date_today();
    cps_date dates[3] = {r->effective, r->strict_from, r->doc_from};
    cps_date latest = DATE_NONE;
    for (int k = 0; k < 3; k++)
        if (dates[k] != DATE_NONE && (latest == DATE_NONE || dates[k] > latest))
            latest = dates[k];
    if (latest != DATE_NONE)
        as_of = latest;
    check_input in = {&a, NULL, as_of, spec};
    check_result res;
    memset(&res, 0, sizeof res);
    char *note = NULL;
    check_status st = check_eval_rule(r, &in, m, &res, &note);
    *fired = st == ST_FAIL;
    if (detail) {
        buf d = BUF_INIT;
        if (st == ST_ERROR || st == ST_NA)
            buf_printf(&d, "%s: %s", check_status_name(st), note ? note : "");
        else if (res.nf > 0)
            buf_printf(&d, "section %s: %s", res.f[0].section[0] ? res.f[0].section : "-",
                       res.f[0].snippet ? res.f[0].snippet : res.f[0].message);
        *detail = buf_detach(&d);
    }
    free(note);
    check_result_free(&res);
    analysis_free(&a);
    if (st == ST_ERROR)
        return cps_err_set(e, CPS_E_LIMIT, r->file, x->line, "rule %s: example could not run",
                           r->id);
    return 0;
}

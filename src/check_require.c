/* check_require.c — kind require: a `match` (and, if given, an `also`)
 * must occur in what the rule reads (check.h: its scope and the sections
 * the scope refers to, no headings, no definitions or references, each
 * pattern on blocks of its language); a pass keeps the clause that earned
 * it. Also kind version: a version number named in a `match` older than
 * the `min-version` step in force. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

CHK_KIND_DECLARE(require);
CHK_KIND_DECLARE(version);

/* What one require or version rule reads in one document. */
typedef struct reader {
    unsigned char *secs;   /* per section: read (chk_scope_sections) */
    unsigned char *zone;   /* per block: definitions/references (chk_reference_zones) */
    chk_langs langs;
    int doc_wide;
} reader;

static void reader_init(reader *rd, const rule *r, analysis *a)
{
    rd->secs = chk_scope_sections(r, a);
    rd->zone = chk_reference_zones(a);
    chk_langs_init(&rd->langs, a);
    rd->doc_wide = chk_first_scope_section(r, a) == -2;
}

static void reader_free(reader *rd)
{
    free(rd->secs);
    free(rd->zone);
}

/* 1 if block bi is text the rule reads as a statement. */
static int block_read(const reader *rd, const rule *r, const analysis *a, size_t bi)
{
    const outline *o = &a->o;
    if (bi >= o->nblocks || rd->zone[bi])
        return 0;
    block_role role = o->roles[bi];
    if (role == ROLE_TOC || role == ROLE_REVISION || (a->d.blocks[bi].flags & BLOCK_TOC))
        return 0;
    int si = o->block_sec[bi];
    if (si < 0)
        return rd->doc_wide && role == ROLE_FRONT && a->d.blocks[bi].kind != BLOCK_HEADING;
    if (!rd->secs[si])
        return 0;
    if (role == ROLE_HEADING || a->d.blocks[bi].kind == BLOCK_HEADING) {
        /* `headings = yes`: a numbered heading stands for its section's
         * text ("3.2.2.4.7 DNS Change" above its procedure), never alone */
        const section *s = &o->secs[si];
        return r->in_headings > 0 && role == ROLE_HEADING && s->body_end > s->body_start;
    }
    return 1;
}

/* The first occurrence at or after from of a pattern of ps that reads block
 * bi; 1 found (span in *ms, *me), 0 none, -1 error. */
static int first_in(evalctx *c, const reader *rd, analysis *a, size_t bi, const rule_patterns *ps,
                    const char *s, size_t n, size_t from, size_t *ms, size_t *me)
{
    size_t blk = chk_pf_block(c, a, bi);
    int found = 0;
    for (size_t i = 0; i < ps->n; i++) {
        const rule_pattern *p = &ps->v[i];
        if (!chk_may_match(c, blk, p) || !chk_pattern_reads(&rd->langs, a, bi, p))
            continue;
        size_t x, y;
        int rc = match_find(c->m, p, s, n, from, &x, &y);
        if (rc < 0)
            return chk_pattern_failed(c, p);
        if (rc == MATCH_FOUND && (!found || x < *ms)) {
            *ms = x;
            *me = y;
            found = 1;
        }
    }
    return found;
}

/* 1 if the clause ending at end (exclusive) ends with "; " or ";". */
static int ends_clause(const char *s, size_t end)
{
    while (end > 0 && s[end - 1] == ' ')
        end--;
    return end > 0 && s[end - 1] == ';';
}

/* The sentence [*cs, *ce) of folded text s[0..n) holding pos: its clause
 * (text_clauses), joined with the clauses around it across "; " (a
 * subject and its statement are often one sentence in two clauses: "...
 * the Baseline Requirements; in case of conflict, they prevail"). */
static void clause_at(const char *s, size_t n, size_t pos, size_t *cs, size_t *ce)
{
    size_t *starts = NULL;
    size_t nc = text_clauses(s, n, &starts);
    if (!nc) {
        *cs = 0;
        *ce = n;
        free(starts);
        return;
    }
    size_t k = chk_clause_of(starts, nc, pos), lo = k, hi = k + 1;
    while (lo > 0 && ends_clause(s, starts[lo]))
        lo--;
    while (hi < nc && ends_clause(s, starts[hi]))
        hi++;
    *cs = starts[lo];
    *ce = starts[hi];
    free(starts);
}

/* The first block read that holds a pattern of ps: 1 found (evidence
 * appended, group also), 0 none, -1 error. */
static int find_group(evalctx *c, const reader *rd, analysis *a, const rule_patterns *ps, int also)
{
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!block_read(rd, c->r, a, bi))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        size_t ms, me, cs, ce;
        int rc = first_in(c, rd, a, bi, ps, tm->s, tm->len, 0, &ms, &me);
        if (rc < 0)
            return -1;
        if (rc) {
            clause_at(tm->s, tm->len, ms, &cs, &ce);
            chk_add_evidence(c, a, bi, cs, ce, ms, me, also);
            return 1;
        }
    }
    return 0;
}

/* `also-in = clause`: the first sentence read that holds a `match` and
 * an `also` (`also-in = block`: a block). *has_match says whether a `match` was seen at all. 1 found,
 * 0 none, -1 error. */
static int find_together(evalctx *c, const reader *rd, analysis *a, int *has_match)
{
    const rule *r = c->r;
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        if (!block_read(rd, r, a, bi))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        size_t from = 0, ms, me;
        for (;;) {
            int rc = first_in(c, rd, a, bi, &r->match, tm->s, tm->len, from, &ms, &me);
            if (rc <= 0) {
                if (rc < 0)
                    return -1;
                break;
            }
            *has_match = 1;
            size_t cs, ce, as, ae;
            clause_at(tm->s, tm->len, ms, &cs, &ce);
            if (r->also_clause == 2) { /* also-in = block */
                rc = first_in(c, rd, a, bi, &r->also, tm->s, tm->len, 0, &as, &ae);
                if (rc > 0) {
                    size_t xs, xe;
                    clause_at(tm->s, tm->len, as, &xs, &xe);
                    chk_add_evidence(c, a, bi, cs, ce, ms, me, 0);
                    chk_add_evidence(c, a, bi, xs, xe, as, ae, 1);
                    return 1;
                }
                if (rc < 0)
                    return -1;
                break; /* no `also` in this block: the next block */
            }
            rc = first_in(c, rd, a, bi, &r->also, tm->s, ce, cs, &as, &ae);
            if (rc < 0)
                return -1;
            if (rc) { /* one sentence answers both groups: quoted once */
                chk_add_evidence(c, a, bi, cs, ce, ms, me, 0);
                return 1;
            }
            from = ce > ms ? ce : ms + 1; /* the next clause */
            if (from >= tm->len)
                break;
        }
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

static void missing_section(const rule *r, analysis *a, check_result *out)
{
    finding *f = chk_add_finding(out, r);
    snprintf(f->section, sizeof f->section, "%s", r->scope[0]);
    const char *t = spec_title_of(a, r->scope[0]);
    if (t)
        f->heading = xstrdup(t);
    free(f->message);
    buf m = BUF_INIT;
    buf_printf(&m, "section %s is missing", r->scope[0]);
    f->message = buf_detach(&m);
}

/* The finding of a rule whose groups were not found. */
static void not_found(const rule *r, analysis *a, int si, int has, int has_also,
                      check_result *out)
{
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
    const char *l1 = r->match_label ? r->match_label : r->also.n ? "the first pattern" : "match";
    const char *l2 = r->also_label ? r->also_label : "the second pattern";
    if (!r->also.n || (!has && (r->also_clause || has_also)))
        buf_printf(&m, "no %s found in %s", l1, where);
    else if (!has)
        buf_printf(&m, "neither %s nor %s found in %s", l1, l2, where);
    else if (r->also_clause)
        buf_printf(&m, "no %s found in the same sentence as a %s in %s", l2, l1, where);
    else
        buf_printf(&m, "no %s found in %s", l2, where);
    free(f->message);
    f->message = buf_detach(&m);
}

check_status chk_eval_require(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    analysis *a = in->doc;
    const rule *r = c->r;
    int si = chk_first_scope_section(r, a);
    if (si == -1) {
        missing_section(r, a, out);
        return ST_PASS;
    }
    reader rd;
    reader_init(&rd, r, a);
    int has = 0, has_also = 1;
    if (r->also_clause) {
        has_also = find_together(c, &rd, a, &has);
        if (has_also > 0)
            has = 1;
    } else {
        has = find_group(c, &rd, a, &r->match, 0);
        if (has >= 0 && r->also.n)
            has_also = find_group(c, &rd, a, &r->also, 1);
    }
    reader_free(&rd);
    if (has < 0 || has_also < 0 || c->failed)
        return ST_PASS; /* the driver reports the error */
    if (has && has_also)
        return ST_PASS;
    not_found(r, a, si, has, has_also, out);
    return ST_PASS;
}

/* ---- kind version ------------------------------------------------------- */

/* The version number a match names: the first "version X.Y[.Z]" or
 * "vX.Y[.Z]" in s[0..n). 1 if found. */
static int named_version(const char *s, size_t n, int v[3])
{
    for (size_t k = 0; k < n; k++) {
        size_t p = k;
        if (n - k >= 7 && !memcmp(s + k, "version", 7) && (k == 0 || !isalpha((unsigned char)s[k - 1])))
            p = k + 7;
        else if (s[k] == 'v' && (k == 0 || !isalpha((unsigned char)s[k - 1])))
            p = k + 1;
        else
            continue;
        while (p < n && (s[p] == ' ' || s[p] == '.'))
            p++;
        if (p < n && s[p] == 'v')
            p++;
        int got = 0;
        v[0] = v[1] = v[2] = 0;
        while (got < 3 && p < n && isdigit((unsigned char)s[p])) {
            v[got++] = (int)strtol(s + p, NULL, 10);
            while (p < n && isdigit((unsigned char)s[p]))
                p++;
            if (p + 1 < n && s[p] == '.' && isdigit((unsigned char)s[p + 1]))
                p++;
            else
                break;
        }
        if (got >= 2)
            return 1;
    }
    return 0;
}

static int version_cmp(const int a[3], const int b[3])
{
    for (int i = 0; i < 3; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* 1 if the sentence [cs, ce) of folded text s is bounded by a date already
 * past on as_of ("Prior to 2024-03-15, ... version 1.8.7 ..."): history,
 * not the version the CA follows. *dated = 1 when such a date was seen. */
static int past_condition(const char *s, size_t cs, size_t ce, cps_date as_of, int *dated)
{
    static const char *const cues[] = {"prior to ", "before ", "until ", "up to ", "avant le ",
                                       "jusqu'au ", "jusqu'a ", NULL};
    for (size_t i = 0; cues[i]; i++) {
        size_t m = strlen(cues[i]);
        for (size_t k = cs; k + m <= ce; k++) {
            if (memcmp(s + k, cues[i], m) || (k > 0 && isalpha((unsigned char)s[k - 1])))
                continue;
            size_t ds, de;
            size_t end = k + m + 40 < ce ? k + m + 40 : ce;
            cps_date d = date_find(s + k + m, end - k - m, NULL, &ds, &de);
            if (d != DATE_NONE && ds < 4) {
                *dated = 1;
                if (d <= as_of)
                    return 1;
            }
        }
    }
    return 0;
}

/* One finding for the match [ms, me) of block bi naming version v. */
static void old_version(evalctx *c, analysis *a, check_result *out, size_t bi, size_t ms,
                        size_t me, const int v[3], const version_step *st, cps_date as_of)
{
    finding *f = chk_add_finding(out, c->r);
    int si = a->o.block_sec[bi];
    chk_finding_at_section(f, a, si);
    chk_finding_snippet(f, a, bi, ms, me);
    char d1[11], d2[11];
    date_format(st->from, d1);
    date_format(as_of, d2);
    buf m = BUF_INIT;
    buf_printf(&m, "names version %d.%d.%d; as of %s a document reviewed within the year "
                   "follows %d.%d.%d or later (from %s)",
               v[0], v[1], v[2], d2, st->v[0], st->v[1], st->v[2], d1);
    free(f->message);
    f->message = buf_detach(&m);
}

check_status chk_eval_version(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    analysis *a = in->doc;
    const rule *r = c->r;
    const version_step *st = NULL;
    for (size_t k = 0; k < r->nversions; k++)
        if (r->versions[k].from <= in->as_of)
            st = &r->versions[k];
    if (!st || in->as_of == DATE_NONE)
        return ST_PASS;
    reader rd;
    reader_init(&rd, r, a);
    for (size_t bi = 0; bi < a->d.nblocks && !c->failed; bi++) {
        if (!block_read(&rd, r, a, bi))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        if (!tm || !tm->len)
            continue;
        size_t from = 0, ms, me;
        while (from < tm->len &&
               first_in(c, &rd, a, bi, &r->match, tm->s, tm->len, from, &ms, &me) > 0) {
            int v[3];
            size_t cs, ce;
            clause_at(tm->s, tm->len, ms, &cs, &ce);
            if (named_version(tm->s + ms, me - ms, v) && version_cmp(v, st->v) < 0 &&
                !past_condition(tm->s, cs, ce, in->as_of, &c->dated)) {
                old_version(c, a, out, bi, ms, me, v, st, in->as_of);
                break; /* one finding per block */
            }
            from = me > ms ? me : ms + 1;
        }
    }
    reader_free(&rd);
    return ST_PASS;
}

int chk_validate_require(rule *r, char *msg, size_t size)
{
    if (r->unless.n)
        return chk_invalid(msg, size, "'unless' is for forbid rules");
    return chk_validate_statement(r, msg, size);
}

int chk_validate_version(rule *r, char *msg, size_t size)
{
    if (r->also.n || r->unless.n || r->link.n || r->check)
        return chk_invalid(msg, size, "a version rule takes only 'match' patterns");
    return 0;
}

#include "stance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NO_BLK ((size_t)-1)

const char *stance_kind_name(stance_kind k)
{
    switch (k) {
    case STANCE_OFFERED: return "offered";
    case STANCE_MENTIONED: return "mentioned";
    case STANCE_DISCLAIMED: return "disclaimed";
    case STANCE_UNCLEAR: break;
    }
    return "unclear";
}

/* ---- sub-clauses -------------------------------------------------------- */

/* Words that start a new sub-clause, with their leading space (matching
 * text is lower case, one space between words). */
static const char *const seg_words[] = {
    " and ", " but ", " whereas ", " while ", " however ", " et ", " mais ",
    " tandis que ", " alors que ", " cependant ", NULL
};

/* Length of the separator starting at s[i] (within [i, end)), or 0. */
static size_t seg_sep(const char *s, size_t i, size_t end)
{
    if (s[i] == ';')
        return 1;
    for (size_t k = 0; seg_words[k]; k++) {
        size_t l = strlen(seg_words[k]);
        if (i + l <= end && !memcmp(s + i, seg_words[k], l))
            return l;
    }
    return 0;
}

void stance_segment(const char *s, size_t cs, size_t ce, size_t pos, size_t *ss, size_t *se)
{
    *ss = cs;
    *se = ce;
    if (pos < cs || pos >= ce)
        return;
    for (size_t i = cs; i < ce;) {
        size_t l = seg_sep(s, i, ce);
        if (!l) {
            i++;
            continue;
        }
        if (i + l <= pos)
            *ss = i + l;
        else if (i >= pos) {
            *se = i;
            return;
        }
        i += l;
    }
}

/* ---- stop dates --------------------------------------------------------- */

static const char *const until_words[] = {
    "until", "till", "through", "before", "prior to", "up to", "no later than",
    "jusqu'au", "jusqu'a", "avant le", "avant", "au plus tard le", NULL
};
static const char *const from_words[] = {
    "effective", "from", "as of", "starting", "beginning", "on or after", "after",
    "since", "a compter du", "a compter de", "a partir du", "a partir de", "des le",
    "depuis le", "apres le", NULL
};

/* The last of words ending within the 40 bytes before s[at]: 1 found. */
static int word_before(const char *s, size_t at, const char *const *words, size_t *where)
{
    size_t lo = at > 40 ? at - 40 : 0, best = (size_t)-1;
    for (size_t k = 0; words[k]; k++) {
        size_t l = strlen(words[k]);
        for (size_t i = lo; i + l <= at; i++) {
            if (memcmp(s + i, words[k], l))
                continue;
            if (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '(')
                continue;
            if (best == (size_t)-1 || i > best)
                best = i;
        }
    }
    if (best == (size_t)-1)
        return 0;
    *where = best;
    return 1;
}

stance_stop stance_stop_date(const char *s, size_t n, cps_date *date)
{
    size_t from = 0;
    while (from < n) {
        size_t ds, de;
        cps_date d = date_find(s + from, n - from, NULL, &ds, &de);
        if (d == DATE_NONE)
            break;
        ds += from;
        de += from;
        size_t wu = 0, wf = 0;
        int u = word_before(s, ds, until_words, &wu);
        int f = word_before(s, ds, from_words, &wf);
        if (u || f) {
            *date = d;
            return (u && (!f || wu > wf)) ? STOP_UNTIL : STOP_FROM;
        }
        from = de > ds ? de : ds + 1;
    }
    return STOP_NONE;
}

/* ---- classification ----------------------------------------------------- */

typedef struct sctx {
    analysis *a;
    const stance_cues *cues;
    cps_date as_of;
    stance *out;
} sctx;

static int cue(const sctx *c, stance_cue k, size_t blk, const char *s, size_t n, size_t *cs,
               size_t *ce)
{
    return c->cues->find(c->cues->ctx, k, blk, s, n, cs, ce);
}

/* out->why = prefix + quoted s[cs, ce) (at most 60 bytes, on a UTF-8 boundary). */
static void say(stance *out, stance_kind k, const char *prefix, const char *s, size_t cs,
                size_t ce)
{
    out->kind = k;
    if (!s || ce <= cs) {
        snprintf(out->why, sizeof out->why, "%s", prefix);
        return;
    }
    size_t n = ce - cs;
    if (n > 60) {
        n = 60;
        while (n > 0 && ((unsigned char)s[cs + n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(out->why, sizeof out->why, "%s (\"%.*s%s\")", prefix, (int)n, s + cs,
             n < ce - cs ? "..." : "");
}

/* out->why = prefix + the date + suffix */
static void say_date(stance *out, stance_kind k, const char *prefix, cps_date d,
                     const char *suffix)
{
    char ds[11];
    date_format(d, ds);
    out->kind = k;
    snprintf(out->why, sizeof out->why, "%s%s%s", prefix, ds, suffix);
}

/* Decide from the cues of s[ts, te) (a sub-clause or a clause). Returns 1
 * decided, 0 no cue at all, -1 error. what names the construct. */
static int decide_text(const sctx *c, size_t blk, const char *s, size_t ts, size_t te,
                       const char *what)
{
    size_t d0, d1, m0, m1, o0, o1;
    int d = cue(c, CUE_DISCLAIM, blk, s + ts, te - ts, &d0, &d1);
    int m = d < 0 ? -1 : cue(c, CUE_MENTION, blk, s + ts, te - ts, &m0, &m1);
    int o = m < 0 ? -1 : cue(c, CUE_OFFER, blk, s + ts, te - ts, &o0, &o1);
    if (d < 0 || m < 0 || o < 0)
        return -1;
    cps_date when = DATE_NONE;
    stance_stop stop = stance_stop_date(s + ts, te - ts, &when);
    if (stop != STOP_NONE)
        c->out->dated = 1;
    char pre[120];
    if (d) {
        if (stop == STOP_FROM && when > c->as_of) {
            say_date(c->out, STANCE_OFFERED, "offered until ", when,
                     ", when a disclaimer takes effect");
            return 1;
        }
        snprintf(pre, sizeof pre, "disclaimed in %s", what);
        say(c->out, STANCE_DISCLAIMED, pre, s, ts + d0, ts + d1);
        return 1;
    }
    if (m) {
        snprintf(pre, sizeof pre, "mentioned, not offered, in %s", what);
        say(c->out, STANCE_MENTIONED, pre, s, ts + m0, ts + m1);
        return 1;
    }
    if (stop == STOP_UNTIL && when < c->as_of) {
        say_date(c->out, STANCE_MENTIONED, "used only until ", when, " (past)");
        return 1;
    }
    if (o) {
        snprintf(pre, sizeof pre, "offered in %s", what);
        say(c->out, STANCE_OFFERED, pre, s, ts + o0, ts + o1);
        return 1;
    }
    return 0;
}

/* The clause of tm holding pos, as [*cs, *ce). */
static void clause_at(const text_map *tm, size_t pos, size_t *cs, size_t *ce)
{
    size_t *st = NULL;
    size_t nc = text_clauses(tm->s, tm->len, &st);
    *cs = 0;
    *ce = tm->len;
    for (size_t k = 0; k < nc; k++) {
        if (st[k] <= pos) {
            *cs = st[k];
            *ce = st[k + 1];
        }
    }
    free(st);
}

/* A sub-clause decides when it holds a cue; else its whole clause. */
static int decide_clause(const sctx *c, size_t bi, const text_map *tm, size_t ms,
                         const char *what)
{
    size_t cs, ce, ss, se;
    clause_at(tm, ms, &cs, &ce);
    stance_segment(tm->s, cs, ce, ms, &ss, &se);
    int rc = decide_text(c, bi, tm->s, ss, se, what);
    if (rc == 0 && (ss != cs || se != ce))
        rc = decide_text(c, bi, tm->s, cs, ce, what);
    return rc;
}

/* An equivalence to a BR number after the match in its clause ("our
 * method 3.2.2.4.1 ... is equivalent to BR 3.2.2.4.7"): a local number. */
static int local_after(const sctx *c, size_t bi, const text_map *tm, size_t ms, size_t me)
{
    size_t cs, ce, l0, l1;
    clause_at(tm, ms, &cs, &ce);
    if (me >= ce)
        return 0;
    int rc = cue(c, CUE_LOCAL, bi, tm->s + me, ce - me, &l0, &l1);
    if (rc > 0)
        say(c->out, STANCE_MENTIONED, "mentioned: a local number, the BR number follows",
            tm->s, me + l0, me + l1);
    return rc;
}

/* The first non-empty own-text block of section si, or NO_BLK. */
static size_t first_body(analysis *a, int si)
{
    const section *s = &a->o.secs[si];
    for (size_t b = s->body_start; b < s->body_end && b < a->d.nblocks; b++) {
        const text_map *tm = analysis_folded(a, b);
        if (tm && tm->len)
            return b;
    }
    return NO_BLK;
}

/* Disclaimers anywhere in the first blocks of a method section's body
 * ("This domain validation method is not used", "Effective March 15th
 * 2026, the CA will not use this method"). Returns 1 decided, 0, -1. */
/* The date of a list's lead-in paragraph ("Effective March 15, 2026:"
 * above "- The CA MUST NOT rely on this method."), for list item b. */
static stance_stop lead_in_date(const sctx *c, size_t b, size_t from, cps_date *when)
{
    if (c->a->d.blocks[b].kind != BLOCK_LIST_ITEM)
        return STOP_NONE;
    for (size_t k = b; k-- > from;) {
        const doc_block *p = &c->a->d.blocks[k];
        if (p->kind == BLOCK_LIST_ITEM)
            continue;
        const text_map *tm = analysis_folded(c->a, k);
        if (p->kind != BLOCK_PARAGRAPH || !tm)
            return STOP_NONE;
        return stance_stop_date(tm->s, tm->len, when);
    }
    return STOP_NONE;
}

static int body_disclaims(const sctx *c, int si)
{
    const section *s = &c->a->o.secs[si];
    size_t seen = 0;
    for (size_t b = s->body_start; b < s->body_end && b < c->a->d.nblocks && seen < 12; b++) {
        const text_map *tm = analysis_folded(c->a, b);
        if (!tm || !tm->len)
            continue;
        seen++;
        size_t *st = NULL;
        size_t nc = text_clauses(tm->s, tm->len, &st);
        int rc = 0;
        for (size_t k = 0; k < nc && rc == 0; k++) {
            size_t d0, d1;
            rc = cue(c, CUE_DISCLAIM, b, tm->s + st[k], st[k + 1] - st[k], &d0, &d1);
            if (rc <= 0)
                continue;
            cps_date when = DATE_NONE;
            stance_stop stop = stance_stop_date(tm->s + st[k], st[k + 1] - st[k], &when);
            if (stop == STOP_NONE)
                stop = lead_in_date(c, b, s->body_start, &when);
            if (stop != STOP_NONE)
                c->out->dated = 1;
            if (stop == STOP_FROM && when > c->as_of)
                say_date(c->out, STANCE_OFFERED,
                         "offered: the section describes it, and stops using it from ", when, "");
            else
                say(c->out, STANCE_DISCLAIMED, "disclaimed by the section's text", tm->s,
                    st[k] + d0, st[k] + d1);
        }
        free(st);
        if (rc)
            return rc;
    }
    return 0;
}

static int classify_heading(const sctx *c, size_t bi, const text_map *tm)
{
    int si = c->a->o.block_sec[bi];
    if (si < 0) {
        say(c->out, STANCE_UNCLEAR, "a heading outside any section", NULL, 0, 0);
        return 0;
    }
    size_t bb = first_body(c->a, si);
    if (bb == NO_BLK) {
        say(c->out, STANCE_MENTIONED, "mentioned: a heading with no text", NULL, 0, 0);
        return 0;
    }
    /* the heading and its first paragraph, as one context: a local
     * number is judged on both; the offer on the first sentence */
    const text_map *bt = analysis_folded(c->a, bb);
    size_t bcs, bce;
    clause_at(bt, 0, &bcs, &bce);
    size_t hl = tm->len, n = hl + 1 + bt->len;
    char *ctx = malloc(n + 1);
    if (!ctx)
        return -1;
    memcpy(ctx, tm->s, hl);
    ctx[hl] = ' ';
    memcpy(ctx + hl + 1, bt->s, bt->len);
    ctx[n] = 0;
    size_t l0, l1;
    int rc = cue(c, CUE_LOCAL, NO_BLK, ctx, n, &l0, &l1);
    if (rc > 0)
        say(c->out, STANCE_MENTIONED,
            "mentioned: a local section number, its text names another method", ctx, l0, l1);
    if (rc == 0)
        rc = decide_text(c, NO_BLK, ctx, 0, hl + 1 + bce, "a section heading and its first sentence");
    free(ctx);
    if (rc < 0 || (rc > 0 && c->out->kind != STANCE_OFFERED))
        return rc < 0 ? -1 : 0;
    /* a section that describes the method and then stops or disclaims it */
    stance first = *c->out;
    int drc = body_disclaims(c, si);
    if (drc < 0)
        return -1;
    if (drc > 0 && (c->out->kind == STANCE_DISCLAIMED || rc == 0))
        return 0;
    if (rc > 0) {
        int dated = c->out->dated; /* the body's dates were read all the same */
        *c->out = first;
        c->out->dated |= dated;
        return 0;
    }
    char pre[120];
    snprintf(pre, sizeof pre, "offered: section %s describes it", c->a->o.secs[si].number);
    say(c->out, STANCE_OFFERED, pre, NULL, 0, 0);
    return 0;
}

/* For a table cell: the cues of the other cells of its row. */
static int classify_row(const sctx *c, size_t bi)
{
    const doc_block *b = &c->a->d.blocks[bi];
    size_t lo = bi, hi = bi + 1;
    while (lo > 0 && c->a->d.blocks[lo - 1].table == b->table &&
           c->a->d.blocks[lo - 1].row == b->row)
        lo--;
    while (hi < c->a->d.nblocks && c->a->d.blocks[hi].table == b->table &&
           c->a->d.blocks[hi].row == b->row)
        hi++;
    for (size_t k = lo; k < hi; k++) {
        if (k == bi)
            continue;
        const text_map *tm = analysis_folded(c->a, k);
        if (!tm || !tm->len)
            continue;
        int rc = decide_text(c, k, tm->s, 0, tm->len, "a table row");
        if (rc)
            return rc;
    }
    return 0;
}

/* For a list item: the paragraph that introduces its list (the nearest
 * earlier paragraph of the same section, across the list's items). */
static int classify_list(const sctx *c, size_t bi)
{
    int si = c->a->o.block_sec[bi];
    size_t k = bi;
    while (k-- > 0) {
        if (c->a->o.block_sec[k] != si || c->a->o.roles[k] == ROLE_HEADING)
            return 0;
        const doc_block *b = &c->a->d.blocks[k];
        if (b->kind == BLOCK_LIST_ITEM)
            continue;
        if (b->kind != BLOCK_PARAGRAPH)
            return 0;
        const text_map *tm = analysis_folded(c->a, k);
        if (!tm || !tm->len)
            return 0;
        size_t *st = NULL;
        size_t nc = text_clauses(tm->s, tm->len, &st);
        size_t ls = nc ? st[nc - 1] : 0;
        free(st);
        return decide_text(c, k, tm->s, ls, tm->len, "a list introduced by");
    }
    return 0;
}

/* A clause that opens with the match as its label ("3.2.2.4.7 DNS Change:
 * ...", "BR 3.2.2.4.19 - ..."): the paragraph describes the method. */
static int opens_with(const text_map *tm, size_t ms)
{
    size_t cs, ce;
    clause_at(tm, ms, &cs, &ce);
    const char *s = tm->s;
    size_t i = cs;
    while (i < ms && (s[i] == ' ' || s[i] == '-' || s[i] == '(' || s[i] == '['))
        i++;
    if (i + 3 <= ms && !memcmp(s + i, "br", 2))
        i += 2;
    while (i < ms && (s[i] == ' ' || s[i] == '#' || s[i] == '.'))
        i++;
    return i == ms;
}

/* 1 if s[0..n) holds a method number (3.2.2.4.N, 3.2.2.5.N, 3.2.2.4(N)). */
static int has_method_number(const char *s, size_t n)
{
    for (size_t i = 0; i + 7 < n; i++) {
        if (memcmp(s + i, "3.2.2.", 6) || (s[i + 6] != '4' && s[i + 6] != '5'))
            continue;
        if (i > 0 && (s[i - 1] == '.' || (s[i - 1] >= '0' && s[i - 1] <= '9')))
            continue;
        size_t k = i + 7;
        while (k < n && s[k] == ' ')
            k++;
        if (k < n && (s[k] == '.' || s[k] == '(')) {
            k++;
            while (k < n && s[k] == ' ')
                k++;
            if (k < n && s[k] >= '0' && s[k] <= '9')
                return 1;
        }
    }
    return 0;
}

/* A method named in words where a number names the method (in the same
 * block, or as the number of its section): the number decides. */
static int number_decides(analysis *a, size_t bi, const text_map *tm, size_t ms, size_t me)
{
    if (has_method_number(tm->s + ms, me - ms))
        return 0; /* the match is the number itself */
    if (has_method_number(tm->s, tm->len))
        return 1;
    int si = a->o.block_sec[bi];
    if (si < 0)
        return 0;
    const char *num = a->o.secs[si].number;
    return has_method_number(num, strlen(num));
}

int stance_classify(analysis *a, const stance_cues *cues, cps_date as_of, size_t bi,
                    size_t ms, size_t me, stance *out)
{
    sctx c = {a, cues, as_of, out};
    memset(out, 0, sizeof *out);
    const text_map *tm = analysis_folded(a, bi);
    if (!tm || ms > tm->len)
        return 0;
    if (a->o.roles[bi] == ROLE_REVISION) {
        say(out, STANCE_MENTIONED, "mentioned in the revision history", NULL, 0, 0);
        return 0;
    }
    int si = a->o.block_sec[bi];
    if (si >= 0 && !strncmp(a->o.secs[si].number, "1.6", 3)) {
        say(out, STANCE_MENTIONED, "mentioned in the definitions", NULL, 0, 0);
        return 0;
    }
    if (number_decides(a, bi, tm, ms, me)) {
        say(out, STANCE_MENTIONED, "named in words where a method number decides", NULL, 0, 0);
        return 0;
    }
    if (a->o.roles[bi] == ROLE_HEADING)
        return classify_heading(&c, bi, tm);
    int rc = local_after(&c, bi, tm, ms, me);
    if (rc == 0)
        rc = decide_clause(&c, bi, tm, ms, "its sentence");
    const doc_block *b = &a->d.blocks[bi];
    if (rc == 0 && b->table)
        rc = classify_row(&c, bi);
    if (rc == 0 && b->kind == BLOCK_LIST_ITEM)
        rc = classify_list(&c, bi);
    if (rc == 0 && b->kind != BLOCK_TABLE_CELL && has_method_number(tm->s + ms, me - ms) &&
        opens_with(tm, ms)) {
        say(out, STANCE_OFFERED, "offered: a paragraph opens with it as its label", NULL, 0, 0);
        rc = 1;
    }
    if (rc == 0) {
        say(out, STANCE_UNCLEAR, b->table ? "a table cell that does not say whether it is used"
                                          : "a sentence that does not say whether it is used",
            NULL, 0, 0);
    }
    return rc < 0 ? -1 : 0;
}

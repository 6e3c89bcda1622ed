/* check.c — the driver of the check engine: rule dates and statuses, and
 * check_run. The kind table is check_kinds.c; the kinds live in check_*.c
 * (check_internal.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

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
    for (size_t i = 0; i < r->nf; i++)
        chk_finding_free(&r->f[i]);
    free(r->f);
    for (size_t i = 0; i < r->nitems; i++) {
        free(r->items[i].note);
        chk_evidence_free(r->items[i].evidence, r->items[i].nevidence);
    }
    free(r->items);
    memset(r, 0, sizeof *r);
}

/* ---- driver ------------------------------------------------------------ */

/* check_eval_rule, with the prefilter of in->doc's blocks (or NULL); a
 * pass's evidence goes to it (when given). */
static check_status eval_rule(const rule *r, const check_input *in, matcher *m,
                              const pf_hits *hits, check_result *out, char **note,
                              check_item *it)
{
    evalctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.m = m;
    if (m)
        matcher_budget_start(m, 0); /* one work budget per rule and document (match.h) */
    c.spec = in->spec;
    c.as_of = in->as_of;
    c.hits = hits;
    c.hits_doc = hits ? in->doc : NULL;
    size_t before = out->nf;
    check_status st = chk_kind_of(r)->eval(&c, in, out, note);
    free(c.scope.in);
    if (it)
        it->dated = c.dated;
    if (it && st == ST_PASS && !c.failed && out->nf == before) {
        it->evidence = c.ev;
        it->nevidence = c.nev;
    } else {
        chk_evidence_free(c.ev, c.nev);
    }
    if (st == ST_NA) {
        while (out->nf > before)
            chk_finding_free(&out->f[--out->nf]);
        return ST_NA;
    }
    if (c.failed) {
        /* An incomplete search proves nothing: drop partial findings. */
        while (out->nf > before)
            chk_finding_free(&out->f[--out->nf]);
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
    return eval_rule(r, in, m, NULL, out, note, NULL);
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

/* ---- applicability: the rule against the document's profile ------------ */

/* "a TLS server rule" / "a TLS server and S/MIME rule" */
static void scope_words(buf *b, unsigned scopes)
{
    int first = 1;
    for (unsigned bit = 1; bit <= PROFILE_SCOPE_OTHER; bit <<= 1) {
        if (!(scopes & bit))
            continue;
        buf_printf(b, "%s%s", first ? "" : " and ", profile_scope_label(bit));
        first = 0;
    }
}

/* The first clause in r's scope where a CP hands the duty to its CPS, as a
 * quote (malloc'd), or NULL. Doc-wide rules have no place to look. */
static char *delegation_in_scope(const rule *r, analysis *a, char sec[OUTLINE_NUM_MAX])
{
    if (chk_first_scope_section(r, a) < 0)
        return NULL;
    scope_memo memo = {NULL, NULL, NULL};
    char *quote = NULL;
    for (size_t bi = 0; bi < a->d.nblocks && !quote; bi++) {
        if (!chk_block_in_scope(&memo, r, a, bi))
            continue;
        const text_map *tm = analysis_folded(a, bi);
        size_t cs, ce, ss, se;
        if (!tm || !profile_delegates(tm->s, tm->len, &cs, &ce))
            continue;
        const doc_block *b = &a->d.blocks[bi];
        text_map_span(tm, cs, ce, &ss, &se);
        if (se > b->len)
            se = b->len;
        if (ss > se)
            ss = se;
        quote = text_snippet(b->text + ss, se - ss, 0, 0, 200, NULL, NULL);
        int si = a->o.block_sec[bi];
        snprintf(sec, OUTLINE_NUM_MAX, "%s", si >= 0 ? a->o.secs[si].number : "");
    }
    free(memo.in);
    return quote;
}

/* NULL when r applies to a document of in->profile, else why not (the
 * item's n/a note, malloc'd). */
static char *profile_na(const rule *r, const check_input *in)
{
    const doc_profile *p = in->profile;
    if (!p || (r->kind == KIND_PROFILE && r->check == CHECK_NOT_A_POLICY))
        return NULL; /* the rule that says what the profile rules out */
    buf b = BUF_INIT;
    if (p->kind == PROFILE_KIND_NOT_POLICY) {
        buf_printf(&b, "this document is not a CA's CP or CPS%s: no rule for a CA's policy "
                       "applies (give --kind to check it as one)",
                   p->kind_forced ? " (--kind not-a-policy)" : "");
        return buf_detach(&b);
    }
    if (r->cert_scope && p->scopes && !(r->cert_scope & p->scopes)) {
        buf_puts(&b, "a ");
        scope_words(&b, r->cert_scope);
        buf_printf(&b, " rule (%s); this document's scope is ", r->cite);
        scope_words(&b, p->scopes);
        if (p->scopes_forced)
            buf_puts(&b, " (--scope)");
        return buf_detach(&b);
    }
    if (r->addressed_to == RULE_TO_CP && p->kind == PROFILE_KIND_CPS &&
        (p->separate_cp || p->kind_forced)) {
        buf_printf(&b, "a CP duty (%s: the CP or combined CP/CPS); this document is a "
                       "stand-alone CPS: check the CP", r->cite);
        return buf_detach(&b);
    }
    if (p->kind == PROFILE_KIND_CP && r->addressed_to == RULE_TO_CPS) {
        buf_printf(&b, "a CPS duty (%s: the CPS or combined CP/CPS); this document is a "
                       "stand-alone CP: check the CPS", r->cite);
        char sec[OUTLINE_NUM_MAX] = "";
        char *quote = delegation_in_scope(r, in->doc, sec);
        if (quote)
            buf_printf(&b, "; the CP says so%s%s: \"%s\"", sec[0] ? " in " : "", sec, quote);
        free(quote);
        return buf_detach(&b);
    }
    buf_free(&b);
    return NULL;
}

/* A statement a require rule looks for and does not find in a CP is
 * n/a when the CP says in words, in the rule's scope, that its CPS carries
 * it: the note quoting that, else NULL. What the CP itself says (forbid,
 * limit) is judged whatever it delegates. */
static char *delegated_na(const rule *r, const check_input *in)
{
    const doc_profile *p = in->profile;
    if (!p || p->kind != PROFILE_KIND_CP || r->kind != KIND_REQUIRE)
        return NULL;
    char sec[OUTLINE_NUM_MAX] = "";
    char *quote = delegation_in_scope(r, in->doc, sec);
    if (!quote)
        return NULL;
    buf b = BUF_INIT;
    buf_printf(&b, "this CP hands the duty to its CPS%s%s: \"%s\": check the CPS",
               sec[0] ? " in " : "", sec, quote);
    free(quote);
    return buf_detach(&b);
}

/* effective.SECTION: drop the findings (appended from index before) in
 * sections the rule does not cover yet on as_of, and say so in *note.
 * Returns the status that is left. */
static check_status drop_later_sections(const rule *r, cps_date as_of, check_result *out,
                                        size_t before, check_status st, char **note)
{
    size_t w = before, dropped = 0;
    const section_date *last = NULL;
    for (size_t k = before; k < out->nf; k++) {
        const section_date *sd = NULL;
        for (size_t i = 0; i < r->nsec_from && !sd; i++)
            if (out->f[k].section[0] && as_of < r->sec_from[i].from &&
                outline_number_within(out->f[k].section, r->sec_from[i].number))
                sd = &r->sec_from[i];
        if (sd) {
            chk_finding_free(&out->f[k]);
            dropped++;
            last = sd;
            continue;
        }
        out->f[w++] = out->f[k];
    }
    out->nf = w;
    if (!dropped)
        return st;
    char d[11];
    date_format(last->from, d);
    buf nb = BUF_INIT;
    if (*note)
        buf_printf(&nb, "%s; ", *note);
    buf_printf(&nb, "%zu finding%s in %s set aside: the rule covers it from %s", dropped,
               dropped == 1 ? "" : "s", last->number, d);
    free(*note);
    *note = buf_detach(&nb);
    return w == before ? ST_PASS : st;
}

/* One rule as of in->as_of, with its dates: fills *it and appends findings. */
void chk_eval_item(const rule *r, const check_input *in, matcher *m, const pf_hits *hits,
                   check_result *out, check_item *it)
{
    it->rule = r;
    it->severity = r->severity;
    it->note = profile_na(r, in);
    if (it->note) {
        it->status = ST_NA;
        return;
    }
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
        if (r->adopted != DATE_NONE && as_of < r->adopted) {
            /* nothing is upcoming before the ballot or policy that makes it */
            it->status = ST_NOT_EFFECTIVE;
            it->note = datenote("not adopted yet (adopted ", r->adopted, "; as of ", as_of, ")");
            return;
        }
        upcoming = 1;
    }
    if (doc_date == DATE_NONE && r->doc_from != DATE_NONE) {
        /* an undated document gets one date window, the older one: a rule for
         * documents dated from doc_from needs the date to apply */
        it->status = ST_NA;
        it->note = datenote("applies to documents dated from ", r->doc_from,
                            "; this one states no date (judged by the rule for documents dated before ",
                            r->doc_from, ")");
        return;
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
    check_status st = eval_rule(r, &in2, m, hits, out, &note, it);
    it->note = note;
    char *deleg = (st == ST_FAIL || st == ST_UPCOMING) ? delegated_na(r, in) : NULL;
    if (deleg) {
        while (out->nf > before)
            chk_finding_free(&out->f[--out->nf]);
        free(it->note);
        it->note = deleg;
        it->status = ST_NA;
        return;
    }
    if (r->nsec_from && (st == ST_FAIL || st == ST_UPCOMING))
        st = drop_later_sections(r, in2.as_of, out, before, st, &it->note);
    if (upcoming) {
        if (st == ST_FAIL || st == ST_UPCOMING) {
            st = ST_UPCOMING;
            for (size_t k = before; k < out->nf; k++) {
                out->f[k].status = ST_UPCOMING;
                if (out->f[k].severity > SEV_WARNING)
                    out->f[k].severity = SEV_WARNING; /* never raises a notice */
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
        it->severity = r->severity < SEV_WARNING ? r->severity : SEV_WARNING;
    it->status = st;
    if (st != ST_PASS) { /* evidence is what a pass rests on */
        chk_evidence_free(it->evidence, it->nevidence);
        it->evidence = NULL;
        it->nevidence = 0;
    }
    if (out->nf - before > CHECK_MAX_FINDINGS) {
        /* a report a person or GitHub can take: the first ones, and a count */
        size_t extra = out->nf - before - CHECK_MAX_FINDINGS;
        for (size_t k = before + CHECK_MAX_FINDINGS; k < out->nf; k++)
            chk_finding_free(&out->f[k]);
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

/* One Aho-Corasick pass over the document's matching text tells which
 * (pattern, block) pairs can match at all (prefilter.h). Returns hits, or
 * NULL when the ruleset has no prefilter (every pair is tried). */
static const pf_hits *prefilter_doc(const ruleset *rs, analysis *a, pf_hits *hits)
{
    memset(hits, 0, sizeof *hits);
    if (!rs->pf.pf || !a->d.nblocks)
        return NULL;
    const char **texts = xmalloc(a->d.nblocks * sizeof *texts);
    size_t *lens = xmalloc(a->d.nblocks * sizeof *lens);
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        const text_map *tm = analysis_folded(a, bi);
        texts[bi] = tm ? tm->s : NULL;
        lens[bi] = tm ? tm->len : 0;
    }
    prefilter_scan(rs->pf.pf, texts, lens, a->d.nblocks, hits);
    free(texts);
    free(lens);
    return hits;
}

/* 1 when a date of r lies in (a, b]: as of a and as of b, r's dates may
 * decide differently (each date x is where "as_of < x" turns false; an
 * upcoming window opens CHECK_UPCOMING_DAYS before the date it leads to). */
static int rule_dates_between(const rule *r, cps_date a, cps_date b)
{
#define BETWEEN(x) ((x) != DATE_NONE && ((a < (x) && (x) <= b) || \
                    (a < (x) - CHECK_UPCOMING_DAYS && (x) - CHECK_UPCOMING_DAYS <= b)))
    if (BETWEEN(r->effective) || BETWEEN(r->adopted) || BETWEEN(r->until) ||
        BETWEEN(r->strict_from))
        return 1;
    for (size_t k = 0; k < r->nsec_from; k++)
        if (BETWEEN(r->sec_from[k].from))
            return 1;
    for (size_t k = 0; k < r->nsteps; k++)
        if (BETWEEN(r->steps[k].from) || BETWEEN(r->steps[k].adopted))
            return 1;
    for (size_t k = 0; k < r->nversions; k++)
        if (BETWEEN(r->versions[k].from))
            return 1;
    return 0;
#undef BETWEEN
}

void check_statuses_at(const ruleset *rs, const check_input *in, matcher *m,
                       const check_result *prev, check_status *status)
{
    cps_date a = prev->as_of < in->as_of ? prev->as_of : in->as_of;
    cps_date b = prev->as_of < in->as_of ? in->as_of : prev->as_of;
    pf_hits hits;
    const pf_hits *hp = NULL;
    int scanned = 0;
    check_result scratch;
    memset(&scratch, 0, sizeof scratch);
    for (size_t i = 0; i < prev->nitems; i++) {
        const check_item *it = &prev->items[i];
        status[i] = it->status;
        if (a == b || (!it->dated && !rule_dates_between(it->rule, a, b)))
            continue;
        if (!scanned) {
            hp = prefilter_doc(rs, in->doc, &hits);
            scanned = 1;
        }
        check_item again;
        memset(&again, 0, sizeof again);
        chk_eval_item(it->rule, in, m, hp, &scratch, &again);
        status[i] = again.status;
        free(again.note);
        chk_evidence_free(again.evidence, again.nevidence);
        while (scratch.nf)
            chk_finding_free(&scratch.f[--scratch.nf]);
    }
    free(scratch.f);
    if (scanned)
        pf_hits_free(&hits);
}

int check_run(const ruleset *rs, const check_input *in, matcher *m, check_result *out,
              cps_err *e)
{
    (void)e;
    memset(out, 0, sizeof *out);
    out->as_of = in->as_of;
    out->profile = in->profile;
    out->items = xcalloc(rs->n ? rs->n : 1, sizeof *out->items);
    pf_hits hits;
    const pf_hits *hp = prefilter_doc(rs, in->doc, &hits);
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        if (!r->enabled)
            continue;
        chk_eval_item(r, in, m, hp, out, &out->items[out->nitems++]);
    }
    pf_hits_free(&hits);
    chk_suppress(rs, in, out);
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


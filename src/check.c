/* check.c — the driver of the check engine: rule dates and statuses, the
 * kind table, and check_run. The kinds live in check_*.c
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

int check_worst_severity(const check_result *r)
{
    int worst = 0;
    for (size_t i = 0; i < r->nf; i++)
        if ((int)r->f[i].severity > worst)
            worst = (int)r->f[i].severity;
    return worst;
}

/* ---- the kinds --------------------------------------------------------- */

/* One row per rule kind (ruleset.h): how it is evaluated and how its
 * examples become a document. */
static const chk_kind kinds[] = {
    [KIND_FORBID] = {chk_eval_forbid, chk_example_sections},
    [KIND_REQUIRE] = {chk_eval_require, chk_example_sections},
    [KIND_LIMIT] = {chk_eval_limit, chk_example_sections},
    [KIND_STRUCTURE] = {chk_eval_structure, chk_example_outline},
    [KIND_LANGUAGE] = {chk_eval_language, chk_example_language},
    [KIND_META] = {chk_eval_meta, chk_example_front},
    [KIND_TITLE] = {chk_eval_title, chk_example_front},
    [KIND_HEADINGS] = {chk_eval_headings, chk_example_front},
    [KIND_MANUAL] = {chk_eval_manual, NULL},
    [KIND_TRANSLATION] = {chk_eval_translation, NULL}, /* translation_example_pair */
    [KIND_VERSION] = {chk_eval_version, chk_example_sections},
};

const chk_kind *chk_kind_of(const rule *r)
{
    return &kinds[r->kind];
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
    c.spec = in->spec;
    c.hits = hits;
    c.hits_doc = hits ? in->doc : NULL;
    size_t before = out->nf;
    check_status st = chk_kind_of(r)->eval(&c, in, out, note);
    free(c.scope.in);
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

/* One rule as of in->as_of, with its dates: fills *it and appends findings. */
void chk_eval_item(const rule *r, const check_input *in, matcher *m, const pf_hits *hits,
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
    check_status st = eval_rule(r, &in2, m, hits, out, &note, it);
    it->note = note;
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
        chk_eval_item(r, in, m, hp, out, &out->items[out->nitems++]);
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


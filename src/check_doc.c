/* check_doc.c — the document-level kinds: structure (RFC 3647 sections),
 * language (an authoritative English version), meta (version, revision
 * history, dates), title, headings, and translation (translation.h). */
#include "translation.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"

CHK_KIND_DECLARE(structure);
CHK_KIND_DECLARE(language);
CHK_KIND_DECLARE(meta);
CHK_KIND_DECLARE(title);
CHK_KIND_DECLARE(headings);
CHK_KIND_DECLARE(manual);
CHK_KIND_DECLARE(translation);
CHK_KIND_DECLARE(profile);

/* ---- structure --------------------------------------------------------- */

/* An outline cpslint mostly could not read: fewer than 30% of the RFC 3647
 * sections in scope recognised, and fewer than half of the chapters and
 * their sections (a short document that has its chapters is readable; its
 * subsections are missing). Then one finding says so and why (a notice:
 * the reading failed, not necessarily the document), instead of one per
 * section. Returns 1 when it reported. */
static int unreadable_outline(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    size_t expected = 0, present = 0, top = 0, top_present = 0;
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        if (s->spec < 0 || s->status == SEC_DUPLICATE || !chk_section_in_scope(r, s->number))
            continue;
        int here = s->status != SEC_MISSING;
        expected++;
        present += here;
        if (s->level <= 2) {
            top++;
            top_present += here;
        }
    }
    if (expected < 20 || present * 10 >= expected * 3 || top_present * 2 >= top)
        return 0;
    buf m = BUF_INIT;
    buf_printf(&m, "the RFC 3647 outline could not be read: %zu of %zu sections recognised (",
               present, expected);
    if (present + a->o.extra == 0)
        buf_printf(&m, "no numbered heading, and no heading whose title and place match an "
                       "RFC 3647 section");
    else if (a->o.extra > present)
        buf_printf(&m, "%zu numbered headings are not RFC 3647 numbers: the document may follow "
                       "another outline", a->o.extra);
    else
        buf_printf(&m, "most headings carry no number cpslint recognises");
    buf_printf(&m, "); check the structure by hand rather than %zu missing sections",
               expected - present);
    finding *f = chk_add_finding(out, r);
    f->severity = SEV_NOTICE;
    free(f->message);
    f->message = buf_detach(&m);
    return 1;
}

static void eval_structure(evalctx *c, analysis *a, check_result *out)
{
    const rule *r = c->r;
    if (r->check == CHECK_MISSING_SECTIONS && unreadable_outline(c, a, out))
        return;
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        if (s->spec < 0 || !chk_section_in_scope(r, s->number))
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
        finding *f = chk_add_finding(out, r);
        chk_finding_at_section(f, a, (int)i);
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
        int rc = chk_any_in(c, CHK_NO_BLOCK, &c->r->link, tm.s, tm.len, NULL, NULL);
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
        int rc = chk_any_in(c, chk_pf_block(c, a, bi), &c->r->match, tm->s, tm->len, &ms, &me);
        if (rc < 0)
            return;
        if (rc == 0)
            continue;
        finding *f = chk_add_finding(out, c->r);
        f->translation = translation;
        chk_finding_at_section(f, a, a->o.block_sec[bi]);
        chk_finding_snippet(f, a, bi, ms, me);
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
        finding *f = chk_add_finding(out, r);
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
                chk_finding_at_section(f, a, a->o.block_sec[bi]);
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


/* ---- meta -------------------------------------------------------------- */

static void meta_finding(check_result *out, const rule *r, analysis *a, const char *msg)
{
    finding *f = chk_add_finding(out, r);
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
        } else {
            c->dated = 1; /* its age depends on the as-of date */
            if (as_of != DATE_NONE && as_of - newest > r->max_age) {
                char d1[11], d2[11];
                date_format(newest, d1);
                date_format(as_of, d2);
                buf_printf(&m, "the newest dated entry (%s) is %ld days old on %s: more than %d days",
                           d1, (long)(as_of - newest), d2, r->max_age);
            }
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
                int rc = chk_any_in(c, chk_pf_block(c, a, bi), &r->match, tm->s, tm->len, NULL, NULL);
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
    int rc = chk_any_in(c, CHK_NO_BLOCK, ps, tm.s, tm.len, NULL, NULL);
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
    finding *f = chk_add_finding(out, r);
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
        size_t blk = chk_pf_block(c, a, bi);
        int rc = chk_any_in(c, blk, &r->match, tm->s, tm->len, &ms, &me);
        if (rc == 1 && r->unless.n)
            rc = chk_any_in(c, blk, &r->unless, tm->s, tm->len, NULL, NULL) == 1 ? 0 : rc;
        if (rc < 0)
            return;
        if (rc == 0)
            continue;
        finding *f = chk_add_finding(out, r);
        chk_finding_at_section(f, a, a->o.block_sec[bi]);
        chk_finding_snippet(f, a, bi, ms, me);
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
        finding *f = chk_add_finding(out, c->r);
        f->translation = x->english && in->translation;
        chk_finding_at_section(f, a, x->sec);
        if (x->block != TRANSLATION_NO_BLOCK)
            chk_finding_snippet(f, a, x->block, x->ms, x->me);
        else if (x->line > 0)
            f->line = x->line;
        free(f->message);
        f->message = xstrdup(x->message);
    }
    translation_issues_free(&t);
    return rc == 1;
}


/* ---- the kinds' entry points (check_internal.h) ------------------------- */

check_status chk_eval_structure(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    eval_structure(c, in->doc, out);
    return ST_PASS;
}

check_status chk_eval_language(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    eval_language(c, in, in->as_of, out);
    return ST_PASS;
}

check_status chk_eval_meta(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    eval_meta(c, in->doc, out, in->as_of);
    return ST_PASS;
}

check_status chk_eval_title(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    eval_title(c, in->doc, out);
    return ST_PASS;
}

check_status chk_eval_headings(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    eval_headings(c, in->doc, out);
    return ST_PASS;
}

/* Text cannot decide: always n/a, the message says what to check. */
check_status chk_eval_manual(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)in;
    (void)out;
    if (note)
        *note = xstrdup(c->r->message);
    return ST_NA;
}

check_status chk_eval_translation(evalctx *c, const check_input *in, check_result *out,
                                  char **note)
{
    if (!eval_translation(c, in, out))
        return ST_PASS;
    if (note)
        *note = xstrdup(translation_na_note(c->r->check, in->doc, in->translation));
    return ST_NA;
}

/* ---- profile ----------------------------------------------------------- */

/* check = not-a-policy: one notice when the document is not a CA's CP or
 * CPS; check = cp-alone: one when it is a Certificate Policy alone (its
 * CPS is another document). The finding quotes the evidence that decided
 * the kind. Without a profile from the caller (rule examples), the
 * document's own is detected here. */
check_status chk_eval_profile(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    doc_profile own;
    const doc_profile *p = in->profile;
    if (!p) {
        profile_detect(in->doc, &own);
        p = &own;
    }
    int cp = c->r->check == CHECK_CP_ALONE;
    profile_kind kind = cp ? PROFILE_KIND_CP : PROFILE_KIND_NOT_POLICY;
    profile_for supports = cp ? PROFILE_FOR_CP : PROFILE_FOR_NOT_POLICY;
    if (p->kind == kind) {
        finding *f = chk_add_finding(out, c->r);
        const profile_evidence *why = NULL;
        for (size_t i = 0; i < p->nev && !why; i++)
            if (p->ev[i].supports == supports)
                why = &p->ev[i];
        buf m = BUF_INIT;
        buf_puts(&m, c->r->message);
        if (p->kind_forced)
            buf_printf(&m, " (--kind %s)", profile_kind_name(kind));
        else if (why)
            buf_printf(&m, " (%s%s%s)", why->what, why->section[0] ? " in " : "", why->section);
        free(f->message);
        f->message = buf_detach(&m);
        if (why && why->quote)
            f->snippet = xstrdup(why->quote);
        if (why) {
            snprintf(f->section, sizeof f->section, "%s", why->section);
            f->line = why->line;
        }
    }
    if (p == &own)
        profile_free(&own);
    return ST_PASS;
}

/* ---- validation of the document-level kinds ------------------------------ */

int chk_validate_structure(rule *r, char *msg, size_t size)
{
    if (r->check != CHECK_MISSING_SECTIONS && r->check != CHECK_BLANK_SECTIONS &&
        r->check != CHECK_SECTION_ORDER && r->check != CHECK_DUPLICATE_SECTIONS &&
        r->check != CHECK_HEADING_TITLES)
        return chk_invalid(msg, size, "a structure rule needs 'check = missing', 'blank', 'order', "
                                      "'duplicate' or 'title'");
    if (r->match.n || r->also.n || r->unless.n || r->link.n)
        return chk_invalid(msg, size, "a structure rule takes no patterns");
    return 0;
}

int chk_validate_language(rule *r, char *msg, size_t size)
{
    if (r->check != CHECK_ENGLISH_VERSION)
        return chk_invalid(msg, size, "a language rule needs 'check = english-version'");
    if (r->also.n || r->unless.n)
        return chk_invalid(msg, size, "a language rule takes only 'match' (disclaimers) and 'link'");
    return 0;
}

int chk_validate_meta(rule *r, char *msg, size_t size)
{
    if (r->check != CHECK_CHANGELOG && r->check != CHECK_ANNUAL_UPDATE &&
        r->check != CHECK_EFFECTIVE_DATE)
        return chk_invalid(msg, size, "a meta rule needs 'check = changelog', 'annual-update' or "
                                      "'effective-date'");
    if (r->check == CHECK_ANNUAL_UPDATE && !r->max_age)
        return chk_invalid(msg, size, "'check = annual-update' needs 'max-age' (days)");
    if (r->also.n || r->unless.n || r->link.n)
        return chk_invalid(msg, size, "a meta rule takes only 'match' patterns");
    return 0;
}

/* title, headings: a match in the front matter or a heading. */
static int validate_front(const rule *r, const char *kind, char *msg, size_t size)
{
    if (r->also.n || r->link.n || r->check)
        return chk_invalid(msg, size, "a %s rule takes only 'match' and 'unless'", kind);
    return 0;
}

int chk_validate_title(rule *r, char *msg, size_t size)
{
    return validate_front(r, "title", msg, size);
}

int chk_validate_headings(rule *r, char *msg, size_t size)
{
    return validate_front(r, "headings", msg, size);
}

int chk_validate_manual(rule *r, char *msg, size_t size)
{
    if (r->match.n || r->also.n || r->unless.n || r->link.n || r->check)
        return chk_invalid(msg, size, "a manual rule takes no patterns");
    if (r->nexamples)
        return chk_invalid(msg, size, "a manual rule has no examples: text cannot decide it");
    return 0;
}

int chk_validate_translation(rule *r, char *msg, size_t size)
{
    if (r->check < CHECK_TRANSLATION_VERSION)
        return chk_invalid(msg, size, "a translation rule needs 'check = version', 'date', "
                                      "'sections', 'length' or 'authoritative'");
    if (r->also.n || r->unless.n || r->link.n || r->nscope)
        return chk_invalid(msg, size, "a translation rule takes no scope and only 'match' patterns");
    if (r->check == CHECK_TRANSLATION_AUTHORITATIVE ? !r->match.n : r->match.n > 0)
        return chk_invalid(msg, size, "'match' (the disclaimers) is for, and required by, "
                                      "'check = authoritative'");
    return 0;
}

int chk_validate_profile(rule *r, char *msg, size_t size)
{
    if (r->check != CHECK_NOT_A_POLICY && r->check != CHECK_CP_ALONE)
        return chk_invalid(msg, size, "a profile rule needs 'check = not-a-policy' or 'cp-alone'");
    if (r->match.n || r->also.n || r->unless.n || r->link.n || r->nscope)
        return chk_invalid(msg, size, "a profile rule takes no patterns and no scope");
    return 0;
}

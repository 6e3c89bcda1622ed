/* check_example.c — a rule's examples as small synthetic documents, run
 * through the engine with the rule's dates (cpslint rules --test). */
#include "translation.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "input_formats.h"

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

/* The whole RFC 3647 outline, edited by the example's directives. */
void chk_example_outline(const rule *r, const rule_example *x, const outline_spec *spec, buf *b)
{
    (void)r;
    const char *lang = x->lang;
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
}

/* The example as front matter (title page, revision table) or, for
 * headings, a fragment of headings; a title is the first heading. */
void chk_example_front(const rule *r, const rule_example *x, const outline_spec *spec, buf *b)
{
    const char *lang = x->lang;
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
}

/* Sections 1 and 1.1, the example as the text of 1.1. */
void chk_example_language(const rule *r, const rule_example *x, const outline_spec *spec, buf *b)
{
    (void)r;
    const char *t1 = entry_title(spec, "1", x->lang), *t11 = entry_title(spec, "1.1", x->lang);
    heading(b, "1", t1 ? t1 : "Introduction");
    heading(b, "1.1", t11 ? t11 : "Overview");
    example_body(b, x->text);
}

/* The example section and its ancestors, the example as its text. */
void chk_example_sections(const rule *r, const rule_example *x, const outline_spec *spec, buf *b)
{
    const char *lang = x->lang;
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

static void build_example_doc(const rule *r, const rule_example *x, const outline_spec *spec,
                              buf *b)
{
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                  "<title>Example</title></head><body>\n", x->lang);
    static const chk_example_fn builders[] = {
        [CHK_EX_NONE] = NULL,
        [CHK_EX_SECTIONS] = chk_example_sections,
        [CHK_EX_OUTLINE] = chk_example_outline,
        [CHK_EX_FRONT] = chk_example_front,
        [CHK_EX_LANGUAGE] = chk_example_language,
    };
    chk_example_fn build = builders[chk_kind_of(r)->example];
    if (build)
        build(r, x, spec, b);
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
    opts.force = input_format_find("html");
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
    /* An example stands for a document the rule covers: dated, when the
     * rule is for documents dated from a date (an undated one gets the
     * older window) */
    if (a.meta.date == DATE_NONE && r->doc_from != DATE_NONE)
        a.meta.date = as_of > r->doc_from ? as_of : r->doc_from;
    check_input in = {&a, r->kind == KIND_TRANSLATION ? &en : NULL, as_of, spec, NULL};
    check_result res;
    memset(&res, 0, sizeof res);
    check_item it;
    memset(&it, 0, sizeof it);
    chk_eval_item(r, &in, m, NULL, &res, &it);
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
    chk_evidence_free(it.evidence, it.nevidence);
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


/* ruleset_keys.c — one `key = value` of a rule block applied to its rule:
 * every value parser of the rules format (docs/rules-format.md) and the
 * `let` macros. Which kind takes which key is the kind table's (check.h),
 * judged once the block is complete (ruleset_load.c). */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "profile.h"
#include "ruleset_internal.h"
#include "subject.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- section numbers --------------------------------------------------- */

static int valid_number_syntax(const char *s)
{
    if (!isdigit((unsigned char)*s))
        return 0;
    for (const char *p = s; *p; p++) {
        if (*p == '.') {
            if (!isdigit((unsigned char)p[1]))
                return 0;
        } else if (!isdigit((unsigned char)*p)) {
            return 0;
        }
    }
    return strlen(s) < OUTLINE_NUM_MAX;
}

static int spec_has(const outline_spec *spec, const char *number)
{
    for (size_t i = 0; i < spec->n; i++)
        if (strcmp(spec->e[i].number, number) == 0)
            return 1;
    return 0;
}

/* A scope is an RFC 3647 number, or a deeper number (the BR's 3.2.2.4.x)
 * whose RFC 3647 ancestor exists. RFC 3647 has three levels. */
static const char *check_section(const outline_spec *spec, const char *number)
{
    if (!valid_number_syntax(number))
        return "is not a section number";
    if (!spec)
        return NULL;
    if (spec_has(spec, number))
        return NULL;
    if (outline_number_level(number) <= 3)
        return "is not an RFC 3647 section";
    char anc[OUTLINE_NUM_MAX];
    snprintf(anc, sizeof anc, "%s", number);
    int dots = 0;
    for (char *p = anc; *p; p++)
        if (*p == '.' && ++dots == 3) {
            *p = '\0';
            break;
        }
    return spec_has(spec, anc) ? NULL : "has no RFC 3647 ancestor";
}

/* ---- errors and key classes --------------------------------------------- */

int rs_perr(rs_parser *p, long line, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (p->cur && p->cur->id)
        return cps_err_set(p->e, CPS_E_RULES, p->file, line, "rule %s: %s", p->cur->id, msg);
    return cps_err_set(p->e, CPS_E_RULES, p->file, line, "%s", msg);
}

static int is_pattern_key(const char *base)
{
    return !strcmp(base, "match") || !strcmp(base, "also") ||
           !strcmp(base, "unless") || !strcmp(base, "link") || !strcmp(base, "near") ||
           !strcmp(base, "offer") || !strcmp(base, "mention") || !strcmp(base, "local");
}

/* Keys whose values may carry a trailing " # comment". */
static int is_simple_key(const char *key)
{
    if (!strncmp(key, "effective.", 10))
        return 1;
    static const char *const simple[] = {
        "severity", "kind", "check", "effective", "adopted", "until", "doc-dated-from",
        "doc-dated-until", "authoritative-from", "scope", "exclude",
        "example-section", "enabled", "max-age", "span", "headings", "subject", "also-wins",
        "addressed-to", "cert-scope", "scope-strict", "also-in", NULL};
    for (size_t i = 0; simple[i]; i++)
        if (!strcmp(key, simple[i]))
            return 1;
    return 0;
}

/* Pattern keys (match, match.fr, ...) and macros continue without a space. */
unsigned rs_key_flags(void *ctx, const char *key)
{
    (void)ctx;
    char base[INI_KEY_MAX];
    snprintf(base, sizeof base, "%s", key);
    char *dot = strchr(base, '.');
    if (dot)
        *dot = '\0';
    /* link.LANG joins with a space, as it always has */
    if (!strncmp(key, "let ", 4) || (is_pattern_key(base) && (!dot || strcmp(base, "link"))))
        return INI_TIGHT;
    return is_simple_key(key) ? INI_COMMENT : 0;
}

/* A pattern (or macro) may not expand beyond this: doubling `let` lines
 * would otherwise ask for gigabytes from a 30-line rules file. */
#define RULESET_MAX_PATTERN (64 * 1024)

static int expand_macros(rs_parser *p, long line, const char *in, buf *out)
{
    buf_truncate(out, 0);
    buf_puts(out, "");
    for (const char *s = in; *s;) {
        if (s[0] == '$' && s[1] == '{') {
            const char *end = strchr(s + 2, '}');
            if (!end)
                return rs_perr(p, line, "unterminated ${ in pattern");
            size_t k = (size_t)(end - (s + 2));
            size_t i;
            for (i = 0; i < p->nmacros; i++)
                if (strlen(p->macros[i].name) == k && !strncmp(p->macros[i].name, s + 2, k))
                    break;
            if (i == p->nmacros)
                return rs_perr(p, line, "unknown macro ${%.*s}", (int)k, s + 2);
            buf_puts(out, p->macros[i].value);
            s = end + 1;
        } else {
            buf_putc(out, *s++);
        }
        if (out->len > RULESET_MAX_PATTERN)
            return rs_perr(p, line, "pattern longer than %d bytes after ${...} expansion",
                        RULESET_MAX_PATTERN);
    }
    return 0;
}

/* Accented Latin letters and typographic apostrophes never occur in the
 * matching text (text.h folds them), so a pattern holding one can never
 * match: refuse it rather than let the rule silently pass. */
static int unfoldable_char(const char *s, size_t *at)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; u[i]; i++) {
        if (u[i] == 0xC3 && u[i + 1] >= 0x80 && u[i + 1] <= 0xBF && u[i + 1] != 0x97 &&
            u[i + 1] != 0xB7) {
            *at = i;
            return 1;
        }
        if (u[i] == 0xC5 && u[i + 1] >= 0x80 && u[i + 1] <= 0xBF) {
            *at = i;
            return 1;
        }
        if (u[i] == 0xE2 && u[i + 1] == 0x80 &&
            (u[i + 2] == 0x98 || u[i + 2] == 0x99 || u[i + 2] == 0x9C || u[i + 2] == 0x9D)) {
            *at = i;
            return 1;
        }
    }
    return 0;
}

static int parse_date_value(rs_parser *p, long line, const char *key, const char *v, cps_date *out)
{
    if (!*v) {
        *out = DATE_NONE;
        return 0;
    }
    cps_date d = date_parse_iso(v);
    if (d == DATE_NONE)
        return rs_perr(p, line, "%s: bad date '%s' (want YYYY-MM-DD)", key, v);
    *out = d;
    return 0;
}

static int parse_sections(rs_parser *p, long line, const char *key, const char *v,
                          char ***out, size_t *nout, int allow_doc)
{
    char *copy = xstrdup(v);
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t,", &save); tok; tok = strtok_r(NULL, " \t,", &save)) {
        if (allow_doc && !strcmp(tok, "doc")) {
            rs_strv_push(out, nout, tok);
            continue;
        }
        if (!allow_doc && (!strcmp(tok, "toc") || !strcmp(tok, "revision-history")))
            continue; /* always excluded for content rules */
        size_t k = strlen(tok);
        if (k > 0 && tok[k - 1] == '.')
            tok[k - 1] = '\0';
        const char *why = check_section(p->spec, tok);
        if (why) {
            rc = rs_perr(p, line, "%s: section '%s' %s", key, tok, why);
            break;
        }
        rs_strv_push(out, nout, tok);
    }
    free(copy);
    return rc;
}

static int add_pattern(rs_parser *p, long line, rule_patterns *ps, const char *lang,
                       const char *key, const char *value)
{
    if (!*value)
        return rs_perr(p, line, "%s: empty pattern", key);
    buf ex = BUF_INIT;
    int rc = expand_macros(p, line, value, &ex);
    if (rc) {
        buf_free(&ex);
        return rc;
    }
    size_t at;
    if (unfoldable_char(buf_cstr(&ex), &at)) {
        rc = rs_perr(p, line, "%s: pattern has an accented letter or typographic quote at "
                           "offset %zu; patterns match folded text (lower case, no accents, "
                           "' for ’): write it unaccented", key, at);
        buf_free(&ex);
        return rc;
    }
    rule_pattern pat;
    cps_err ce;
    cps_err_clear(&ce);
    if (match_compile(&pat, buf_cstr(&ex), &ce) != 0) {
        rc = rs_perr(p, line, "%s: PCRE2: %s", key, ce.msg);
        buf_free(&ex);
        return rc;
    }
    buf_free(&ex);
    pat.line = line;
    snprintf(pat.lang, sizeof pat.lang, "%s", lang);
    ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof *ps->v);
    ps->v[ps->n++] = pat;
    return 0;
}

/* ---- schedules ---------------------------------------------------------- */

/* One step of a schedule, t trimmed and not empty. */
typedef int (*step_fn)(rs_parser *p, long line, const char *key, char *t, rule *r);

/* v split at ';' into steps, each given to one; "empty schedule" when
 * none was (*count is the rule's number of steps). */
static int parse_steps(rs_parser *p, long line, const char *key, const char *v, rule *r,
                       step_fn one, const size_t *count)
{
    char *copy = xstrdup(v);
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ";", &save); tok && rc == 0; tok = strtok_r(NULL, ";", &save)) {
        char *t = ini_trim(tok);
        if (*t)
            rc = one(p, line, key, t, r);
    }
    free(copy);
    if (rc == 0 && *count == 0)
        rc = rs_perr(p, line, "%s: empty schedule", key);
    return rc;
}

/* "825d from 2018-03-01 adopted 2017-04-22": after the value. */
static int step_dates(rs_parser *p, long line, const char *key, const char *t, char *rest,
                      cps_date *from, cps_date *adopted)
{
    if (strncmp(rest, "from ", 5))
        return rs_perr(p, line, "%s: '%s': expected 'from YYYY-MM-DD' after the value", key, t);
    char *date = ini_trim(rest + 5), *adopt = strstr(date, " adopted ");
    if (adopt) {
        *adopt = '\0';
        *adopted = date_parse_iso(ini_trim(adopt + 9));
        if (*adopted == DATE_NONE)
            return rs_perr(p, line, "%s: '%s': bad adoption date", key, t);
    }
    *from = date_parse_iso(ini_trim(date));
    if (*from == DATE_NONE)
        return rs_perr(p, line, "%s: '%s': bad date", key, t);
    if (*adopted != DATE_NONE && *adopted > *from)
        return rs_perr(p, line, "%s: '%s': adopted after the step's date", key, t);
    return 0;
}

/* "39mo from 2015-04-01" or "30d" */
static int limit_step_parse(rs_parser *p, long line, const char *key, char *t, rule *r)
{
    char *end;
    long val = strtol(t, &end, 10);
    if (end == t || val <= 0 || val > 100000)
        return rs_perr(p, line, "%s: '%s' does not start with a positive number", key, t);
    char unit;
    if (!strncmp(end, "mo", 2)) {
        unit = 'm';
        end += 2;
    } else if (*end == 'd' || *end == 'h' || *end == 'w' || *end == 'y') {
        unit = *end++;
    } else {
        return rs_perr(p, line, "%s: '%s': unit must be h, d, w, mo or y", key, t);
    }
    cps_date from = DATE_NONE, adopted = DATE_NONE;
    char *rest = ini_trim(end);
    int rc = *rest ? step_dates(p, line, key, t, rest, &from, &adopted) : 0;
    if (rc)
        return rc;
    if (r->nsteps > 0 && (from == DATE_NONE || r->steps[r->nsteps - 1].from == DATE_NONE ||
                          from <= r->steps[r->nsteps - 1].from))
        return rs_perr(p, line, "%s: steps must have ascending 'from' dates (only the first may "
                                "have none)", key);
    r->steps = xrealloc(r->steps, (r->nsteps + 1) * sizeof *r->steps);
    r->steps[r->nsteps].from = from;
    r->steps[r->nsteps].value = (int)val;
    r->steps[r->nsteps].unit = unit;
    r->steps[r->nsteps].adopted = adopted;
    r->nsteps++;
    return 0;
}

/* "1.4.9 from 2018-08-12" */
static int version_step_parse(rs_parser *p, long line, const char *key, char *t, rule *r)
{
    version_step st = {DATE_NONE, {0, 0, 0}};
    char *end = t;
    for (int k = 0; k < 3; k++) {
        char *e2;
        long n = strtol(end, &e2, 10);
        if (e2 == end || n < 0 || n > 999)
            return rs_perr(p, line, "%s: '%s' does not start with a version (1.4.9)", key, t);
        st.v[k] = (int)n;
        end = e2;
        if (*end != '.' || k == 2)
            break;
        end++;
    }
    char *rest = ini_trim(end);
    if (strncmp(rest, "from ", 5) || (st.from = date_parse_iso(ini_trim(rest + 5))) == DATE_NONE)
        return rs_perr(p, line, "%s: '%s': expected 'from YYYY-MM-DD' after the version", key, t);
    if (r->nversions > 0 && st.from <= r->versions[r->nversions - 1].from)
        return rs_perr(p, line, "%s: steps must have ascending 'from' dates", key);
    r->versions = xrealloc(r->versions, (r->nversions + 1) * sizeof *r->versions);
    r->versions[r->nversions++] = st;
    return 0;
}

/* ---- tagged keys: patterns, examples, effective.SECTION ------------------ */

static int set_once(rs_parser *p, long line, const char *key)
{
    for (size_t i = 0; i < p->nseen; i++)
        if (!strcmp(p->seen[i], key))
            return rs_perr(p, line, "key '%s' given twice", key);
    if (p->nseen < sizeof p->seen / sizeof p->seen[0])
        snprintf(p->seen[p->nseen++], sizeof p->seen[0], "%s", key);
    return 0;
}

static int valid_lang(const char *s)
{
    return strlen(s) == 2 && islower((unsigned char)s[0]) && islower((unsigned char)s[1]);
}

/* effective.SECTION = DATE */
static int parse_section_date(rs_parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    const char *number = key + 10;
    const char *why = check_section(p->spec, number);
    if (why)
        return rs_perr(p, line, "%s: section '%s' %s", key, number, why);
    if (strlen(number) >= OUTLINE_NUM_MAX)
        return rs_perr(p, line, "%s: section number too long", key);
    for (size_t i = 0; i < r->nsec_from; i++)
        if (!strcmp(r->sec_from[i].number, number))
            return rs_perr(p, line, "key '%s' given twice", key);
    cps_date d = DATE_NONE;
    int rc = parse_date_value(p, line, key, value, &d);
    if (rc)
        return rc;
    if (d == DATE_NONE)
        return rs_perr(p, line, "%s: a date is required", key);
    r->sec_from = xrealloc(r->sec_from, (r->nsec_from + 1) * sizeof *r->sec_from);
    snprintf(r->sec_from[r->nsec_from].number, OUTLINE_NUM_MAX, "%s", number);
    r->sec_from[r->nsec_from++].from = d;
    return 0;
}

static rule_patterns *patterns_of(rule *r, const char *base)
{
    return !strcmp(base, "match")     ? &r->match
           : !strcmp(base, "also")    ? &r->also
           : !strcmp(base, "unless")  ? &r->unless
           : !strcmp(base, "near")    ? &r->near
           : !strcmp(base, "offer")   ? &r->offer
           : !strcmp(base, "mention") ? &r->mention
           : !strcmp(base, "local")   ? &r->local
                                      : &r->link;
}

/* A key tagged with a language (match.fr, example.bad.fr) or a date
 * (example.bad@2026-03-15), or effective.SECTION: 1 when it is not one
 * (*rc untouched), 0 when applied or refused (*rc). */
static int apply_tagged_key(rs_parser *p, long line, const char *key, const char *value, int *rc)
{
    rule *r = p->cur;
    char base[INI_KEY_MAX], lang[4] = "";
    snprintf(base, sizeof base, "%s", key);
    cps_date ex_as_of = DATE_NONE;
    char *at = strchr(base, '@');
    if (at) {
        *at = '\0';
        if (strncmp(base, "example.", 8))
            return *rc = rs_perr(p, line, "'@DATE' is only for example keys: '%s'", key), 0;
        ex_as_of = date_parse_iso(at + 1);
        if (ex_as_of == DATE_NONE)
            return *rc = rs_perr(p, line, "%s: bad date after '@' (want YYYY-MM-DD)", key), 0;
    }
    char *dot = strrchr(base, '.');
    if (dot && valid_lang(dot + 1)) {
        *dot = '\0';
        if (is_pattern_key(base) || !strcmp(base, "example.bad") || !strcmp(base, "example.good"))
            memcpy(lang, dot + 1, 3); /* two letters and the NUL */
        else
            *dot = '.';
    }
    if (is_pattern_key(base))
        return *rc = add_pattern(p, line, patterns_of(r, base), lang, key, value), 0;
    if (!strcmp(base, "example.bad") || !strcmp(base, "example.good")) {
        if (!*value)
            return *rc = rs_perr(p, line, "%s: empty example", key), 0;
        r->examples = xrealloc(r->examples, (r->nexamples + 1) * sizeof *r->examples);
        rule_example *x = &r->examples[r->nexamples++];
        x->text = xstrdup(value);
        x->bad = !strcmp(base, "example.bad");
        memcpy(x->lang, *lang ? lang : "en", 3);
        x->as_of = ex_as_of;
        x->line = line;
        return *rc = 0, 0;
    }
    if (!strncmp(key, "effective.", 10))
        return *rc = parse_section_date(p, line, key, value), 0;
    return 1;
}

/* ---- single keys --------------------------------------------------------- */

/* Texts and dates: a table each. */
static const struct {
    const char *key;
    size_t off;
} text_keys[] = {
    {"title", offsetof(rule, title)},       {"uncertain", offsetof(rule, uncertain)},
    {"dates", offsetof(rule, dates)},       {"description", offsetof(rule, description)},
    {"message", offsetof(rule, message)},   {"source", offsetof(rule, source)},
    {"cite", offsetof(rule, cite)},         {"url", offsetof(rule, url)},
    {"match-label", offsetof(rule, match_label)}, {"also-label", offsetof(rule, also_label)},
}, date_keys[] = {
    {"effective", offsetof(rule, effective)},
    {"adopted", offsetof(rule, adopted)},
    {"until", offsetof(rule, until)},
    {"doc-dated-from", offsetof(rule, doc_from)},
    {"doc-dated-until", offsetof(rule, doc_until)},
    {"authoritative-from", offsetof(rule, strict_from)},
};

/* `key = yes|no` into *out (yes 1, no 0). */
static int yes_no(rs_parser *p, long line, const char *key, const char *value, int *out)
{
    if (!strcmp(value, "yes"))
        *out = 1;
    else if (!strcmp(value, "no"))
        *out = 0;
    else
        return rs_perr(p, line, "%s: '%s' is not yes or no", key, value);
    return 0;
}

/* The keys that say what a statement rule reads: headings, scope-strict,
 * also-in. */
static int apply_reading_key(rs_parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    if (!strcmp(key, "headings")) {
        int yes = 0;
        int rc = yes_no(p, line, key, value, &yes);
        r->in_headings = rc ? r->in_headings : yes ? 1 : -1;
        return rc;
    }
    if (!strcmp(key, "scope-strict"))
        return yes_no(p, line, key, value, &r->scope_strict);
    if (!strcmp(value, "clause"))
        r->also_clause = 1;
    else if (!strcmp(value, "block"))
        r->also_clause = 2;
    else if (strcmp(value, "scope"))
        return rs_perr(p, line, "also-in: '%s' is not clause, block or scope", value);
    return 0;
}

/* "a, b, c or d" of the kind table's names. */
static void kind_names(buf *b)
{
    size_t n = check_kind_count();
    for (rule_kind k = 1; k <= n; k++)
        buf_printf(b, "%s%s", k == 1 ? "" : k == n ? " or " : ", ", check_kind(k)->name);
}

static const struct {
    const char *name;
    rule_check check;
} check_names[] = {
    {"missing", CHECK_MISSING_SECTIONS},
    {"blank", CHECK_BLANK_SECTIONS},
    {"order", CHECK_SECTION_ORDER},
    {"duplicate", CHECK_DUPLICATE_SECTIONS},
    {"title", CHECK_HEADING_TITLES},
    {"english-version", CHECK_ENGLISH_VERSION},
    {"changelog", CHECK_CHANGELOG},
    {"annual-update", CHECK_ANNUAL_UPDATE},
    {"effective-date", CHECK_EFFECTIVE_DATE},
    {"version", CHECK_TRANSLATION_VERSION},
    {"date", CHECK_TRANSLATION_DATE},
    {"sections", CHECK_TRANSLATION_SECTIONS},
    {"length", CHECK_TRANSLATION_LENGTH},
    {"authoritative", CHECK_TRANSLATION_AUTHORITATIVE},
    {"not-a-policy", CHECK_NOT_A_POLICY},
    {"cp-alone", CHECK_CP_ALONE},
};

/* severity, kind, check: names. */
static int apply_name_key(rs_parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    if (!strcmp(key, "severity")) {
        if (!strcmp(value, "error"))
            r->severity = SEV_ERROR;
        else if (!strcmp(value, "warning"))
            r->severity = SEV_WARNING;
        else if (!strcmp(value, "notice"))
            r->severity = SEV_NOTICE;
        else
            return rs_perr(p, line, "severity: '%s' is not error, warning or notice", value);
    } else if (!strcmp(key, "kind")) {
        r->kind = check_kind_find(value);
        if (!r->kind) {
            buf names = BUF_INIT;
            kind_names(&names);
            int rc = rs_perr(p, line, "kind: '%s' is not %s", value, buf_cstr(&names));
            buf_free(&names);
            return rc;
        }
    } else {
        size_t i = 0;
        while (i < COUNT(check_names) && strcmp(value, check_names[i].name))
            i++;
        if (i == COUNT(check_names))
            return rs_perr(p, line, "check: '%s' is not missing, blank, order, duplicate, title, english-version, changelog, "
                                    "annual-update, effective-date, version, date, sections, length, "
                                    "authoritative, not-a-policy or cp-alone", value);
        r->check = check_names[i].check;
    }
    return 0;
}

/* addressed-to, cert-scope: what the rule applies to (profile.h). */
static int apply_profile_key(rs_parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    if (!strcmp(key, "addressed-to")) {
        if (!strcmp(value, "cps"))
            r->addressed_to = RULE_TO_CPS;
        else if (!strcmp(value, "cp"))
            r->addressed_to = RULE_TO_CP;
        else if (!strcmp(value, "any"))
            r->addressed_to = RULE_TO_ANY;
        else
            return rs_perr(p, line, "addressed-to: '%s' is not cps, cp or any", value);
        r->profile_keys |= 1;
        return 0;
    }
    if (!strcmp(value, "any")) {
        r->cert_scope = 0;
    } else {
        buf v = BUF_INIT;
        for (const char *q = value; *q; q++)
            if (*q != ' ')
                buf_putc(&v, *q);
        r->cert_scope = profile_scopes_parse(buf_cstr(&v));
        buf_free(&v);
        if (!r->cert_scope)
            return rs_perr(p, line, "cert-scope: '%s' is not any or a comma-separated list of %s",
                           value, PROFILE_SCOPES_ALLOWED);
    }
    r->profile_keys |= 2;
    return 0;
}

/* max, min, max-age, span, subject, also-wins, min-version: what some
 * kinds read (the kind table says which). */
static int apply_kind_key(rs_parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    if (!strcmp(key, "max") || !strcmp(key, "min")) {
        if (r->nsteps)
            return rs_perr(p, line, "give either 'max' or 'min', once");
        r->limit_min = !strcmp(key, "min");
        return parse_steps(p, line, key, value, r, limit_step_parse, &r->nsteps);
    }
    if (!strcmp(key, "min-version"))
        return parse_steps(p, line, key, value, r, version_step_parse, &r->nversions);
    if (!strcmp(key, "max-age")) {
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v <= 0 || v > 100000)
            return rs_perr(p, line, "max-age: '%s' is not a number of days", value);
        r->max_age = (int)v;
    } else if (!strcmp(key, "span")) {
        if (!strcmp(value, "section"))
            r->span_section = 1;
        else if (strcmp(value, "clause"))
            return rs_perr(p, line, "span: '%s' is not clause or section", value);
    } else if (!strcmp(key, "subject")) {
        char bad[80];
        if (!strcmp(value, "also"))
            r->also_wins = 1; /* the former spelling of `also-wins = yes` */
        else if (subject_parse(value, &r->subject, bad, sizeof bad) < 0)
            return rs_perr(p, line, "subject: '%s' is not subscriber, ca, root, subordinate, "
                                    "cross, ocsp, precert, other, smime or any", bad);
    } else { /* also-wins */
        int yes = 0;
        int rc = yes_no(p, line, key, value, &yes);
        if (rc)
            return rc;
        r->also_wins |= yes;
    }
    return 0;
}

/* Keys given once: the table, then the groups above. */
static int apply_single_key(rs_parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    for (size_t i = 0; i < COUNT(text_keys); i++)
        if (!strcmp(key, text_keys[i].key)) {
            *(char **)((char *)r + text_keys[i].off) = xstrdup(value);
            return 0;
        }
    for (size_t i = 0; i < COUNT(date_keys); i++)
        if (!strcmp(key, date_keys[i].key))
            return parse_date_value(p, line, key, value,
                                    (cps_date *)((char *)r + date_keys[i].off));
    static const char *const kind_keys[] = {"max", "min", "min-version", "max-age", "span",
                                            "subject", "also-wins"};
    for (size_t i = 0; i < COUNT(kind_keys); i++)
        if (!strcmp(key, kind_keys[i]))
            return apply_kind_key(p, line, key, value);
    if (!strcmp(key, "headings") || !strcmp(key, "scope-strict") || !strcmp(key, "also-in"))
        return apply_reading_key(p, line, key, value);
    if (!strcmp(key, "severity") || !strcmp(key, "kind") || !strcmp(key, "check"))
        return apply_name_key(p, line, key, value);
    if (!strcmp(key, "addressed-to") || !strcmp(key, "cert-scope"))
        return apply_profile_key(p, line, key, value);
    if (!strcmp(key, "scope"))
        return parse_sections(p, line, key, value, &r->scope, &r->nscope, 1);
    if (!strcmp(key, "exclude"))
        return parse_sections(p, line, key, value, &r->exclude, &r->nexclude, 0);
    if (!strcmp(key, "example-section")) {
        const char *why = check_section(p->spec, value);
        if (why)
            return rs_perr(p, line, "example-section: section '%s' %s", value, why);
        snprintf(r->example_section, sizeof r->example_section, "%s", value);
        return 0;
    }
    if (!strcmp(key, "enabled"))
        return yes_no(p, line, key, value, &r->enabled);
    return rs_perr(p, line, "unknown key '%s'", key);
}

int rs_apply_key(rs_parser *p, long line, const char *key, char *value)
{
    int rc = 0;
    if (!apply_tagged_key(p, line, key, value, &rc))
        return rc;
    if ((rc = set_once(p, line, key)))
        return rc;
    return apply_single_key(p, line, key, value);
}

/* ---- macros ---------------------------------------------------------------- */

int rs_define_macro(rs_parser *p, long line, const char *name, const char *value)
{
    for (const char *c = name; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-')
            return rs_perr(p, line, "bad macro name '%s'", name);
    p->macros = xrealloc(p->macros, (p->nmacros + 1) * sizeof *p->macros);
    buf ex = BUF_INIT;
    int rc = expand_macros(p, line, value, &ex);
    p->macros[p->nmacros].name = xstrdup(name);
    p->macros[p->nmacros].value = buf_detach(&ex);
    if (!p->macros[p->nmacros].value)
        p->macros[p->nmacros].value = xstrdup("");
    p->nmacros++;
    return rc;
}

void rs_parser_free(rs_parser *p)
{
    for (size_t i = 0; i < p->nmacros; i++) {
        free(p->macros[i].name);
        free(p->macros[i].value);
    }
    free(p->macros);
    p->macros = NULL;
    p->nmacros = 0;
}

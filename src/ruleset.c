#include "ruleset.h"
#include "subject.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "profile.h"

/* ---- small helpers ---------------------------------------------------- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static void strv_push(char ***v, size_t *n, const char *s)
{
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = xstrdup(s);
}

static void strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void patterns_free(rule_patterns *p)
{
    for (size_t i = 0; i < p->n; i++)
        match_pattern_free(&p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

static void rule_free(rule *r)
{
    free(r->id);
    free(r->title);
    free(r->message);
    free(r->source);
    free(r->cite);
    free(r->url);
    free(r->match_label);
    free(r->also_label);
    strv_free(r->scope, r->nscope);
    free(r->sec_from);
    strv_free(r->exclude, r->nexclude);
    patterns_free(&r->match);
    patterns_free(&r->also);
    patterns_free(&r->unless);
    patterns_free(&r->link);
    patterns_free(&r->near);
    patterns_free(&r->offer);
    patterns_free(&r->mention);
    patterns_free(&r->local);
    free(r->steps);
    free(r->versions);
    free(r->uncertain);
    free(r->dates);
    free(r->description);
    for (size_t i = 0; i < r->nexamples; i++)
        free(r->examples[i].text);
    free(r->examples);
    memset(r, 0, sizeof *r);
}

static void rule_init(rule *r)
{
    memset(r, 0, sizeof *r);
    r->effective = r->until = r->doc_from = r->doc_until = r->strict_from = DATE_NONE;
    r->adopted = DATE_NONE;
    r->enabled = 1;
}

void ruleset_init(ruleset *rs)
{
    memset(rs, 0, sizeof *rs);
}

static void ruleset_pf_free(ruleset_pf *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->src[i]);
        prefilter_literals_free(x->lits[i], x->nlits[i]);
    }
    free(x->src);
    free(x->first);
    free(x->hash);
    free(x->lits);
    free(x->nlits);
    prefilter_free(x->pf);
    memset(x, 0, sizeof *x);
}

static uint32_t src_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

/* Give every pattern of rules[from..] its prefilter id (a new source gets
 * its literals extracted once), then rebuild the automaton. */
static void ruleset_pf_update(ruleset *rs, size_t from)
{
    ruleset_pf *x = &rs->pf;
    for (size_t i = from; i < rs->n; i++) {
        rule *r = &rs->rules[i];
        rule_patterns *lists[] = {&r->match, &r->also, &r->unless, &r->link, &r->near,
                                  &r->offer, &r->mention, &r->local};
        for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
            for (size_t k = 0; k < lists[l]->n; k++) {
                rule_pattern *p = &lists[l]->v[k];
                uint32_t h = src_hash(p->src);
                size_t id = 0;
                while (id < x->n && (x->hash[id] != h || strcmp(x->src[id], p->src)))
                    id++;
                if (id == x->n) {
                    if (x->n == x->cap) {
                        x->cap = x->cap ? 2 * x->cap : 64;
                        x->src = xrealloc(x->src, x->cap * sizeof *x->src);
                        x->hash = xrealloc(x->hash, x->cap * sizeof *x->hash);
                        x->lits = xrealloc(x->lits, x->cap * sizeof *x->lits);
                        x->nlits = xrealloc(x->nlits, x->cap * sizeof *x->nlits);
                        x->first = xrealloc(x->first, x->cap * sizeof *x->first);
                    }
                    x->first[id] = *p;
                    x->src[id] = xstrdup(p->src);
                    x->hash[id] = h;
                    x->lits[id] = NULL;
                    x->nlits[id] = prefilter_literals(p->src, &x->lits[id]);
                    x->n++;
                }
                p->pf = (uint32_t)id;
                /* one compiled (and JIT-compiled) code per source */
                match_pattern_share(p, &x->first[id]);
            }
    }
    prefilter_free(x->pf);
    x->pf = prefilter_build((char *const *const *)x->lits, x->nlits, x->n);
}

void ruleset_free(ruleset *rs)
{
    if (!rs)
        return;
    ruleset_pf_free(&rs->pf);
    for (size_t i = 0; i < rs->n; i++)
        rule_free(&rs->rules[i]);
    free(rs->rules);
    strv_free(rs->files, rs->nfiles);
    memset(rs, 0, sizeof *rs);
}

const char *rule_severity_name(rule_severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_NOTICE: return "notice";
    }
    return "?";
}

/* Names of kinds and checks, as written in rule files. */
static const struct {
    const char *name;
    rule_kind kind;
} kind_names[] = {
    {"forbid", KIND_FORBID},       {"require", KIND_REQUIRE},   {"limit", KIND_LIMIT},
    {"structure", KIND_STRUCTURE}, {"language", KIND_LANGUAGE}, {"meta", KIND_META},
    {"title", KIND_TITLE},         {"headings", KIND_HEADINGS}, {"manual", KIND_MANUAL},
    {"translation", KIND_TRANSLATION}, {"profile", KIND_PROFILE}, {"version", KIND_VERSION},
};

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
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *rule_addressed_to_name(rule_addressed_to t)
{
    return t == RULE_TO_CPS ? "cps" : t == RULE_TO_CP ? "cp" : "any";
}

const char *rule_kind_name(rule_kind k)
{
    for (size_t i = 0; i < COUNT(kind_names); i++)
        if (kind_names[i].kind == k)
            return kind_names[i].name;
    return "?";
}

const rule *ruleset_find(const ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->rules[i].id, id) == 0)
            return &rs->rules[i];
    return NULL;
}

int ruleset_set_enabled(ruleset *rs, const char *id, int enabled, cps_err *e)
{
    char prefix[256];
    size_t k = strlen(id);
    if (k >= sizeof prefix)
        return cps_err_set(e, CPS_E_USAGE, NULL, 0, "rule id too long: %s", id);
    memcpy(prefix, id, k + 1);
    if (k >= 2 && strcmp(prefix + k - 2, ".*") == 0)
        prefix[k - 2] = '\0';
    int changed = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const char *rid = rs->rules[i].id;
        if (strcmp(rid, id) == 0 || outline_number_within(rid, prefix)) {
            rs->rules[i].enabled = enabled;
            changed++;
        }
    }
    if (!changed)
        return cps_err_set(e, CPS_E_USAGE, NULL, 0, "no rule matches '%s' (see cpslint rules)", id);
    return changed;
}

static double step_approx_days(const limit_step *st)
{
    switch (st->unit) {
    case 'h': return st->value / 24.0;
    case 'w': return 7.0 * st->value;
    case 'm': return 30.0 * st->value;
    case 'y': return 365.0 * st->value;
    default: return st->value;
    }
}

int ruleset_step_loosens(const rule *r, size_t k)
{
    if (k == 0 || k >= r->nsteps)
        return 0;
    double prev = step_approx_days(&r->steps[k - 1]), cur = step_approx_days(&r->steps[k]);
    return r->limit_min ? cur < prev : cur > prev;
}

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

/* ---- parsing ---------------------------------------------------------- */

typedef struct macro {
    char *name, *value;
} macro;

typedef struct parser {
    const char *file;
    const outline_spec *spec;
    cps_err *e;
    macro *macros;
    size_t nmacros;
    rule *rules;
    size_t n, cap;
    rule *cur;         /* NULL outside a block */
    /* the key being continued */
    buf pending;
    char pending_key[64];
    long pending_line;
    int have_pending;
    /* keys seen in the current rule, to refuse repeated single keys */
    char seen[32][64];
    size_t nseen;
} parser;

static int perr(parser *p, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int perr(parser *p, long line, const char *fmt, ...)
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

/* A pattern (or macro) may not expand beyond this: doubling `let` lines
 * would otherwise ask for gigabytes from a 30-line rules file. */
#define RULESET_MAX_PATTERN (64 * 1024)

static int expand_macros(parser *p, long line, const char *in, buf *out)
{
    buf_truncate(out, 0);
    buf_puts(out, "");
    for (const char *s = in; *s;) {
        if (s[0] == '$' && s[1] == '{') {
            const char *end = strchr(s + 2, '}');
            if (!end)
                return perr(p, line, "unterminated ${ in pattern");
            size_t k = (size_t)(end - (s + 2));
            size_t i;
            for (i = 0; i < p->nmacros; i++)
                if (strlen(p->macros[i].name) == k && !strncmp(p->macros[i].name, s + 2, k))
                    break;
            if (i == p->nmacros)
                return perr(p, line, "unknown macro ${%.*s}", (int)k, s + 2);
            buf_puts(out, p->macros[i].value);
            s = end + 1;
        } else {
            buf_putc(out, *s++);
        }
        if (out->len > RULESET_MAX_PATTERN)
            return perr(p, line, "pattern longer than %d bytes after ${...} expansion",
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

static int parse_date_value(parser *p, long line, const char *key, const char *v, cps_date *out)
{
    if (!*v) {
        *out = DATE_NONE;
        return 0;
    }
    cps_date d = date_parse_iso(v);
    if (d == DATE_NONE)
        return perr(p, line, "%s: bad date '%s' (want YYYY-MM-DD)", key, v);
    *out = d;
    return 0;
}

static int parse_sections(parser *p, long line, const char *key, const char *v,
                          char ***out, size_t *nout, int allow_doc)
{
    char *copy = xstrdup(v);
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t,", &save); tok; tok = strtok_r(NULL, " \t,", &save)) {
        if (allow_doc && !strcmp(tok, "doc")) {
            strv_push(out, nout, tok);
            continue;
        }
        if (!allow_doc && (!strcmp(tok, "toc") || !strcmp(tok, "revision-history")))
            continue; /* always excluded for content rules */
        size_t k = strlen(tok);
        if (k > 0 && tok[k - 1] == '.')
            tok[k - 1] = '\0';
        const char *why = check_section(p->spec, tok);
        if (why) {
            rc = perr(p, line, "%s: section '%s' %s", key, tok, why);
            break;
        }
        strv_push(out, nout, tok);
    }
    free(copy);
    return rc;
}

static int add_pattern(parser *p, long line, rule_patterns *ps, const char *lang,
                       const char *key, const char *value)
{
    if (!*value)
        return perr(p, line, "%s: empty pattern", key);
    buf ex = BUF_INIT;
    int rc = expand_macros(p, line, value, &ex);
    if (rc) {
        buf_free(&ex);
        return rc;
    }
    size_t at;
    if (unfoldable_char(buf_cstr(&ex), &at)) {
        rc = perr(p, line, "%s: pattern has an accented letter or typographic quote at "
                           "offset %zu; patterns match folded text (lower case, no accents, "
                           "' for ’): write it unaccented", key, at);
        buf_free(&ex);
        return rc;
    }
    rule_pattern pat;
    cps_err ce;
    cps_err_clear(&ce);
    if (match_compile(&pat, buf_cstr(&ex), &ce) != 0) {
        rc = perr(p, line, "%s: PCRE2: %s", key, ce.msg);
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

/* "39mo from 2015-04-01; 825d from 2018-03-01" or "30d" */
static int parse_schedule(parser *p, long line, const char *key, const char *v, rule *r)
{
    char *copy = xstrdup(v);
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ";", &save); tok && rc == 0; tok = strtok_r(NULL, ";", &save)) {
        char *t = trim(tok);
        if (!*t)
            continue;
        char *end;
        long val = strtol(t, &end, 10);
        if (end == t || val <= 0 || val > 100000) {
            rc = perr(p, line, "%s: '%s' does not start with a positive number", key, t);
            break;
        }
        char unit;
        if (!strncmp(end, "mo", 2)) {
            unit = 'm';
            end += 2;
        } else if (*end == 'd' || *end == 'h' || *end == 'w' || *end == 'y') {
            unit = *end++;
        } else {
            rc = perr(p, line, "%s: '%s': unit must be h, d, w, mo or y", key, t);
            break;
        }
        cps_date from = DATE_NONE, adopted = DATE_NONE;
        char *rest = trim(end);
        if (*rest) {
            if (strncmp(rest, "from ", 5)) {
                rc = perr(p, line, "%s: '%s': expected 'from YYYY-MM-DD' after the value", key, t);
                break;
            }
            char *date = trim(rest + 5), *adopt = strstr(date, " adopted ");
            if (adopt) {
                *adopt = '\0';
                adopted = date_parse_iso(trim(adopt + 9));
                if (adopted == DATE_NONE) {
                    rc = perr(p, line, "%s: '%s': bad adoption date", key, t);
                    break;
                }
            }
            from = date_parse_iso(trim(date));
            if (from == DATE_NONE) {
                rc = perr(p, line, "%s: '%s': bad date", key, t);
                break;
            }
            if (adopted != DATE_NONE && adopted > from) {
                rc = perr(p, line, "%s: '%s': adopted after the step's date", key, t);
                break;
            }
        }
        if (r->nsteps > 0 && (from == DATE_NONE || r->steps[r->nsteps - 1].from == DATE_NONE ||
                              from <= r->steps[r->nsteps - 1].from)) {
            rc = perr(p, line, "%s: steps must have ascending 'from' dates (only the first may "
                               "have none)", key);
            break;
        }
        r->steps = xrealloc(r->steps, (r->nsteps + 1) * sizeof *r->steps);
        r->steps[r->nsteps].from = from;
        r->steps[r->nsteps].value = (int)val;
        r->steps[r->nsteps].unit = unit;
        r->steps[r->nsteps].adopted = adopted;
        r->nsteps++;
    }
    free(copy);
    if (rc == 0 && r->nsteps == 0)
        rc = perr(p, line, "%s: empty schedule", key);
    return rc;
}

/* `min-version = 1.4.9 from 2018-08-12; 1.6.1 from 2019-09-15; ...` */
static int parse_versions(parser *p, long line, const char *key, const char *v, rule *r)
{
    char *copy = xstrdup(v);
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ";", &save); tok && rc == 0; tok = strtok_r(NULL, ";", &save)) {
        char *t = trim(tok);
        if (!*t)
            continue;
        version_step st = {DATE_NONE, {0, 0, 0}};
        char *end = t;
        for (int k = 0; k < 3; k++) {
            char *e2;
            long n = strtol(end, &e2, 10);
            if (e2 == end || n < 0 || n > 999) {
                rc = perr(p, line, "%s: '%s' does not start with a version (1.4.9)", key, t);
                break;
            }
            st.v[k] = (int)n;
            end = e2;
            if (*end != '.' || k == 2)
                break;
            end++;
        }
        if (rc)
            break;
        char *rest = trim(end);
        if (strncmp(rest, "from ", 5) || (st.from = date_parse_iso(trim(rest + 5))) == DATE_NONE) {
            rc = perr(p, line, "%s: '%s': expected 'from YYYY-MM-DD' after the version", key, t);
            break;
        }
        if (r->nversions > 0 && st.from <= r->versions[r->nversions - 1].from) {
            rc = perr(p, line, "%s: steps must have ascending 'from' dates", key);
            break;
        }
        r->versions = xrealloc(r->versions, (r->nversions + 1) * sizeof *r->versions);
        r->versions[r->nversions++] = st;
    }
    free(copy);
    if (rc == 0 && r->nversions == 0)
        rc = perr(p, line, "%s: empty schedule", key);
    return rc;
}

static int set_once(parser *p, long line, const char *key)
{
    for (size_t i = 0; i < p->nseen; i++)
        if (!strcmp(p->seen[i], key))
            return perr(p, line, "key '%s' given twice", key);
    if (p->nseen < sizeof p->seen / sizeof p->seen[0])
        snprintf(p->seen[p->nseen++], sizeof p->seen[0], "%s", key);
    return 0;
}

static int valid_lang(const char *s)
{
    return strlen(s) == 2 && islower((unsigned char)s[0]) && islower((unsigned char)s[1]);
}

/* effective.SECTION = DATE */
static int parse_section_date(parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    const char *number = key + 10;
    const char *why = check_section(p->spec, number);
    if (why)
        return perr(p, line, "%s: section '%s' %s", key, number, why);
    if (strlen(number) >= OUTLINE_NUM_MAX)
        return perr(p, line, "%s: section number too long", key);
    for (size_t i = 0; i < r->nsec_from; i++)
        if (!strcmp(r->sec_from[i].number, number))
            return perr(p, line, "key '%s' given twice", key);
    cps_date d = DATE_NONE;
    int rc = parse_date_value(p, line, key, value, &d);
    if (rc)
        return rc;
    if (d == DATE_NONE)
        return perr(p, line, "%s: a date is required", key);
    r->sec_from = xrealloc(r->sec_from, (r->nsec_from + 1) * sizeof *r->sec_from);
    snprintf(r->sec_from[r->nsec_from].number, OUTLINE_NUM_MAX, "%s", number);
    r->sec_from[r->nsec_from++].from = d;
    return 0;
}

/* The keys that say what a statement rule reads: headings, scope-strict,
 * also-in, min-version. */
static int apply_reading_key(parser *p, long line, const char *key, const char *value)
{
    rule *r = p->cur;
    if (!strcmp(key, "min-version"))
        return parse_versions(p, line, key, value, r);
    if (!strcmp(key, "headings")) {
        if (!strcmp(value, "yes"))
            r->in_headings = 1;
        else if (!strcmp(value, "no"))
            r->in_headings = -1;
        else
            return perr(p, line, "headings: '%s' is not yes or no", value);
    } else if (!strcmp(key, "scope-strict")) {
        if (!strcmp(value, "yes"))
            r->scope_strict = 1;
        else if (strcmp(value, "no"))
            return perr(p, line, "scope-strict: '%s' is not yes or no", value);
    } else if (!strcmp(value, "clause")) { /* also-in */
        r->also_clause = 1;
    } else if (!strcmp(value, "block")) {
        r->also_clause = 2;
    } else if (strcmp(value, "scope")) {
        return perr(p, line, "also-in: '%s' is not clause, block or scope", value);
    }
    return 0;
}

static int apply_key(parser *p, long line, const char *key, char *value)
{
    rule *r = p->cur;
    char base[64], lang[4] = "";
    snprintf(base, sizeof base, "%s", key);
    /* example.bad@2026-03-15: an example run as of a date */
    cps_date ex_as_of = DATE_NONE;
    char *at = strchr(base, '@');
    if (at) {
        *at = '\0';
        if (strncmp(base, "example.", 8))
            return perr(p, line, "'@DATE' is only for example keys: '%s'", key);
        ex_as_of = date_parse_iso(at + 1);
        if (ex_as_of == DATE_NONE)
            return perr(p, line, "%s: bad date after '@' (want YYYY-MM-DD)", key);
    }
    /* Language-tagged keys: match.fr, example.bad.fr (example.bad = en). */
    char *dot = strrchr(base, '.');
    if (dot && valid_lang(dot + 1)) {
        *dot = '\0';
        if (is_pattern_key(base) || !strcmp(base, "example.bad") || !strcmp(base, "example.good"))
            memcpy(lang, dot + 1, 3); /* two letters and the NUL */
        else
            *dot = '.';
    }
    if (is_pattern_key(base)) {
        rule_patterns *ps = !strcmp(base, "match")    ? &r->match
                            : !strcmp(base, "also")   ? &r->also
                            : !strcmp(base, "unless") ? &r->unless
                            : !strcmp(base, "near")   ? &r->near
                            : !strcmp(base, "offer")  ? &r->offer
                            : !strcmp(base, "mention") ? &r->mention
                            : !strcmp(base, "local")  ? &r->local
                                                      : &r->link;
        return add_pattern(p, line, ps, lang, key, value);
    }
    if (!strcmp(base, "example.bad") || !strcmp(base, "example.good")) {
        if (!*value)
            return perr(p, line, "%s: empty example", key);
        r->examples = xrealloc(r->examples, (r->nexamples + 1) * sizeof *r->examples);
        rule_example *x = &r->examples[r->nexamples++];
        x->text = xstrdup(value);
        x->bad = !strcmp(base, "example.bad");
        memcpy(x->lang, *lang ? lang : "en", 3);
        x->as_of = ex_as_of;
        x->line = line;
        return 0;
    }

    if (!strncmp(key, "effective.", 10))
        return parse_section_date(p, line, key, value);
    int rc = set_once(p, line, key);
    if (rc)
        return rc;
    if (!strcmp(key, "title")) {
        r->title = xstrdup(value);
    } else if (!strcmp(key, "uncertain")) {
        r->uncertain = xstrdup(value);
    } else if (!strcmp(key, "dates")) {
        r->dates = xstrdup(value);
    } else if (!strcmp(key, "description")) {
        r->description = xstrdup(value);
    } else if (!strcmp(key, "max") || !strcmp(key, "min")) {
        if (r->nsteps)
            return perr(p, line, "give either 'max' or 'min', once");
        r->limit_min = !strcmp(key, "min");
        return parse_schedule(p, line, key, value, r);
    } else if (!strcmp(key, "max-age")) {
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v <= 0 || v > 100000)
            return perr(p, line, "max-age: '%s' is not a number of days", value);
        r->max_age = (int)v;
    } else if (!strcmp(key, "span")) {
        if (!strcmp(value, "section"))
            r->span_section = 1;
        else if (strcmp(value, "clause"))
            return perr(p, line, "span: '%s' is not clause or section", value);
    } else if (!strcmp(key, "subject")) {
        char bad[80];
        if (!strcmp(value, "also"))
            r->also_wins = 1; /* the former spelling of `also-wins = yes` */
        else if (subject_parse(value, &r->subject, bad, sizeof bad) < 0)
            return perr(p, line, "subject: '%s' is not subscriber, ca, root, subordinate, "
                                 "cross, ocsp, precert, other or any", bad);
    } else if (!strcmp(key, "also-wins")) {
        if (!strcmp(value, "yes"))
            r->also_wins = 1;
        else if (strcmp(value, "no"))
            return perr(p, line, "also-wins: '%s' is not yes or no", value);
    } else if (!strcmp(key, "headings") || !strcmp(key, "scope-strict") ||
               !strcmp(key, "also-in") || !strcmp(key, "min-version")) {
        return apply_reading_key(p, line, key, value);
    } else if (!strcmp(key, "message")) {
        r->message = xstrdup(value);
    } else if (!strcmp(key, "source")) {
        r->source = xstrdup(value);
    } else if (!strcmp(key, "cite")) {
        r->cite = xstrdup(value);
    } else if (!strcmp(key, "url")) {
        r->url = xstrdup(value);
    } else if (!strcmp(key, "match-label")) {
        r->match_label = xstrdup(value);
    } else if (!strcmp(key, "also-label")) {
        r->also_label = xstrdup(value);
    } else if (!strcmp(key, "severity")) {
        if (!strcmp(value, "error"))
            r->severity = SEV_ERROR;
        else if (!strcmp(value, "warning"))
            r->severity = SEV_WARNING;
        else if (!strcmp(value, "notice"))
            r->severity = SEV_NOTICE;
        else
            return perr(p, line, "severity: '%s' is not error, warning or notice", value);
    } else if (!strcmp(key, "kind")) {
        size_t i = 0;
        while (i < COUNT(kind_names) && strcmp(value, kind_names[i].name))
            i++;
        if (i == COUNT(kind_names))
            return perr(p, line, "kind: '%s' is not forbid, require, limit, structure, language, "
                                 "meta, title, headings, manual, translation, profile or version", value);
        r->kind = kind_names[i].kind;
    } else if (!strcmp(key, "check")) {
        size_t i = 0;
        while (i < COUNT(check_names) && strcmp(value, check_names[i].name))
            i++;
        if (i == COUNT(check_names))
            return perr(p, line, "check: '%s' is not missing, blank, order, duplicate, title, english-version, changelog, "
                                 "annual-update, effective-date, version, date, sections, length, "
                                 "authoritative or not-a-policy", value);
        r->check = check_names[i].check;
    } else if (!strcmp(key, "effective")) {
        return parse_date_value(p, line, key, value, &r->effective);
    } else if (!strcmp(key, "adopted")) {
        return parse_date_value(p, line, key, value, &r->adopted);
    } else if (!strcmp(key, "until")) {
        return parse_date_value(p, line, key, value, &r->until);
    } else if (!strcmp(key, "doc-dated-from")) {
        return parse_date_value(p, line, key, value, &r->doc_from);
    } else if (!strcmp(key, "doc-dated-until")) {
        return parse_date_value(p, line, key, value, &r->doc_until);
    } else if (!strcmp(key, "authoritative-from")) {
        return parse_date_value(p, line, key, value, &r->strict_from);
    } else if (!strcmp(key, "scope")) {
        return parse_sections(p, line, key, value, &r->scope, &r->nscope, 1);
    } else if (!strcmp(key, "exclude")) {
        return parse_sections(p, line, key, value, &r->exclude, &r->nexclude, 0);
    } else if (!strcmp(key, "example-section")) {
        const char *why = check_section(p->spec, value);
        if (why)
            return perr(p, line, "example-section: section '%s' %s", value, why);
        snprintf(r->example_section, sizeof r->example_section, "%s", value);
    } else if (!strcmp(key, "addressed-to")) {
        if (!strcmp(value, "cps"))
            r->addressed_to = RULE_TO_CPS;
        else if (!strcmp(value, "cp"))
            r->addressed_to = RULE_TO_CP;
        else if (!strcmp(value, "any"))
            r->addressed_to = RULE_TO_ANY;
        else
            return perr(p, line, "addressed-to: '%s' is not cps, cp or any", value);
        r->profile_keys |= 1;
    } else if (!strcmp(key, "cert-scope")) {
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
                return perr(p, line, "cert-scope: '%s' is not any or a comma-separated list of %s",
                            value, PROFILE_SCOPES_ALLOWED);
        }
        r->profile_keys |= 2;
    } else if (!strcmp(key, "enabled")) {
        if (!strcmp(value, "yes"))
            r->enabled = 1;
        else if (!strcmp(value, "no"))
            r->enabled = 0;
        else
            return perr(p, line, "enabled: '%s' is not yes or no", value);
    } else {
        return perr(p, line, "unknown key '%s'", key);
    }
    return 0;
}

static int valid_id(const char *id)
{
    if (!islower((unsigned char)id[0]))
        return 0;
    int dots = 0;
    for (const char *s = id; *s; s++) {
        if (*s == '.') {
            dots++;
            if (s[1] == '.' || s[1] == '\0')
                return 0;
        } else if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-') {
            return 0;
        }
    }
    return dots >= 1 && strlen(id) < 128;
}

/* Checks once a block is complete. */
static int finish_rule(parser *p)
{
    rule *r = p->cur;
    long line = r->line;
    if (!r->kind)
        return perr(p, line, "missing key 'kind'");
    if (!r->severity)
        return perr(p, line, "missing key 'severity'");
    if (!r->message)
        return perr(p, line, "missing key 'message'");
    if (!r->cite)
        return perr(p, line, "missing key 'cite'");
    if (!r->title)
        r->title = xstrdup(r->message);
    if (r->effective != DATE_NONE && r->until != DATE_NONE && r->until <= r->effective)
        return perr(p, line, "until (exclusive) must be after effective");
    if (r->doc_from != DATE_NONE && r->doc_until != DATE_NONE && r->doc_until <= r->doc_from)
        return perr(p, line, "doc-dated-until must be after doc-dated-from");
    if (r->adopted != DATE_NONE && r->effective != DATE_NONE && r->adopted > r->effective)
        return perr(p, line, "adopted must not be after effective");
    for (size_t i = 0; i < r->nsec_from; i++) {
        const section_date *sd = &r->sec_from[i];
        if (r->effective != DATE_NONE && sd->from <= r->effective)
            return perr(p, line, "effective.%s must be after effective", sd->number);
        if (r->until != DATE_NONE && sd->from >= r->until)
            return perr(p, line, "effective.%s must be before until", sd->number);
        int in = r->nscope == 0; /* no scope: the whole document */
        for (size_t k = 0; k < r->nscope; k++)
            in |= !strcmp(r->scope[k], "doc") || outline_number_within(sd->number, r->scope[k]);
        if (!in)
            return perr(p, line, "effective.%s: the section is not in the rule's scope", sd->number);
    }
    if (r->near.n && r->kind != KIND_LIMIT)
        return perr(p, line, "'near' is for limit rules");
    if (r->nsteps && r->kind != KIND_LIMIT)
        return perr(p, line, "'max'/'min' are for limit rules");
    if (r->span_section && r->kind != KIND_FORBID)
        return perr(p, line, "'span' is for forbid rules");
    if (r->subject && r->kind != KIND_LIMIT && r->kind != KIND_FORBID)
        return perr(p, line, "'subject' is for limit and forbid rules");
    if (r->also_wins && r->kind != KIND_LIMIT)
        return perr(p, line, "'also-wins' is for limit rules");
    if (r->in_headings > 0 && r->kind != KIND_REQUIRE)
        return perr(p, line, "'headings = yes' is for require rules");
    if (r->in_headings < 0 && r->kind != KIND_FORBID)
        return perr(p, line, "'headings = no' is for forbid rules (require rules never read "
                             "headings unless 'headings = yes')");
    if ((r->scope_strict || r->also_clause) && r->kind != KIND_REQUIRE)
        return perr(p, line, "'scope-strict' and 'also-in' are for require rules");
    if (r->also_clause && !r->also.n)
        return perr(p, line, "'also-in' needs 'also' patterns");
    if (r->nversions && r->kind != KIND_VERSION)
        return perr(p, line, "'min-version' is for version rules");
    if (r->max_age && r->check != CHECK_ANNUAL_UPDATE)
        return perr(p, line, "'max-age' is for 'check = annual-update'");
    if (r->kind != KIND_FORBID && (r->offer.n || r->mention.n || r->local.n))
        return perr(p, line, "'offer', 'mention' and 'local' are for forbid rules");
    if (r->span_section && (r->offer.n || r->mention.n || r->local.n))
        return perr(p, line, "'offer', 'mention' and 'local' do not work with 'span = section'");
    switch (r->kind) {
    case KIND_LIMIT:
        if (!r->nsteps)
            return perr(p, line, "a limit rule needs a 'max' or 'min' schedule");
        if (!r->near.n)
            return perr(p, line, "a limit rule needs at least one 'near' cue");
        if (!r->nscope)
            return perr(p, line, "missing key 'scope'");
        if (r->match.n || r->link.n || r->check)
            return perr(p, line, "a limit rule takes 'near', 'also' and 'unless' patterns only");
        /* Effective from the first dated step unless given. */
        if (r->effective == DATE_NONE && r->steps[0].from != DATE_NONE)
            r->effective = r->steps[0].from;
        break;
    case KIND_META:
        if (r->check != CHECK_CHANGELOG && r->check != CHECK_ANNUAL_UPDATE &&
            r->check != CHECK_EFFECTIVE_DATE)
            return perr(p, line, "a meta rule needs 'check = changelog', 'annual-update' or "
                                 "'effective-date'");
        if (r->check == CHECK_ANNUAL_UPDATE && !r->max_age)
            return perr(p, line, "'check = annual-update' needs 'max-age' (days)");
        if (r->also.n || r->unless.n || r->link.n)
            return perr(p, line, "a meta rule takes only 'match' patterns");
        break;
    case KIND_TITLE:
    case KIND_HEADINGS:
        if (!r->match.n)
            return perr(p, line, "a %s rule needs at least one 'match'", rule_kind_name(r->kind));
        if (r->also.n || r->link.n || r->check)
            return perr(p, line, "a %s rule takes only 'match' and 'unless'", rule_kind_name(r->kind));
        break;
    case KIND_MANUAL:
        if (r->match.n || r->also.n || r->unless.n || r->link.n || r->check)
            return perr(p, line, "a manual rule takes no patterns");
        if (r->nexamples)
            return perr(p, line, "a manual rule has no examples: text cannot decide it");
        break;
    case KIND_VERSION:
        if (!r->nversions)
            return perr(p, line, "a version rule needs a 'min-version' schedule");
        if (r->also.n || r->unless.n || r->link.n || r->check)
            return perr(p, line, "a version rule takes only 'match' patterns");
        /* scope and match as for forbid */
        /* fall through */
    case KIND_FORBID:
    case KIND_REQUIRE:
        if (!r->match.n)
            return perr(p, line, "a %s rule needs at least one 'match'", rule_kind_name(r->kind));
        if (!r->nscope)
            return perr(p, line, "missing key 'scope'");
        if (r->kind == KIND_FORBID && r->also.n)
            return perr(p, line, "'also' is for require rules");
        if (r->kind == KIND_REQUIRE && r->unless.n)
            return perr(p, line, "'unless' is for forbid rules");
        if (r->check)
            return perr(p, line, "'check' is for structure, language and translation rules");
        if (r->link.n)
            return perr(p, line, "'link' is for language rules");
        break;
    case KIND_PROFILE:
        if (r->check != CHECK_NOT_A_POLICY)
            return perr(p, line, "a profile rule needs 'check = not-a-policy'");
        if (r->match.n || r->also.n || r->unless.n || r->link.n || r->nscope)
            return perr(p, line, "a profile rule takes no patterns and no scope");
        break;
    case KIND_STRUCTURE:
        if (r->check != CHECK_MISSING_SECTIONS && r->check != CHECK_BLANK_SECTIONS &&
            r->check != CHECK_SECTION_ORDER && r->check != CHECK_DUPLICATE_SECTIONS &&
            r->check != CHECK_HEADING_TITLES)
            return perr(p, line, "a structure rule needs 'check = missing', 'blank', 'order', "
                                 "'duplicate' or 'title'");
        if (r->match.n || r->also.n || r->unless.n || r->link.n)
            return perr(p, line, "a structure rule takes no patterns");
        break;
    case KIND_LANGUAGE:
        if (r->check != CHECK_ENGLISH_VERSION)
            return perr(p, line, "a language rule needs 'check = english-version'");
        if (r->also.n || r->unless.n)
            return perr(p, line, "a language rule takes only 'match' (disclaimers) and 'link'");
        break;
    case KIND_TRANSLATION:
        if (r->check < CHECK_TRANSLATION_VERSION)
            return perr(p, line, "a translation rule needs 'check = version', 'date', "
                                 "'sections', 'length' or 'authoritative'");
        if (r->also.n || r->unless.n || r->link.n || r->nscope)
            return perr(p, line, "a translation rule takes no scope and only 'match' patterns");
        if (r->check == CHECK_TRANSLATION_AUTHORITATIVE ? !r->match.n : r->match.n > 0)
            return perr(p, line, "'match' (the disclaimers) is for, and required by, "
                                 "'check = authoritative'");
        break;
    }
    if (!r->nscope)
        strv_push(&r->scope, &r->nscope, "doc");
    if (!r->example_section[0]) {
        const char *first = r->scope[0];
        snprintf(r->example_section, sizeof r->example_section, "%s",
                 strcmp(first, "doc") ? first : "1.1");
    }
    if (r->kind == KIND_MANUAL) {
        p->cur = NULL;
        return 0;
    }
    /* A limit rule has an example.bad@D for every dated step D (the test
     * runs it as of D-1, D and D+1). */
    for (size_t k = 0; k < r->nsteps; k++) {
        if (r->steps[k].from == DATE_NONE)
            continue;
        /* A step that tightens the limit needs a text that fails from its
         * date (example.bad@D); one that loosens it (a lower minimum, a
         * higher maximum) a text that passes from its date (example.good@D). */
        int want_bad = !ruleset_step_loosens(r, k);
        int found = 0;
        for (size_t i = 0; i < r->nexamples; i++)
            found |= r->examples[i].bad == want_bad && r->examples[i].as_of == r->steps[k].from;
        if (!found) {
            char d[11];
            date_format(r->steps[k].from, d);
            return perr(p, line, "a limit rule needs an example.%s@%s for its step from %s",
                        want_bad ? "bad" : "good", d, d);
        }
    }
    /* Examples: at least one bad and one good, in every language claimed. */
    int nbad = 0, ngood = 0;
    for (size_t i = 0; i < r->nexamples; i++) {
        nbad += r->examples[i].bad;
        ngood += !r->examples[i].bad;
    }
    if (!nbad || !ngood)
        return perr(p, line, "a rule needs an example.bad and an example.good");
    for (size_t i = 0; i < r->nexamples; i++) {
        int has_bad = 0, has_good = 0;
        for (size_t j = 0; j < r->nexamples; j++) {
            if (strcmp(r->examples[j].lang, r->examples[i].lang))
                continue;
            has_bad |= r->examples[j].bad;
            has_good |= !r->examples[j].bad;
        }
        if (!has_bad || !has_good)
            return perr(p, r->examples[i].line, "language '%s' has an example.%s but no example.%s",
                        r->examples[i].lang, has_bad ? "bad" : "good", has_bad ? "good" : "bad");
    }
    p->cur = NULL;
    return 0;
}

static int flush_pending(parser *p)
{
    if (!p->have_pending)
        return 0;
    p->have_pending = 0;
    char *v = xstrdup(buf_cstr(&p->pending));
    char *val = trim(v);
    if (is_simple_key(p->pending_key)) {
        char *hash = strstr(val, " #");
        if (!hash && (hash = strstr(val, "\t#")) == NULL && val[0] == '#')
            hash = val;
        if (hash) {
            *hash = '\0';
            val = trim(val);
        }
    }
    int rc;
    if (p->cur)
        rc = apply_key(p, p->pending_line, p->pending_key, val);
    else if (!strncmp(p->pending_key, "let ", 4)) {
        char *name = trim(p->pending_key + 4);
        for (const char *c = name; *c; c++)
            if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-') {
                free(v);
                return perr(p, p->pending_line, "bad macro name '%s'", name);
            }
        p->macros = xrealloc(p->macros, (p->nmacros + 1) * sizeof *p->macros);
        buf ex = BUF_INIT;
        rc = expand_macros(p, p->pending_line, val, &ex);
        p->macros[p->nmacros].name = xstrdup(name);
        p->macros[p->nmacros].value = buf_detach(&ex);
        if (!p->macros[p->nmacros].value)
            p->macros[p->nmacros].value = xstrdup("");
        p->nmacros++;
    } else
        rc = perr(p, p->pending_line, "key '%s' outside a rule block", p->pending_key);
    free(v);
    return rc;
}

static int parse_text(parser *p, char *text)
{
    long lineno = 0;
    char *save = NULL;
    int rc = 0;
    for (char *line = text;; line = NULL) {
        /* strsep-like split keeping empty lines */
        char *l = line ? line : save;
        if (!l)
            break;
        char *nl = strchr(l, '\n');
        if (nl) {
            *nl = '\0';
            save = nl + 1;
        } else {
            save = NULL;
        }
        lineno++;
        size_t len = strlen(l);
        if (len && l[len - 1] == '\r')
            l[--len] = '\0';
        if (l[0] == '#')
            continue;
        char *t = trim(l);
        if (!*t) {
            if ((rc = flush_pending(p)))
                return rc;
            continue;
        }
        if (l[0] == ' ' || l[0] == '\t') { /* continuation */
            if (!p->have_pending)
                return perr(p, lineno, "indented line continues nothing");
            if (!is_pattern_key(p->pending_key) && strncmp(p->pending_key, "match.", 6) &&
                strncmp(p->pending_key, "also.", 5) && strncmp(p->pending_key, "unless.", 7) &&
                strncmp(p->pending_key, "near.", 5) && strncmp(p->pending_key, "let ", 4) &&
                strncmp(p->pending_key, "offer.", 6) && strncmp(p->pending_key, "mention.", 8) &&
                strncmp(p->pending_key, "local.", 6))
                buf_putc(&p->pending, ' ');
            buf_puts(&p->pending, t);
            continue;
        }
        if ((rc = flush_pending(p)))
            return rc;
        if (t[0] == '[') {
            size_t k = strlen(t);
            if (t[k - 1] != ']')
                return perr(p, lineno, "bad block header '%s'", t);
            if (p->cur && (rc = finish_rule(p)))
                return rc;
            t[k - 1] = '\0';
            char *id = trim(t + 1);
            if (!valid_id(id))
                return cps_err_set(p->e, CPS_E_RULES, p->file, lineno,
                                   "rule %s: bad id (lower case letters, digits, '-' and "
                                   "at least one '.': <source>.<section>.<slug>)", id);
            for (size_t i = 0; i < p->n; i++)
                if (!strcmp(p->rules[i].id, id))
                    return cps_err_set(p->e, CPS_E_RULES, p->file, lineno,
                                       "rule %s: duplicate id (first at line %ld)", id,
                                       p->rules[i].line);
            if (p->n == p->cap) {
                p->cap = p->cap ? 2 * p->cap : 16;
                p->rules = xrealloc(p->rules, p->cap * sizeof *p->rules);
            }
            p->cur = &p->rules[p->n++];
            rule_init(p->cur);
            p->cur->id = xstrdup(id);
            p->cur->line = lineno;
            p->nseen = 0;
            continue;
        }
        char *eq = strchr(t, '=');
        if (!eq)
            return perr(p, lineno, "expected 'key = value' or '[rule.id]'");
        *eq = '\0';
        char *key = trim(t);
        if (!*key || strlen(key) >= sizeof p->pending_key)
            return perr(p, lineno, "bad key");
        if (!strncmp(key, "let ", 4) && p->cur && (rc = finish_rule(p)))
            return rc; /* a macro between rules ends the rule above it */
        snprintf(p->pending_key, sizeof p->pending_key, "%s", key);
        buf_truncate(&p->pending, 0);
        buf_puts(&p->pending, eq + 1);
        p->pending_line = lineno;
        p->have_pending = 1;
    }
    if ((rc = flush_pending(p)))
        return rc;
    if (p->cur)
        rc = finish_rule(p);
    return rc;
}

#define RULES_MAX_SIZE (16u * 1024 * 1024)

static int read_file(const char *path, buf *b, cps_err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return cps_err_set(e, CPS_E_IO, path, 0, "cannot open: %s", strerror(errno));
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_put(b, chunk, k);
        if (b->len > RULES_MAX_SIZE) {
            fclose(f);
            return cps_err_set(e, CPS_E_RULES, path, 0, "rules file too large");
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        return cps_err_set(e, CPS_E_IO, path, 0, "read error");
    return 0;
}

int ruleset_load_file(ruleset *rs, const char *path, const outline_spec *spec, cps_err *e)
{
    buf b = BUF_INIT;
    int rc = read_file(path, &b, e);
    if (rc == 0)
        rc = ruleset_load_buffer(rs, path, b.ptr ? b.ptr : "", b.len, spec, e);
    buf_free(&b);
    return rc;
}

int ruleset_load_buffer(ruleset *rs, const char *path, const char *data, size_t len,
                        const outline_spec *spec, cps_err *e)
{
    if (len > RULES_MAX_SIZE)
        return cps_err_set(e, CPS_E_RULES, path, 0, "rules file too large");
    if (memchr(data, '\0', len))
        return cps_err_set(e, CPS_E_RULES, path, 0, "rules file contains NUL bytes");
    char *text = xstrndup(data, len);
    int rc;
    parser p;
    memset(&p, 0, sizeof p);
    p.file = path;
    p.spec = spec;
    p.e = e;
    rc = parse_text(&p, text);
    if (rc == 0) {
        /* Duplicates across files loaded before. */
        for (size_t i = 0; i < p.n && rc == 0; i++) {
            const rule *old = ruleset_find(rs, p.rules[i].id);
            if (old)
                rc = cps_err_set(e, CPS_E_RULES, path, p.rules[i].line,
                                 "rule %s: duplicate id (also in %s:%ld)", p.rules[i].id,
                                 old->file, old->line);
        }
    }
    if (rc == 0 && p.n == 0)
        rc = cps_err_set(e, CPS_E_RULES, path, 0, "no rules in file");
    if (rc == 0) {
        rs->files = xrealloc(rs->files, (rs->nfiles + 1) * sizeof *rs->files);
        rs->files[rs->nfiles] = xstrdup(path);
        const char *fname = rs->files[rs->nfiles++];
        if (rs->n + p.n > rs->cap) {
            rs->cap = rs->n + p.n + 16;
            rs->rules = xrealloc(rs->rules, rs->cap * sizeof *rs->rules);
        }
        size_t first = rs->n;
        for (size_t i = 0; i < p.n; i++) {
            p.rules[i].file = fname;
            rs->rules[rs->n++] = p.rules[i];
        }
        ruleset_pf_update(rs, first);
    } else {
        for (size_t i = 0; i < p.n; i++)
            rule_free(&p.rules[i]);
    }
    free(p.rules);
    for (size_t i = 0; i < p.nmacros; i++) {
        free(p.macros[i].name);
        free(p.macros[i].value);
    }
    free(p.macros);
    buf_free(&p.pending);
    free(text);
    return rc;
}

int ruleset_load_named(ruleset *rs, const char *name, const char *data_dir,
                       const outline_spec *spec, cps_err *e)
{
    size_t k = strlen(name);
    if (strchr(name, '/') || (k > 6 && !strcmp(name + k - 6, ".rules")))
        return ruleset_load_file(rs, name, spec, e);
    for (const char *c = name; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
            return cps_err_set(e, CPS_E_USAGE, NULL, 0, "bad ruleset name '%s'", name);
    buf path = BUF_INIT;
    buf_printf(&path, "%s/rulesets/%s.rules", data_dir, name);
    int rc = ruleset_load_file(rs, buf_cstr(&path), spec, e);
    buf_free(&path);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ruleset_load_all(ruleset *rs, const char *data_dir, const outline_spec *spec, cps_err *e)
{
    buf dirp = BUF_INIT;
    buf_printf(&dirp, "%s/rulesets", data_dir);
    DIR *d = opendir(buf_cstr(&dirp));
    if (!d) {
        int rc = cps_err_set(e, CPS_E_IO, buf_cstr(&dirp), 0, "cannot open: %s", strerror(errno));
        buf_free(&dirp);
        return rc;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t k = strlen(de->d_name);
        if (k > 6 && !strcmp(de->d_name + k - 6, ".rules") && de->d_name[0] != '.')
            strv_push(&names, &n, de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    if (n == 0)
        rc = cps_err_set(e, CPS_E_RULES, buf_cstr(&dirp), 0, "no *.rules files");
    for (size_t i = 0; i < n && rc == 0; i++) {
        buf path = BUF_INIT;
        buf_printf(&path, "%s/%s", buf_cstr(&dirp), names[i]);
        rc = ruleset_load_file(rs, buf_cstr(&path), spec, e);
        buf_free(&path);
    }
    strv_free(names, n);
    buf_free(&dirp);
    return rc;
}

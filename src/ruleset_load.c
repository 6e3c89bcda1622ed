/* ruleset_load.c — rules files into a ruleset: the text through ini.h,
 * each `[id]` a rule, each key applied by ruleset_keys.c, each complete
 * rule checked against its kind's row of the kind table (check.h: the
 * keys it takes and needs, its validate hook) and for its examples. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "ruleset_internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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

/* ---- a complete rule ------------------------------------------------------ */

/* Keys only some kinds take, in the order they are judged: "'near' is for
 * limit rules", the kinds named from the kind table. */
static const struct {
    unsigned key;
    const char *what;    /* "'near' is" */
    const char *more;    /* after "rules" */
} kind_keys[] = {
    {RULE_KEY_NEAR, "'near' is", ""},
    {RULE_KEY_SCHEDULE, "'max'/'min' are", ""},
    {RULE_KEY_SPAN, "'span' is", ""},
    {RULE_KEY_SUBJECT, "'subject' is", ""},
    {RULE_KEY_ALSO_WINS, "'also-wins' is", ""},
    {RULE_KEY_HEADINGS_YES, "'headings = yes' is", ""},
    {RULE_KEY_HEADINGS_NO, "'headings = no' is",
     " (require rules never read headings unless 'headings = yes')"},
    {RULE_KEY_READING, "'scope-strict' and 'also-in' are", ""},
    {RULE_KEY_MIN_VERSION, "'min-version' is", ""},
    {RULE_KEY_STANCE, "'offer', 'mention' and 'local' are", ""},
};

/* The RULE_KEY_* bits of what r was given. */
static unsigned keys_given(const rule *r)
{
    unsigned k = 0;
    k |= r->match.n ? RULE_KEY_MATCH : 0;
    k |= r->nscope ? RULE_KEY_SCOPE : 0;
    k |= r->near.n ? RULE_KEY_NEAR : 0;
    k |= r->nsteps ? RULE_KEY_SCHEDULE : 0;
    k |= r->span_section ? RULE_KEY_SPAN : 0;
    k |= r->subject ? RULE_KEY_SUBJECT : 0;
    k |= r->also_wins ? RULE_KEY_ALSO_WINS : 0;
    k |= r->in_headings > 0 ? RULE_KEY_HEADINGS_YES : 0;
    k |= r->in_headings < 0 ? RULE_KEY_HEADINGS_NO : 0;
    k |= r->scope_strict || r->also_clause ? RULE_KEY_READING : 0;
    k |= r->nversions ? RULE_KEY_MIN_VERSION : 0;
    k |= r->offer.n || r->mention.n || r->local.n ? RULE_KEY_STANCE : 0;
    return k;
}

/* "limit and forbid": the kinds whose row takes key. */
static void kinds_taking(buf *b, unsigned key)
{
    size_t n = 0, total = 0;
    for (rule_kind k = 1; k <= check_kind_count(); k++)
        total += (check_kind(k)->takes & key) != 0;
    for (rule_kind k = 1; k <= check_kind_count(); k++)
        if (check_kind(k)->takes & key) {
            n++;
            buf_printf(b, "%s%s", n == 1 ? "" : n == total ? " and " : ", ", check_kind(k)->name);
        }
}

/* What the kind table says of r's keys. */
static int check_kind_keys(rs_parser *p, const rule *r, const check_kind_info *k)
{
    unsigned given = keys_given(r);
    for (size_t i = 0; i < COUNT(kind_keys); i++) {
        if (!(given & kind_keys[i].key) || (k->takes & kind_keys[i].key))
            continue;
        buf names = BUF_INIT;
        kinds_taking(&names, kind_keys[i].key);
        int rc = rs_perr(p, r->line, "%s for %s rules%s", kind_keys[i].what, buf_cstr(&names),
                         kind_keys[i].more);
        buf_free(&names);
        return rc;
    }
    if (r->also_clause && !r->also.n)
        return rs_perr(p, r->line, "'also-in' needs 'also' patterns");
    if (r->max_age && r->check != CHECK_ANNUAL_UPDATE)
        return rs_perr(p, r->line, "'max-age' is for 'check = annual-update'");
    if (r->span_section && (given & RULE_KEY_STANCE))
        return rs_perr(p, r->line, "'offer', 'mention' and 'local' do not work with 'span = section'");
    unsigned missing = k->needs & ~given;
    if (missing & RULE_KEY_SCHEDULE)
        return rs_perr(p, r->line, "a %s rule needs a 'max' or 'min' schedule", k->name);
    if (missing & RULE_KEY_NEAR)
        return rs_perr(p, r->line, "a %s rule needs at least one 'near' cue", k->name);
    if (missing & RULE_KEY_MIN_VERSION)
        return rs_perr(p, r->line, "a %s rule needs a 'min-version' schedule", k->name);
    if (missing & RULE_KEY_MATCH)
        return rs_perr(p, r->line, "a %s rule needs at least one 'match'", k->name);
    if (missing & RULE_KEY_SCOPE)
        return rs_perr(p, r->line, "missing key 'scope'");
    return 0;
}

/* The keys every rule has, and its dates in order. */
static int check_common(rs_parser *p, rule *r)
{
    long line = r->line;
    if (!r->kind)
        return rs_perr(p, line, "missing key 'kind'");
    if (!r->severity)
        return rs_perr(p, line, "missing key 'severity'");
    if (!r->message)
        return rs_perr(p, line, "missing key 'message'");
    if (!r->cite)
        return rs_perr(p, line, "missing key 'cite'");
    if (!r->title)
        r->title = xstrdup(r->message);
    if (r->effective != DATE_NONE && r->until != DATE_NONE && r->until <= r->effective)
        return rs_perr(p, line, "until (exclusive) must be after effective");
    if (r->doc_from != DATE_NONE && r->doc_until != DATE_NONE && r->doc_until <= r->doc_from)
        return rs_perr(p, line, "doc-dated-until must be after doc-dated-from");
    if (r->adopted != DATE_NONE && r->effective != DATE_NONE && r->adopted > r->effective)
        return rs_perr(p, line, "adopted must not be after effective");
    for (size_t i = 0; i < r->nsec_from; i++) {
        const section_date *sd = &r->sec_from[i];
        if (r->effective != DATE_NONE && sd->from <= r->effective)
            return rs_perr(p, line, "effective.%s must be after effective", sd->number);
        if (r->until != DATE_NONE && sd->from >= r->until)
            return rs_perr(p, line, "effective.%s must be before until", sd->number);
        int in = r->nscope == 0; /* no scope: the whole document */
        for (size_t k = 0; k < r->nscope; k++)
            in |= !strcmp(r->scope[k], "doc") || outline_number_within(sd->number, r->scope[k]);
        if (!in)
            return rs_perr(p, line, "effective.%s: the section is not in the rule's scope",
                           sd->number);
    }
    return 0;
}

/* A limit rule has an example.bad@D for every dated step D (the test runs
 * it as of D-1, D and D+1); then at least one bad and one good example, in
 * every language claimed. */
static int check_examples(rs_parser *p, const rule *r)
{
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
            return rs_perr(p, r->line, "a limit rule needs an example.%s@%s for its step from %s",
                           want_bad ? "bad" : "good", d, d);
        }
    }
    int nbad = 0, ngood = 0;
    for (size_t i = 0; i < r->nexamples; i++) {
        nbad += r->examples[i].bad;
        ngood += !r->examples[i].bad;
    }
    if (!nbad || !ngood)
        return rs_perr(p, r->line, "a rule needs an example.bad and an example.good");
    for (size_t i = 0; i < r->nexamples; i++) {
        int has_bad = 0, has_good = 0;
        for (size_t j = 0; j < r->nexamples; j++) {
            if (strcmp(r->examples[j].lang, r->examples[i].lang))
                continue;
            has_bad |= r->examples[j].bad;
            has_good |= !r->examples[j].bad;
        }
        if (!has_bad || !has_good)
            return rs_perr(p, r->examples[i].line, "language '%s' has an example.%s but no example.%s",
                           r->examples[i].lang, has_bad ? "bad" : "good", has_bad ? "good" : "bad");
    }
    return 0;
}

/* Checks once a block is complete. */
static int finish_rule(rs_parser *p)
{
    rule *r = p->cur;
    int rc = check_common(p, r);
    if (rc)
        return rc;
    const check_kind_info *k = check_kind(r->kind);
    if ((rc = check_kind_keys(p, r, k)))
        return rc;
    char msg[512];
    if (k->validate && k->validate(r, msg, sizeof msg) < 0)
        return rs_perr(p, r->line, "%s", msg);
    if (!r->nscope)
        rs_strv_push(&r->scope, &r->nscope, "doc");
    if (!r->example_section[0]) {
        const char *first = r->scope[0];
        snprintf(r->example_section, sizeof r->example_section, "%s",
                 strcmp(first, "doc") ? first : "1.1");
    }
    if (k->examples && (rc = check_examples(p, r)))
        return rc;
    p->cur = NULL;
    return 0;
}

/* ---- the ini.h callbacks -------------------------------------------------- */

static int on_error(void *ctx, long line, const char *msg)
{
    return rs_perr(ctx, line, "%s", msg);
}

static int on_section(void *ctx, char *id, long line)
{
    rs_parser *p = ctx;
    int rc;
    if (p->cur && (rc = finish_rule(p)))
        return rc;
    if (!valid_id(id))
        return cps_err_set(p->e, CPS_E_RULES, p->file, line,
                           "rule %s: bad id (lower case letters, digits, '-' and "
                           "at least one '.': <source>.<section>.<slug>)", id);
    for (size_t i = 0; i < p->n; i++)
        if (!strcmp(p->rules[i].id, id))
            return cps_err_set(p->e, CPS_E_RULES, p->file, line,
                               "rule %s: duplicate id (first at line %ld)", id, p->rules[i].line);
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 16;
        p->rules = xrealloc(p->rules, p->cap * sizeof *p->rules);
    }
    p->cur = &p->rules[p->n++];
    rs_rule_init(p->cur);
    p->cur->id = xstrdup(id);
    p->cur->line = line;
    p->nseen = 0;
    return 0;
}

static int on_key(void *ctx, const char *key, char *value, long line)
{
    rs_parser *p = ctx;
    int rc;
    if (!strncmp(key, "let ", 4)) {
        /* a macro between rules ends the rule above it */
        if (p->cur && (rc = finish_rule(p)))
            return rc;
        char name[INI_KEY_MAX];
        snprintf(name, sizeof name, "%s", key + 4);
        return rs_define_macro(p, line, ini_trim(name), value);
    }
    if (!p->cur)
        return rs_perr(p, line, "key '%s' outside a rule block", key);
    return rs_apply_key(p, line, key, value);
}

static int parse_text(rs_parser *p, char *text)
{
    ini_handler h = {p, on_section, on_key, rs_key_flags, on_error, "[rule.id]"};
    int rc = ini_parse(text, &h);
    if (rc == 0 && p->cur)
        rc = finish_rule(p);
    return rc;
}

/* ---- loading -------------------------------------------------------------- */

#define RULES_MAX_SIZE (16u * 1024 * 1024)

int ruleset_load_file(ruleset *rs, const char *path, const outline_spec *spec, cps_err *e)
{
    buf b = BUF_INIT;
    int rc = ini_read_file(path, "rules file", RULES_MAX_SIZE, &b, e);
    if (rc == 0)
        rc = ruleset_load_buffer(rs, path, b.ptr ? b.ptr : "", b.len, spec, e);
    buf_free(&b);
    return rc;
}

/* p's rules into rs (they are rs's then), or an error for a rule whose id
 * a file loaded before has. */
static int adopt_rules(ruleset *rs, rs_parser *p, const char *path, cps_err *e)
{
    for (size_t i = 0; i < p->n; i++) {
        const rule *old = ruleset_find(rs, p->rules[i].id);
        if (old)
            return cps_err_set(e, CPS_E_RULES, path, p->rules[i].line,
                               "rule %s: duplicate id (also in %s:%ld)", p->rules[i].id,
                               old->file, old->line);
    }
    if (p->n == 0)
        return cps_err_set(e, CPS_E_RULES, path, 0, "no rules in file");
    rs->files = xrealloc(rs->files, (rs->nfiles + 1) * sizeof *rs->files);
    rs->files[rs->nfiles] = xstrdup(path);
    const char *fname = rs->files[rs->nfiles++];
    if (rs->n + p->n > rs->cap) {
        rs->cap = rs->n + p->n + 16;
        rs->rules = xrealloc(rs->rules, rs->cap * sizeof *rs->rules);
    }
    size_t first = rs->n;
    for (size_t i = 0; i < p->n; i++) {
        p->rules[i].file = fname;
        rs->rules[rs->n++] = p->rules[i];
    }
    p->n = 0;
    rs_pf_update(rs, first);
    return 0;
}

int ruleset_load_buffer(ruleset *rs, const char *path, const char *data, size_t len,
                        const outline_spec *spec, cps_err *e)
{
    int rc = ini_check_bytes(path, "rules file", data, len, RULES_MAX_SIZE, e);
    if (rc)
        return rc;
    char *text = xstrndup(data, len);
    rs_parser p;
    memset(&p, 0, sizeof p);
    p.file = path;
    p.spec = spec;
    p.e = e;
    rc = parse_text(&p, text);
    if (rc == 0)
        rc = adopt_rules(rs, &p, path, e);
    for (size_t i = 0; i < p.n; i++)
        rs_rule_free(&p.rules[i]);
    free(p.rules);
    rs_parser_free(&p);
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

int ruleset_names(const char *data_dir, char ***names, size_t *n, cps_err *e)
{
    *names = NULL;
    *n = 0;
    buf dirp = BUF_INIT;
    buf_printf(&dirp, "%s/rulesets", data_dir);
    DIR *d = opendir(buf_cstr(&dirp));
    if (!d) {
        int rc = cps_err_set(e, CPS_E_IO, buf_cstr(&dirp), 0, "cannot open: %s", strerror(errno));
        buf_free(&dirp);
        return rc;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t k = strlen(de->d_name);
        if (k > 6 && !strcmp(de->d_name + k - 6, ".rules") && de->d_name[0] != '.') {
            rs_strv_push(names, n, de->d_name);
            (*names)[*n - 1][k - 6] = '\0';
        }
    }
    closedir(d);
    qsort(*names, *n, sizeof **names, cmp_str);
    int rc = 0;
    if (*n == 0)
        rc = cps_err_set(e, CPS_E_RULES, buf_cstr(&dirp), 0, "no *.rules files");
    buf_free(&dirp);
    return rc;
}

int ruleset_load_all(ruleset *rs, const char *data_dir, const outline_spec *spec, cps_err *e)
{
    char **names;
    size_t n;
    int rc = ruleset_names(data_dir, &names, &n, e);
    for (size_t i = 0; i < n && rc == 0; i++) {
        buf path = BUF_INIT;
        buf_printf(&path, "%s/rulesets/%s.rules", data_dir, names[i]);
        rc = ruleset_load_file(rs, buf_cstr(&path), spec, e);
        buf_free(&path);
    }
    rs_strv_free(names, n);
    return rc;
}

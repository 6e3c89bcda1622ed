/* outline_spec.c — the expected outline (rulesets/rfc3647.outline) and
 * section numbers: loading, comparing, parsing "1.5.2", "1.5.2.Title",
 * "IV.9.3" (outline.h). */
#include "outline.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

/* ---- the expected outline ------------------------------------------------ */

static char *trim_dup(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return xstrndup(s, n);
}

static int valid_number(const char *s)
{
    if (!*s || strlen(s) >= OUTLINE_NUM_MAX)
        return 0;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return 0;
        while (isdigit((unsigned char)p[1]))
            p++;
        if (p[1] == '.' && isdigit((unsigned char)p[2]))
            p++;
        else if (p[1])
            return 0;
    }
    return 1;
}

int outline_number_level(const char *number)
{
    int n = 1;
    for (; *number; number++)
        n += *number == '.';
    return n;
}

void outline_spec_free(outline_spec *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->e[i].title);
        free(s->e[i].title_br);
        for (size_t j = 0; j < s->e[i].nfr; j++)
            free(s->e[i].titles_fr[j]);
        free(s->e[i].titles_fr);
    }
    free(s->e);
    s->e = NULL;
    s->n = 0;
}

int outline_spec_load(const char *path, outline_spec *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f)
        return cps_err_set(e, CPS_E_IO, path, 0, "%s", strerror(errno));
    char *line = NULL;
    size_t cap = 0, alloc = 0;
    long lineno = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        char *field[4] = {0};
        int nf = 0;
        char *p = line;
        while (nf < 4) {
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf != 4) {
            rc = cps_err_set(e, CPS_E_RULES, path, lineno,
                             "expected 4 tab-separated fields (number, title, BR title, French titles)");
            break;
        }
        if (!valid_number(field[0])) {
            rc = cps_err_set(e, CPS_E_RULES, path, lineno, "invalid section number '%s'", field[0]);
            break;
        }
        if (outline_spec_find(out, field[0]) >= 0) {
            rc = cps_err_set(e, CPS_E_RULES, path, lineno, "section %s listed twice", field[0]);
            break;
        }
        if (out->n == alloc) {
            alloc = alloc ? alloc * 2 : 512;
            out->e = xrealloc(out->e, alloc * sizeof *out->e);
        }
        outline_entry *en = &out->e[out->n++];
        memset(en, 0, sizeof *en);
        snprintf(en->number, sizeof en->number, "%s", field[0]);
        en->level = outline_number_level(en->number);
        en->title = trim_dup(field[1], strlen(field[1]));
        if (strcmp(field[2], "-") != 0)
            en->title_br = trim_dup(field[2], strlen(field[2]));
        if (strcmp(field[3], "-") != 0) {
            for (char *q = field[3]; q;) {
                char *bar = strchr(q, '|');
                size_t n = bar ? (size_t)(bar - q) : strlen(q);
                en->titles_fr = xrealloc(en->titles_fr, (en->nfr + 1) * sizeof *en->titles_fr);
                en->titles_fr[en->nfr++] = trim_dup(q, n);
                q = bar ? bar + 1 : NULL;
            }
        }
    }
    if (!rc && ferror(f))
        rc = cps_err_set(e, CPS_E_IO, path, 0, "read error");
    if (!rc && out->n == 0)
        rc = cps_err_set(e, CPS_E_RULES, path, 0, "no sections in the outline file");
    free(line);
    fclose(f);
    if (rc)
        outline_spec_free(out);
    return rc;
}

int outline_spec_find(const outline_spec *s, const char *number)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->e[i].number[0] == number[0] && strcmp(s->e[i].number, number) == 0)
            return (int)i;
    return -1;
}

/* ---- numbers ------------------------------------------------------------- */

/* strtoul(s, end, 10), without its locale and sign handling when s starts
 * with a short run of digits (a section number's component, the sort's
 * common case). */
static unsigned long number_part(const char *s, char **end)
{
    unsigned long v = 0;
    int k = 0;
    while (s[k] >= '0' && s[k] <= '9' && k < 18)
        v = v * 10 + (unsigned long)(s[k++] - '0');
    if (k == 0 || (s[k] >= '0' && s[k] <= '9'))
        return strtoul(s, end, 10);
    *end = (char *)s + k;
    return v;
}

int outline_number_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        char *ea, *eb;
        unsigned long x = number_part(a, &ea), y = number_part(b, &eb);
        if (x != y)
            return x < y ? -1 : 1;
        a = *ea == '.' ? ea + 1 : ea;
        b = *eb == '.' ? eb + 1 : eb;
        if (ea == a && eb == b)
            break;
    }
    if (!*a && !*b)
        return 0;
    return !*a ? -1 : 1;
}

int outline_number_within(const char *number, const char *scope)
{
    size_t n = strlen(scope);
    return strncmp(number, scope, n) == 0 && (number[n] == '\0' || number[n] == '.');
}

/* Length of a separator (space, NBSP, other Unicode spaces, dashes, colon)
 * at s, 0 if none. */
static size_t sep_len(const unsigned char *s, size_t n)
{
    if (!n)
        return 0;
    if (*s == ' ' || *s == '\t' || *s == ':' || *s == '-' || *s == ')')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0x93 || s[2] == 0x94 || s[2] == 0xAF))
        return 3; /* U+2000-200B spaces, en/em dash, U+202F */
    return 0;
}

static size_t skip_seps(const unsigned char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && (k = sep_len(s + i, n - i)))
        i += k;
    return i;
}

static int roman_value(const unsigned char *s, size_t n, size_t *used)
{
    static const char *const r[] = {"VIII", "VII", "III", "IX", "VI", "IV", "II", "V", "I"};
    static const int v[] = {8, 7, 3, 9, 6, 4, 2, 5, 1};
    if (!n || (s[0] != 'I' && s[0] != 'V'))
        return 0;
    for (int i = 0; i < 9; i++) {
        size_t l = strlen(r[i]);
        if (l <= n && memcmp(s, r[i], l) == 0 && (l == n || !isalpha(s[l]))) {
            *used = l;
            return v[i];
        }
    }
    return 0;
}

/* An upper-case letter at s: ASCII, or Latin-1 capitals (U+00C0-U+00DE). */
static int upper_at(const unsigned char *s, size_t n)
{
    if (isupper(s[0]))
        return 1;
    return n >= 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97;
}

size_t outline_parse_number(const char *str, size_t n, char out[OUTLINE_NUM_MAX])
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = skip_seps(s, n);
    out[0] = '\0';
    if (i + 2 <= n && s[i] == 0xC2 && s[i + 1] == 0xA7) /* § */
        i = i + 2 + skip_seps(s + i + 2, n - i - 2);
    static const struct { const char *w; size_t l; } prefix[] = {
        {"section", 7}, {"chapter", 7}, {"chapitre", 8}, {"article", 7}, {"paragraphe", 10},
        {"art.", 4}, {"chap.", 5}, {"sect.", 5}}; /* "Art. 4.9.3", "Chap. 4", "Sect. 1.5.2" */
    for (size_t k = 0; i < n && k < sizeof prefix / sizeof *prefix; k++) {
        size_t l = prefix[k].l;
        if ((s[i] | 0x20) == prefix[k].w[0] && i + l < n &&
            strncasecmp((const char *)s + i, prefix[k].w, l) == 0 && sep_len(s + i + l, n - i - l)) {
            i += l + skip_seps(s + i + l, n - i - l);
            break;
        }
    }
    char num[OUTLINE_NUM_MAX];
    size_t o = 0;
    int comps = 0;
    size_t used;
    int rv = roman_value(s + i, n - i, &used);
    if (rv && i + used < n && (s[i + used] == '.' || s[i + used] == '-' || s[i + used] == ' ')) {
        o = (size_t)snprintf(num, sizeof num, "%d", rv);
        i += used;
        comps = 1;
        /* a Roman chapter alone must be followed by "." or "-" then a title */
        if (!(i < n && s[i] == '.' && i + 1 < n && isdigit(s[i + 1])) && s[i] == ' ')
            return 0;
        if (i < n && s[i] == '.' && i + 1 < n && isdigit(s[i + 1]))
            i++;
        else
            goto done;
    }
    for (;;) {
        size_t st = i;
        unsigned long v = 0;
        while (i < n && isdigit(s[i]) && i - st < 4)
            v = v * 10 + (unsigned long)(s[i++] - '0');
        if (i == st || (i < n && isdigit(s[i])))
            return 0;
        if (v == 0 || v > 99 || (comps == 0 && v > 20))
            return 0;
        int k = snprintf(num + o, sizeof num - o, comps ? ".%lu" : "%lu", v);
        if (k < 0 || (size_t)k >= sizeof num - o)
            return 0;
        o += (size_t)k;
        comps++;
        if (i + 1 < n && s[i] == '.' && isdigit(s[i + 1]) && comps < 8) {
            i++;
            continue;
        }
        break;
    }
done:;
    int dot = i < n && s[i] == '.';
    if (dot)
        i++;
    /* "1.5.2.Contact Person", "1.5.2Contact", "1.INTRODUCTION": a title
     * glued to its number, when the number cannot be anything else (a
     * trailing dot or two components) and the title starts with a capital */
    if (i < n && (dot || comps >= 2) && !rv && upper_at(s + i, n - i)) {
        memcpy(out, num, o + 1);
        return i;
    }
    if (i < n) {
        if (isalnum(s[i]) || s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == '%')
            return 0;
        size_t k = skip_seps(s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    memcpy(out, num, o + 1);
    return i;
}

const char *outline_status_name(section_status st)
{
    switch (st) {
    case SEC_FOUND: return "found";
    case SEC_MISSING: return "missing";
    case SEC_EXTRA: return "extra";
    case SEC_DUPLICATE: return "duplicate";
    case SEC_OUT_OF_ORDER: return "out-of-order";
    }
    return "?";
}


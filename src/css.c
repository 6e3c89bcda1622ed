/* css.c — inline style declarations. Contract in css.h. */
#include "css.h"

#include <string.h>
#include <strings.h>

enum { P_DISPLAY, P_VISIBILITY, P_WEIGHT, P_COUNT };

/* The winning value of one property so far: the keywords compared are
 * short, so a value is kept only up to 15 bytes (a longer one matches
 * none of them). */
typedef struct decl_val {
    char v[16];
    int important;
    int set;
} decl_val;

static int css_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
    while (*n && css_space((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && css_space((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static int value_is(const decl_val *d, const char *want)
{
    return d->set && strcasecmp(d->v, want) == 0;
}

/* One declaration s[0..n), comments already replaced by spaces. */
static void declaration(const char *s, size_t n, decl_val *vals)
{
    const char *colon = memchr(s, ':', n);
    if (!colon)
        return;
    const char *p = s;
    size_t pn = (size_t)(colon - s);
    trim(&p, &pn);
    const char *v = colon + 1;
    size_t vn = (size_t)(s + n - v);
    trim(&v, &vn);
    int important = 0;
    const char *bang = vn ? memchr(v, '!', vn) : NULL;
    if (bang) {
        const char *w = bang + 1;
        size_t wn = (size_t)(v + vn - w);
        trim(&w, &wn);
        if (wn != 9 || strncasecmp(w, "important", 9) != 0)
            return; /* "!" followed by anything else: an invalid declaration */
        important = 1;
        vn = (size_t)(bang - v);
        trim(&v, &vn);
    }
    if (vn == 0)
        return;
    int which = -1;
    if (pn == 7 && strncasecmp(p, "display", 7) == 0)
        which = P_DISPLAY;
    else if (pn == 10 && strncasecmp(p, "visibility", 10) == 0)
        which = P_VISIBILITY;
    else if (pn == 11 && strncasecmp(p, "font-weight", 11) == 0)
        which = P_WEIGHT;
    if (which < 0)
        return;
    decl_val *d = &vals[which];
    if (d->set && d->important && !important)
        return;
    if (vn >= sizeof d->v) {
        d->v[0] = '\x01'; /* matches no keyword */
        d->v[1] = '\0';
    } else {
        memcpy(d->v, v, vn);
        d->v[vn] = '\0';
    }
    d->important = important;
    d->set = 1;
}

unsigned css_inline_flags(const char *style)
{
    if (!style || !*style)
        return 0;
    decl_val vals[P_COUNT];
    memset(vals, 0, sizeof vals);
    char tmp[64]; /* a declaration of interest is short; longer ones are
                     not about display, visibility or weight keywords */
    size_t tn = 0;
    int overflow = 0, quote = 0, depth = 0;
    for (const char *s = style;; s++) {
        char c = *s;
        if (c == '/' && s[1] == '*' && !quote) {
            const char *end = strstr(s + 2, "*/");
            if (!end)
                c = '\0'; /* an unclosed comment runs to the end */
            else {
                s = end + 1;
                c = ' ';  /* a comment separates tokens */
            }
        }
        if (c == '\0' || (c == ';' && !quote && depth == 0)) {
            if (!overflow && tn)
                declaration(tmp, tn, vals);
            tn = 0;
            overflow = quote = depth = 0;
            if (c == '\0')
                break;
            continue;
        }
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        }
        if (tn < sizeof tmp)
            tmp[tn++] = c;
        else
            overflow = 1;
    }
    unsigned f = 0;
    if (value_is(&vals[P_DISPLAY], "none") || value_is(&vals[P_VISIBILITY], "hidden")
)
        f |= CSS_HIDDEN;
    const decl_val *w = &vals[P_WEIGHT];
    if (value_is(w, "bold") || value_is(w, "bolder") || value_is(w, "600") ||
        value_is(w, "700") || value_is(w, "800") || value_is(w, "900"))
        f |= CSS_BOLD;
    return f;
}

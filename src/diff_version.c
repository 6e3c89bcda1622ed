/* diff_version.c — version number, effective date and revision table of
 * two versions (diff_version.h). */
#include "diff_version.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Components of the first number in s: "v2.4" -> {2, 4}. Returns the count
 * (at most max), 0 if s holds no digit. */
static size_t version_parts(const char *s, unsigned long *part, size_t max)
{
    if (!s)
        return 0;
    while (*s && !isdigit((unsigned char)*s))
        s++;
    size_t n = 0;
    while (*s && isdigit((unsigned char)*s) && n < max) {
        unsigned long v = 0;
        while (isdigit((unsigned char)*s)) {
            if (v < 100000000UL)
                v = v * 10 + (unsigned long)(*s - '0');
            s++;
        }
        part[n++] = v;
        if (*s == '.' && isdigit((unsigned char)s[1]))
            s++;
        else
            break;
    }
    return n;
}

int diff_version_cmp(const char *a, const char *b)
{
    unsigned long pa[16], pb[16];
    size_t na = version_parts(a, pa, 16), nb = version_parts(b, pb, 16);
    if (!na || !nb)
        return 2;
    size_t n = na > nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        unsigned long x = i < na ? pa[i] : 0, y = i < nb ? pb[i] : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

/* A key equal for two versions exactly when they are the same version
 * (both none; else numerically equal, diff_version_cmp, when both have a
 * number; else the same string):
 * "N" and the numeric components without trailing zeros, "S" and the
 * string when it has no number, "" for none. Malloc'd. */
static char *version_key(const char *v)
{
    if (!v)
        return xstrdup("");
    unsigned long part[16];
    size_t n = version_parts(v, part, 16);
    buf b = BUF_INIT;
    if (!n) {
        buf_putc(&b, 'S');
        buf_puts(&b, v);
    } else {
        while (n > 1 && part[n - 1] == 0)
            n--;
        buf_putc(&b, 'N');
        for (size_t i = 0; i < n; i++)
            buf_printf(&b, "%s%lu", i ? "." : "", part[i]);
    }
    return buf_detach(&b);
}

typedef struct revkey {
    cps_date date;
    char *key;
} revkey;

static int revkey_cmp(const void *x, const void *y)
{
    const revkey *a = x, *b = y;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return strcmp(a->key, b->key);
}

void diff_versions(const doc_meta *old_m, const doc_meta *new_m, diff_versions_result *out)
{
    memset(out, 0, sizeof *out);
    out->old_version = old_m->version;
    out->new_version = new_m->version;
    out->old_date = old_m->date;
    out->new_date = new_m->date;
    out->version_cmp = diff_version_cmp(old_m->version, new_m->version);
    if (out->version_cmp != 2)
        out->version_cmp = -out->version_cmp; /* new relative to old */
    out->version_incremented = out->version_cmp == 1;
    out->date_advanced = old_m->date != DATE_NONE && new_m->date != DATE_NONE &&
                         new_m->date > old_m->date;
    out->new_has_table = new_m->revision_table != 0 || new_m->nrevs > 0;
    /* A dated row of the new table that the old table does not have and that
     * is newer than the old version (by date, else by version number). The
     * old rows are looked up sorted by (date, version key): tables of many
     * thousands of rows stay n log n. */
    revkey *ok = xmalloc((old_m->nrevs + 1) * sizeof *ok);
    for (size_t j = 0; j < old_m->nrevs; j++)
        ok[j] = (revkey){old_m->revs[j].date, version_key(old_m->revs[j].version)};
    qsort(ok, old_m->nrevs, sizeof *ok, revkey_cmp);
    for (size_t i = 0; i < new_m->nrevs; i++) {
        const revision *r = &new_m->revs[i];
        if (r->date == DATE_NONE)
            continue;
        revkey want = {r->date, version_key(r->version)};
        int known = old_m->nrevs &&
                    bsearch(&want, ok, old_m->nrevs, sizeof *ok, revkey_cmp) != NULL;
        free(want.key);
        if (known)
            continue;
        int newer;
        if (old_m->date != DATE_NONE)
            newer = r->date > old_m->date;
        else if (r->version && old_m->version && diff_version_cmp(r->version, old_m->version) != 2)
            newer = diff_version_cmp(r->version, old_m->version) > 0;
        else
            newer = 1;
        if (!newer)
            continue;
        if (!out->new_row || r->date >= out->new_row->date)
            out->new_row = r;
    }
    for (size_t j = 0; j < old_m->nrevs; j++)
        free(ok[j].key);
    free(ok);
    out->changelog_entry_added = out->new_row != NULL;
}

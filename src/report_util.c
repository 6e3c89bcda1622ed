/* report_util.c — what every writer shares: fingerprints, locations,
 * visibility and counts (see report.h). It calls no writer. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void report_fingerprint(const finding *f, char out[REPORT_FP_LEN])
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h = fnv(h, f->rule->id, strlen(f->rule->id) + 1);
    h = fnv(h, f->section, strlen(f->section) + 1);
    /* The match with whitespace runs collapsed and trimmed. */
    const char *m = f->match ? f->match : "";
    int space = 0, any = 0;
    for (; *m; m++) {
        if (*m == ' ' || *m == '\t' || *m == '\n' || *m == '\r') {
            space = any;
            continue;
        }
        if (space)
            h = fnv(h, " ", 1);
        space = 0;
        any = 1;
        h = fnv(h, m, 1);
    }
    /* FNV-1a alone leaves similar inputs with similar prefixes; a final
     * mix (MurmurHash3's fmix64) spreads them. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    snprintf(out, REPORT_FP_LEN, "%016llx", (unsigned long long)h);
}

const char *report_doc_file(const report_doc *d)
{
    if (d->file)
        return d->file;
    return d->a ? d->a->d.file : "-";
}

long report_finding_line(const report_doc *d, const finding *f)
{
    if (f->line > 0)
        return f->line;
    const outline *o = d->a ? &d->a->o : NULL;
    if (!o || !f->section[0])
        return 1;
    int si = outline_find(o, f->section);
    /* Sections are sorted by number, missing ones in their place: the
     * nearest earlier section with a known heading line is where the
     * missing one belongs after. */
    for (int i = si - 1; i >= 0; i--)
        if (o->secs[i].status != SEC_MISSING && o->secs[i].line > 0)
            return o->secs[i].line;
    return 1;
}

int report_shown(const report_doc *d, size_t i, const report_opts *o)
{
    return !o || (int)d->res->f[i].severity >= o->min_level;
}

const char *report_baselined(const report_doc *d, size_t i)
{
    return d->marks ? d->marks[i].reason : NULL;
}

int report_fails(const report_doc *d, size_t i, const report_opts *o)
{
    return o && o->fail_on > 0 && !report_baselined(d, i) &&
           (int)d->res->f[i].severity >= o->fail_on;
}

void report_count(const report_doc *docs, size_t n, const report_opts *o, report_counts *c)
{
    memset(c, 0, sizeof *c);
    for (size_t k = 0; k < n; k++) {
        const report_doc *d = &docs[k];
        if (!d->res) {
            c->unreadable++;
            continue;
        }
        for (size_t i = 0; i < d->res->nf; i++) {
            c->failing += report_fails(d, i, o);
            if (!report_shown(d, i, o)) {
                c->hidden++;
                continue;
            }
            if (report_baselined(d, i)) {
                c->baselined++;
                continue;
            }
            switch (d->res->f[i].severity) {
            case SEV_ERROR: c->errors++; break;
            case SEV_WARNING: c->warnings++; break;
            default: c->notices++; break;
            }
        }
    }
}

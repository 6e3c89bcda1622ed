/* report_util.c — what every writer shares: fingerprints, locations,
 * visibility, counts, flushing and spools (see report.h). It calls no
 * writer (scripts/module-cycles.py). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "report.h"

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* rule id, section and the match with whitespace runs collapsed and
 * trimmed, hashed on from h. */
static uint64_t fp_finding(uint64_t h, const finding *f)
{
    h = fnv(h, f->rule->id, strlen(f->rule->id) + 1);
    h = fnv(h, f->section, strlen(f->section) + 1);
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
    return h;
}

/* FNV-1a alone leaves similar inputs with similar prefixes; a final mix
 * (MurmurHash3's fmix64) spreads them. */
static void fp_out(uint64_t h, char out[REPORT_FP_LEN])
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    snprintf(out, REPORT_FP_LEN, "%016llx", (unsigned long long)h);
}

#define FNV_BASIS 0xcbf29ce484222325ULL

void report_fingerprint(const finding *f, char out[REPORT_FP_LEN])
{
    fp_out(fp_finding(FNV_BASIS, f), out);
}

void report_fingerprint_at(const char *path, const finding *f, unsigned occurrence,
                           char out[REPORT_FP_LEN])
{
    char n[16];
    int k = snprintf(n, sizeof n, "%u", occurrence);
    uint64_t h = fnv(FNV_BASIS, path, strlen(path) + 1);
    h = fnv(fp_finding(h, f), n, (size_t)k);
    fp_out(h, out);
}

size_t report_mark_span(const finding *f, size_t *ms, size_t *me)
{
    size_t n = f->snippet ? strlen(f->snippet) : 0;
    *ms = f->mark_start <= n ? f->mark_start : n;
    *me = f->mark_end <= n ? f->mark_end : n;
    return n;
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

const char *report_suppressed(const report_doc *d, size_t i)
{
    return d->res->f[i].suppressed;
}

int report_open(const report_doc *d, size_t i, const report_opts *o)
{
    return report_shown(d, i, o) && !report_baselined(d, i) && !report_suppressed(d, i);
}

int report_fails(const report_doc *d, size_t i, const report_opts *o)
{
    return o && o->fail_on > 0 && !report_baselined(d, i) && !report_suppressed(d, i) &&
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
            if (report_suppressed(d, i)) {
                c->suppressed++;
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

void report_each_rule_error(const report_doc *d,
                            void (*fn)(void *ctx, const rule *r, const char *message),
                            void *ctx)
{
    buf m = BUF_INIT;
    for (size_t k = 0; d->res && k < d->res->nitems; k++) {
        const check_item *it = &d->res->items[k];
        if (it->status != ST_ERROR)
            continue;
        buf_truncate(&m, 0);
        buf_printf(&m, "rule could not run: %s", it->note ? it->note : "");
        fn(ctx, it->rule, buf_cstr(&m));
    }
    buf_free(&m);
}

void report_flush(report_run *r)
{
    if (!r->sink || r->out.len == 0)
        return;
    r->sink(r->ctx, r->out.ptr, r->out.len);
    buf_truncate(&r->out, 0);
}

#define SPOOL_MEM (1024 * 1024)

/* The first n bytes of s's temporary file back into memory, the file
 * closed (a temporary file that fails is not the end of the report). */
static void spool_back(report_spool *s, long n)
{
    buf back = BUF_INIT;
    char chunk[65536];
    rewind(s->f);
    while (n > 0) {
        size_t k = fread(chunk, 1, (size_t)n < sizeof chunk ? (size_t)n : sizeof chunk, s->f);
        if (k == 0)
            break;
        buf_put(&back, chunk, k);
        n -= (long)k;
    }
    fclose(s->f);
    s->f = NULL;
    s->failed = 1;
    buf_free(&s->mem);
    s->mem = back;
}

void report_spool_put(report_spool *s, buf *b)
{
    if (!s->f && !s->failed && s->mem.len + b->len > SPOOL_MEM) {
        s->f = tmpfile();
        if (s->f && fwrite(s->mem.ptr, 1, s->mem.len, s->f) == s->mem.len) {
            buf_free(&s->mem);
        } else { /* no temporary file: memory keeps everything */
            if (s->f)
                fclose(s->f);
            s->f = NULL;
            s->failed = 1;
        }
    }
    if (s->f) {
        long before = ftell(s->f);
        if (fwrite(b->ptr, 1, b->len, s->f) != b->len)
            spool_back(s, before);
    }
    if (!s->f)
        buf_put(&s->mem, b->ptr, b->len);
    buf_truncate(b, 0);
}

void report_spool_copy(report_run *r, report_spool *s)
{
    if (s->f) {
        report_flush(r);
        rewind(s->f);
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, s->f)) > 0) {
            buf_put(&r->out, chunk, k);
            report_flush(r);
        }
        fclose(s->f);
        s->f = NULL;
    }
    if (s->mem.len)
        buf_put(&r->out, s->mem.ptr, s->mem.len);
    buf_free(&s->mem);
}


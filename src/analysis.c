#include "analysis.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "buf.h"
#include "input_formats.h"
#include "lang.h"

/* Language profiles need a sample, not the whole document: about
 * LANG_SAMPLE bytes of body text taken across the whole document (every
 * k-th block), so a document whose second half is in another language is
 * not judged by its first pages alone. */
#define LANG_SAMPLE (64u * 1024)
#define SECTION_LANG_SAMPLE (2u * 1024)

static void sample_text(const doc *d, const outline *o, size_t from, size_t to, size_t cap,
                        buf *out)
{
    for (size_t i = from; i < to && out->len < cap; i++) {
        if (o->roles[i] == ROLE_TOC || o->roles[i] == ROLE_REVISION)
            continue;
        buf_put(out, d->blocks[i].text, d->blocks[i].len);
        buf_putc(out, '\n');
    }
}

static void sample_across(const doc *d, const outline *o, size_t cap, buf *out)
{
    size_t total = 0;
    for (size_t i = 0; i < d->nblocks; i++)
        if (o->roles[i] != ROLE_TOC && o->roles[i] != ROLE_REVISION)
            total += d->blocks[i].len + 1;
    size_t stride = total > cap ? (total + cap - 1) / cap : 1;
    for (size_t i = 0; i < d->nblocks; i += stride) {
        if (o->roles[i] == ROLE_TOC || o->roles[i] == ROLE_REVISION)
            continue;
        buf_put(out, d->blocks[i].text, d->blocks[i].len);
        buf_putc(out, '\n');
    }
}

static int understand(analysis *a, const outline_spec *spec, cps_err *e);

/* e's message (from a module that does not know the file) prefixed with
 * the file's name; returns its code. */
static int named(const char *file, cps_err *e)
{
    char msg[sizeof e->msg];
    snprintf(msg, sizeof msg, "%s", e->msg);
    return cps_err_set(e, e->code, strcmp(file, "-") ? file : "<stdin>", 0, "%s", msg);
}

/* A lazily built part of the analysis failed (ICU): remember the first
 * failure; analysis_failed reports it and the document is an error. */
static void fault(analysis *a, const cps_err *e)
{
    if (a->fault.code)
        return;
    a->fault = *e;
    named(a->d.file ? a->d.file : "-", &a->fault);
}

int analysis_failed(const analysis *a, cps_err *e)
{
    if (!a->fault.code)
        return 0;
    if (e)
        *e = a->fault;
    return a->fault.code;
}

size_t analysis_default_memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
    unsigned long long cap = 4ull << 30;
    if (pages > 0 && psize > 0) {
        unsigned long long half = (unsigned long long)pages * (unsigned long long)psize / 2;
        if (half < cap)
            cap = half;
    }
    /* under ulimit -v the address space is the machine: half of it (the
     * other half is libraries, stacks and what is already allocated) */
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        (unsigned long long)rl.rlim_cur / 2 < cap)
        cap = (unsigned long long)rl.rlim_cur / 2;
    return (size_t)cap;
}

static size_t budget_of(const analysis_opts *opts)
{
    return opts && opts->max_memory ? opts->max_memory : analysis_default_memory();
}

/* Refuse, before parsing, a document whose estimated need (its format's,
 * input_formats.h) is over the budget. */
static int over_budget(const char *name, const char *t, size_t n, const input_format *f,
                       size_t budget, cps_err *e)
{
    unsigned long long need = f->need(t, n);
    if (need <= budget)
        return 0;
    return cps_err_set(e, CPS_E_LIMIT, strcmp(name, "-") ? name : "<stdin>", 0,
                       "%s of %zu bytes may need %llu MiB to check, over --max-memory (%zu MiB): "
                       "refused",
                       f->label, n, need >> 20, budget >> 20);
}

static void input_options(const analysis_opts *opts, input_opts *io)
{
    memset(io, 0, sizeof *io);
    io->keep_chrome = opts && opts->keep_chrome;
    io->max_size = opts && opts->max_size ? opts->max_size : SOURCE_DEFAULT_MAX_SIZE;
    io->max_memory = budget_of(opts);
    io->pdf_timeout = opts ? opts->pdf_timeout : 0;
}

/* The decoded source into a document by its format's reader: the format
 * forced by the caller, if any, else the one sniffed (input_formats.h). */
static int finish(analysis *a, const outline_spec *spec, const analysis_opts *opts, cps_err *e)
{
    int rc;
    input_opts io;
    input_options(opts, &io);
    if ((rc = text_init(e)) != 0) {
        doc_init(&a->d, a->src.name);
        return named(a->src.name, e);
    }
    const input_format *f = opts && opts->force
                                ? opts->force
                                : input_format_sniff(a->src.name, a->src.data, a->src.len);
    if (!f->parse_text) {
        /* a binary format's bytes go to its reader before decoding; these
         * are text */
        doc_init(&a->d, a->src.name);
        return cps_err_set(e, CPS_E_INPUT, a->src.name, 0, "not a %s file (no %s header)",
                           f->label, f->magic);
    }
    rc = over_budget(a->src.name, a->src.data, a->src.len, f, io.max_memory, e);
    if (rc) {
        doc_init(&a->d, a->src.name);
        return rc;
    }
    if ((rc = f->parse_text(&a->src, &io, &a->d, e)) != 0)
        return rc;
    snprintf(a->d.format, sizeof a->d.format, "%s", f->name);
    return understand(a, spec, e);
}

/* The document is built: outline, languages, metadata. */
static int understand(analysis *a, const outline_spec *spec, cps_err *e)
{
    int rc;
    /* ICU's normalizers loaded now: text_fold is called below by modules
     * that read a failure as "no match"; once loaded they cannot fail */
    if ((rc = text_init(e)) != 0)
        return named(a->d.file, e);
    if ((rc = outline_build(&a->d, spec, &a->o, e)) != 0)
        return rc;

    lang_primary(a->d.lang_attr, a->lang_declared);
    /* One detector for the document sample, every section and, later, the
     * blocks (opening an ICU break iterator per call was 13% of a run). */
    if ((rc = lang_detector_open(&a->langdet, e)) != 0)
        return named(a->d.file, e);
    buf sample = BUF_INIT;
    sample_across(&a->d, &a->o, LANG_SAMPLE, &sample);
    lang_guess g;
    rc = lang_detect_with(a->langdet, buf_cstr(&sample), sample.len, &g, e);
    buf_free(&sample);
    if (rc)
        return named(a->d.file, e);
    lang_decide(a->lang_declared, &g, a->lang);
    a->lang_confidence = g.confidence;
    meta_extract(&a->d, a->o.first_section_block, a->lang, &a->meta);
    /* a->folded is allocated on the first analysis_folded call: an
     * outline never needs it (40 bytes a block) */
    return 0;
}

void analysis_section_languages(analysis *a)
{
    if (a->section_langs_done)
        return;
    a->section_langs_done = 1;
    buf sample = BUF_INIT;
    for (size_t i = 0; i < a->o.n; i++) {
        section *s = &a->o.secs[i];
        if (s->status == SEC_MISSING)
            continue;
        buf_truncate(&sample, 0);
        sample_text(&a->d, &a->o, s->body_start, s->body_end, SECTION_LANG_SAMPLE, &sample);
        lang_guess sg;
        cps_err e;
        if (lang_detect_with(a->langdet, buf_cstr(&sample), sample.len, &sg, &e) != 0) {
            fault(a, &e);
            break;
        }
        char declared[12];
        lang_primary(a->d.blocks[s->heading_block].lang, declared);
        if (sg.words == 0 && !declared[0])
            continue; /* no text of its own: language unknown */
        lang_decide(declared[0] ? declared : a->lang, &sg, s->lang);
        if (strcmp(s->lang, "und") == 0)
            s->lang[0] = '\0';
    }
    buf_free(&sample);
}

static void prepare(analysis *a, const analysis_opts *opts)
{
    memset(a, 0, sizeof *a);
    (void)opts;
}

int analysis_run(const char *path, const outline_spec *spec, const analysis_opts *opts,
                 analysis *a, cps_err *e)
{
    /* read once, then everything (the PDF sniff included) works on the
     * bytes: a pipe or a FIFO cannot be read twice */
    size_t max = opts && opts->max_size ? opts->max_size : SOURCE_DEFAULT_MAX_SIZE;
    char *bytes;
    size_t n;
    int rc = source_read_raw(path, max, &bytes, &n, e);
    if (rc) {
        prepare(a, opts);
        return rc;
    }
    rc = analysis_run_bytes(path, (const unsigned char *)bytes, n, spec, opts, a, e);
    free(bytes);
    return rc;
}

int analysis_run_bytes(const char *name, const unsigned char *bytes, size_t n,
                       const outline_spec *spec, const analysis_opts *opts, analysis *a,
                       cps_err *e)
{
    prepare(a, opts);
    input_opts io;
    input_options(opts, &io);
    int rc;
    /* a binary format (forced, or its signature in the bytes) is read
     * from the bytes; a forced text format does not hide a signature */
    const input_format *f = NULL;
    if (n)
        f = opts && opts->force && opts->force->parse_bytes ? opts->force
                                                             : input_format_binary(name, bytes, n);
    if (f) {
        if (n > io.max_size) {
            rc = cps_err_set(e, CPS_E_INPUT, strcmp(name, "-") ? name : "<stdin>", 0,
                             "input is larger than %zu bytes (--max-size)", io.max_size);
        } else if ((rc = over_budget(name, (const char *)bytes, n, f, io.max_memory, e))) {
            doc_init(&a->d, name);
        } else {
            rc = f->parse_bytes(name, bytes, n, &io, &a->d, e);
            if (!rc) {
                snprintf(a->d.format, sizeof a->d.format, "%s", f->name);
                rc = understand(a, spec, e);
            }
        }
    } else {
        rc = source_from_bytes(name, bytes, n, io.max_size, &a->src, e);
        if (!rc)
            rc = finish(a, spec, opts, e);
    }
    if (rc)
        analysis_free(a);
    return rc;
}

const text_map *analysis_folded(analysis *a, size_t i)
{
    if (i >= a->d.nblocks)
        return NULL;
    if (!a->folded)
        a->folded = xcalloc(a->d.nblocks, sizeof *a->folded);
    text_map *m = &a->folded[i];
    cps_err e;
    if (!m->s &&
        text_fold_in(&a->fold_arena, a->d.blocks[i].text, a->d.blocks[i].len, m, &e) != 0) {
        /* ICU failed: the document is an error (analysis_failed); the
         * caller goes on with an empty text, which is never reported */
        fault(a, &e);
        (void)text_fold_in(&a->fold_arena, "", 0, m, NULL); /* no ICU: never fails */
    }
    return m;
}

lang_guess analysis_block_guess(analysis *a, size_t i)
{
    if (i >= a->d.nblocks) {
        lang_guess g;
        memset(&g, 0, sizeof g);
        strcpy(g.code, "und");
        return g;
    }
    if (!a->guess)
        a->guess = xcalloc(a->d.nblocks, sizeof *a->guess);
    lang_guess *g = &a->guess[i];
    cps_err e;
    if (!g->code[0] && /* a built guess always has a code ("und" at least) */
        lang_detect_with(a->langdet, a->d.blocks[i].text, a->d.blocks[i].len, g, &e) != 0)
        fault(a, &e);
    return *g;
}

void analysis_free(analysis *a)
{
    free(a->guess);
    lang_detector_free(a->langdet);
    free(a->folded); /* the maps live in fold_arena */
    text_arena_free(&a->fold_arena);
    meta_free(&a->meta);
    outline_free(&a->o);
    doc_free(&a->d);
    source_free(&a->src);
    memset(a, 0, sizeof *a);
}

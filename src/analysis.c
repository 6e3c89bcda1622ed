#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "lang.h"

/* Language profiles need a sample, not the whole document: the first
 * LANG_SAMPLE bytes of body text decide. */
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

static int finish(analysis *a, const outline_spec *spec, const analysis_opts *opts, cps_err *e)
{
    int rc;
    switch (a->src.format) {
    case SOURCE_FMT_HTML:
    case SOURCE_FMT_XHTML:
        rc = html_parse(&a->src, opts && opts->keep_chrome, &a->d, e);
        break;
    case SOURCE_FMT_MARKDOWN:
        doc_init(&a->d, a->src.name);
        rc = cps_err_set(e, CPS_E_INPUT, a->src.name, 0,
                         "Markdown input is not supported yet; give the HTML rendering");
        break;
    case SOURCE_FMT_PDF:
        doc_init(&a->d, a->src.name);
        rc = cps_err_set(e, CPS_E_INPUT, a->src.name, 0,
                         "PDF input is not supported yet; give the HTML version");
        break;
    default:
        doc_init(&a->d, a->src.name);
        rc = cps_err_set(e, CPS_E_INPUT, a->src.name, 0, "unknown input format");
        break;
    }
    if (rc)
        return rc;
    if ((rc = outline_build(&a->d, spec, &a->o, e)) != 0)
        return rc;

    lang_primary(a->d.lang_attr, a->lang_declared);
    buf sample = BUF_INIT;
    sample_text(&a->d, &a->o, 0, a->d.nblocks, LANG_SAMPLE, &sample);
    lang_guess g = lang_detect(buf_cstr(&sample), sample.len);
    lang_decide(a->lang_declared, &g, a->lang);
    for (size_t i = 0; i < a->o.n; i++) {
        section *s = &a->o.secs[i];
        if (s->status == SEC_MISSING)
            continue;
        buf_truncate(&sample, 0);
        sample_text(&a->d, &a->o, s->body_start, s->body_end, SECTION_LANG_SAMPLE, &sample);
        lang_guess sg = lang_detect(buf_cstr(&sample), sample.len);
        char declared[12];
        lang_primary(a->d.blocks[s->heading_block].lang, declared);
        if (sg.words == 0 && !declared[0])
            continue; /* no text of its own: language unknown */
        lang_decide(declared[0] ? declared : a->lang, &sg, s->lang);
        if (strcmp(s->lang, "und") == 0)
            s->lang[0] = '\0';
    }
    buf_free(&sample);
    meta_extract(&a->d, a->o.first_section_block, a->lang, &a->meta);
    a->folded = xcalloc(a->d.nblocks ? a->d.nblocks : 1, sizeof *a->folded);
    return 0;
}

static void prepare(analysis *a, const analysis_opts *opts)
{
    memset(a, 0, sizeof *a);
    (void)opts;
}

int analysis_run(const char *path, const outline_spec *spec, const analysis_opts *opts,
                 analysis *a, cps_err *e)
{
    prepare(a, opts);
    size_t max = opts && opts->max_size ? opts->max_size : SOURCE_DEFAULT_MAX_SIZE;
    int rc = source_read(path, max, &a->src, e);
    if (!rc && opts && opts->force)
        a->src.format = opts->force;
    if (!rc)
        rc = finish(a, spec, opts, e);
    if (rc)
        analysis_free(a);
    return rc;
}

int analysis_run_bytes(const char *name, const unsigned char *bytes, size_t n,
                       const outline_spec *spec, const analysis_opts *opts, analysis *a,
                       cps_err *e)
{
    prepare(a, opts);
    size_t max = opts && opts->max_size ? opts->max_size : SOURCE_DEFAULT_MAX_SIZE;
    int rc = source_from_bytes(name, bytes, n, max, &a->src, e);
    if (!rc && opts && opts->force)
        a->src.format = opts->force;
    if (!rc)
        rc = finish(a, spec, opts, e);
    if (rc)
        analysis_free(a);
    return rc;
}

const text_map *analysis_folded(analysis *a, size_t i)
{
    if (i >= a->d.nblocks)
        return NULL;
    text_map *m = &a->folded[i];
    if (!m->s && text_fold(a->d.blocks[i].text, a->d.blocks[i].len, m, NULL) != 0) {
        /* block text is valid UTF-8 by construction; keep an empty map */
        m->s = xstrdup("");
        m->len = 0;
        m->off = xcalloc(1, sizeof *m->off);
    }
    return m;
}

void analysis_free(analysis *a)
{
    if (a->folded) {
        for (size_t i = 0; i < a->d.nblocks; i++)
            if (a->folded[i].s)
                text_map_free(&a->folded[i]);
        free(a->folded);
    }
    meta_free(&a->meta);
    outline_free(&a->o);
    doc_free(&a->d);
    source_free(&a->src);
    memset(a, 0, sizeof *a);
}

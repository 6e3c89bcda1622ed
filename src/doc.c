#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

void doc_init(doc *d, const char *file)
{
    memset(d, 0, sizeof *d);
    d->file = xstrdup(file ? file : "-");
}

/* Block texts are packed in large chunks (one allocation per
 * DOC_TEXT_CHUNK bytes, not one per block): a document of a million short
 * paragraphs would otherwise pay malloc's minimum and its header per
 * block, several times the text itself. Chunks never move, so block text
 * pointers stay valid. */
#define DOC_TEXT_CHUNK (256u * 1024)

static char *store_text(doc *d, const char *text, size_t n)
{
    if (d->text_left < n + 1) {
        size_t sz = n + 1 > DOC_TEXT_CHUNK / 4 ? n + 1 : DOC_TEXT_CHUNK;
        if (d->nchunks == d->chunk_cap) {
            d->chunk_cap = d->chunk_cap ? d->chunk_cap * 2 : 16;
            d->chunks = xrealloc(d->chunks, d->chunk_cap * sizeof *d->chunks);
        }
        char *c = xmalloc(sz);
        d->text_bytes += sz;
        if (sz != DOC_TEXT_CHUNK && d->nchunks) {
            /* a big text gets a chunk of its own, before the current one,
             * which stays the one being filled */
            d->chunks[d->nchunks] = d->chunks[d->nchunks - 1];
            d->chunks[d->nchunks - 1] = c;
            d->nchunks++;
            memcpy(c, text, n);
            c[n] = '\0';
            return c;
        }
        d->chunks[d->nchunks++] = c;
        d->text_next = c;
        d->text_left = sz;
    }
    char *p = d->text_next;
    memcpy(p, text, n);
    p[n] = '\0';
    d->text_next += n + 1;
    d->text_left -= n + 1;
    return p;
}

doc_block *doc_add_block(doc *d, block_kind kind, int level, const char *text,
                         size_t n, long line)
{
    if (d->nblocks == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->blocks = xrealloc(d->blocks, d->cap * sizeof *d->blocks);
    }
    doc_block *b = &d->blocks[d->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->level = level;
    b->text = store_text(d, text, n);
    b->len = n;
    b->line = line;
    return b;
}

void doc_add_link(doc *d, const char *href, const char *text, long line)
{
    if (d->nlinks == d->link_cap) {
        d->link_cap = d->link_cap ? d->link_cap * 2 : 32;
        d->links = xrealloc(d->links, d->link_cap * sizeof *d->links);
    }
    doc_link *l = &d->links[d->nlinks++];
    l->href = xstrdup(href ? href : "");
    l->text = xstrdup(text ? text : "");
    l->line = line;
}

void doc_add_directive(doc *d, const char *s, size_t n, long line)
{
    static const char tag[] = "cpslint-disable";
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f'))
        s++, n--;
    if (n < sizeof tag - 1 || strncmp(s, tag, sizeof tag - 1) || d->ndirectives == DOC_MAX_DIRECTIVES)
        return;
    if (n > DOC_MAX_DIRECTIVE_LEN)
        n = DOC_MAX_DIRECTIVE_LEN;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r' ||
                 s[n - 1] == '\f'))
        n--;
    if (d->ndirectives == d->directive_cap) {
        d->directive_cap = d->directive_cap ? 2 * d->directive_cap : 8;
        d->directives = xrealloc(d->directives, d->directive_cap * sizeof *d->directives);
    }
    doc_directive *x = &d->directives[d->ndirectives++];
    x->text = xstrndup(s, n);
    x->line = line;
    x->block = d->nblocks;
}

void doc_truncate(doc *d, size_t nblocks, size_t nlinks)
{
    while (d->ndirectives && d->directives[d->ndirectives - 1].block > nblocks)
        free(d->directives[--d->ndirectives].text);
    /* the dropped blocks' text stays in the chunks until doc_free */
    if (nblocks < d->nblocks)
        d->nblocks = nblocks;
    for (size_t i = nlinks; i < d->nlinks; i++) {
        free(d->links[i].href);
        free(d->links[i].text);
    }
    if (nlinks < d->nlinks)
        d->nlinks = nlinks;
}

size_t doc_memory(const doc *d)
{
    return d->cap * sizeof *d->blocks + d->text_bytes + d->link_cap * sizeof *d->links +
           d->nlinks * 32 + d->chunk_cap * sizeof *d->chunks +
           d->directive_cap * sizeof *d->directives + d->ndirectives * 64;
}

void doc_free(doc *d)
{
    for (size_t i = 0; i < d->nchunks; i++)
        free(d->chunks[i]);
    free(d->chunks);
    for (size_t i = 0; i < d->nlinks; i++) {
        free(d->links[i].href);
        free(d->links[i].text);
    }
    for (size_t i = 0; i < d->ndirectives; i++)
        free(d->directives[i].text);
    free(d->directives);
    free(d->blocks);
    free(d->links);
    free(d->file);
    free(d->title);
    free(d->fm_version);
    free(d->fm_date);
    memset(d, 0, sizeof *d);
}

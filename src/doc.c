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

void doc_truncate(doc *d, size_t nblocks, size_t nlinks)
{
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
           d->nlinks * 32 + d->chunk_cap * sizeof *d->chunks;
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
    free(d->blocks);
    free(d->links);
    free(d->file);
    free(d->title);
    free(d->fm_version);
    free(d->fm_date);
    memset(d, 0, sizeof *d);
}

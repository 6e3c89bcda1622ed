#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

void doc_init(doc *d, const char *file)
{
    memset(d, 0, sizeof *d);
    d->file = xstrdup(file ? file : "-");
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
    b->text = xstrndup(text, n);
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

void doc_free(doc *d)
{
    for (size_t i = 0; i < d->nblocks; i++)
        free(d->blocks[i].text);
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

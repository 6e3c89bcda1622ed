/* doc.h — the document model: what every front end produces and every
 * later stage reads.
 *
 * A document is a flat list of blocks in reading order. A block is a
 * heading, paragraph, list item, table cell or preformatted text, with its
 * text in NFC UTF-8 (whitespace runs collapsed to one space, trimmed), its
 * 1-based source line (0 when unknown; libxml2 2.9 saturates at 65535), and
 * the language its markup declares. Site chrome, scripts and styles never
 * become blocks. The outline (outline.h) is computed over this list.
 *
 * Ownership: a doc owns its blocks and their strings; doc_free releases
 * everything. Strings passed to doc_add_* are copied; block texts are
 * packed into large chunks the doc owns (never free a block's text, never
 * replace it: it is not a malloc'd string of its own).
 */
#ifndef CPSLINT_DOC_H
#define CPSLINT_DOC_H

#include <stddef.h>

typedef enum {
    BLOCK_HEADING = 1,   /* h1..h6 (level in block.level) */
    BLOCK_PARAGRAPH,     /* p, div with text, dt/dd, blockquote, caption */
    BLOCK_LIST_ITEM,     /* li (and p inside li) */
    BLOCK_TABLE_CELL,    /* td, th (row/col in block.row/col) */
    BLOCK_PRE            /* pre, code blocks */
} block_kind;

enum {
    BLOCK_BOLD = 1u << 0,      /* all its letters are bold (b, strong, font-weight) */
    BLOCK_TOC = 1u << 1,       /* inside a marked table of contents (class/id toc, MsoToc) */
    BLOCK_LINK_ONLY = 1u << 2, /* all its text is in links to anchors in the page (#...) */
    BLOCK_HEADER_CELL = 1u << 3, /* th, or a cell of a thead row */
    BLOCK_SPLIT = 1u << 4      /* continues the previous block after a <br> */
};

typedef struct doc_block {
    /* (pointer and size fields first: no padding, 64 bytes a block) */
    char *text;       /* NFC UTF-8, NUL-terminated; owned by the doc (doc.c
                         packs texts in chunks: never free or replace it) */
    size_t len;
    long line;        /* 1-based source line; 0 unknown. For PDF input (page
                         > 0) the line within its page, as pdftotext lays
                         it out: print "page:line" */
    block_kind kind;
    int level;        /* heading level 1..6; 0 for other blocks */
    unsigned flags;   /* BLOCK_* */
    int page;         /* PDF: 1-based page; 0 for every other format */
    int table;        /* 1-based ordinal of its table in the document; 0 if none */
    int row, col;     /* 0-based position in its table */
    char lang[12];    /* BCP 47 tag declared by the nearest lang/xml:lang, "" if none */
} doc_block;

typedef struct doc_link {
    char *href;
    char *text;
    long line;
} doc_link;

/* A cpslint directive: a comment of the input (HTML, or raw HTML in
 * Markdown) whose text starts with "cpslint-disable", kept as written for the
 * check engine (check_suppress.c reads "cpslint-disable RULE -- reason").
 * At most DOC_MAX_DIRECTIVES per document, each cut at
 * DOC_MAX_DIRECTIVE_LEN bytes; the rest are not kept. */
typedef struct doc_directive {
    char *text;    /* the comment's text, whitespace trimmed (owned) */
    long line;     /* its source line; 0 unknown */
    size_t block;  /* the blocks before it: it stands after block block-1
                      (0: before the first block) */
} doc_directive;

#define DOC_MAX_DIRECTIVES 1000
#define DOC_MAX_DIRECTIVE_LEN 1000

typedef struct doc {
    char *file;        /* name as given on the command line ("-" for stdin) */
    char format[16];   /* the input format's name (input_formats.h: "html", "pdf"...) */
    char encoding[32]; /* charset the bytes were decoded from */
    char lang_attr[12]; /* lang of the root element, "" if none */
    char *title;       /* <title> (Markdown: front matter title), or NULL */
    char *fm_version;  /* Markdown front matter "version" (or a subtitle or
                          title naming a version), as written; NULL if none */
    char *fm_date;     /* Markdown front matter "date" / "effective_date", as
                          written; NULL if none */
    doc_block *blocks;
    size_t nblocks, cap;
    doc_link *links;
    size_t nlinks, link_cap;
    doc_directive *directives;
    size_t ndirectives, directive_cap;
    /* block text storage (doc.c): chunks, the free space of the last one */
    char **chunks;
    size_t nchunks, chunk_cap;
    char *text_next;
    size_t text_left;
    size_t text_bytes;  /* bytes allocated for chunks */
    int tables;         /* tables numbered so far (html.c continues from it) */
} doc;

/* Initialise an empty document; file is copied. */
void doc_init(doc *d, const char *file);
/* Append a block; text (n bytes, UTF-8) is copied. Returns the new block,
 * valid until the next doc_add_block. */
doc_block *doc_add_block(doc *d, block_kind kind, int level, const char *text,
                         size_t n, long line);
void doc_add_link(doc *d, const char *href, const char *text, long line);
/* Keep comment text s[0..n) as a directive after the blocks so far when,
 * trimmed, it starts with "cpslint-disable" (else nothing): see
 * doc_directive. */
void doc_add_directive(doc *d, const char *s, size_t n, long line);
/* Drop the blocks from nblocks and the links from nlinks on, and the
 * directives after those blocks (a front end that failed half-way leaves
 * d as it found it). */
void doc_truncate(doc *d, size_t nblocks, size_t nlinks);
/* Bytes d holds (blocks, texts, links), about: for the memory budget. */
size_t doc_memory(const doc *d);
void doc_free(doc *d);

#endif

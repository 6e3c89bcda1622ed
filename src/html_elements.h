/* html_elements.h — what an HTML element does to the text the walker
 * (html.c) collects: skipped with everything inside it, page chrome,
 * a block of its own, main content, and which of the elements with a
 * meaning of their own (headings, list items, table cells, links, ...) it
 * is.
 *
 * One table, looked up once per start tag: names are compared ignoring
 * ASCII case, as HTML does. No allocation, no global mutable state; the
 * rows returned are static and never freed.
 */
#ifndef CPSLINT_HTML_ELEMENTS_H
#define CPSLINT_HTML_ELEMENTS_H

typedef enum html_el_id {
    HTML_EL_OTHER = 0, /* nothing of its own (an inline element, or unknown) */
    HTML_EL_A, HTML_EL_B, HTML_EL_BLOCKQUOTE, HTML_EL_BR, HTML_EL_CAPTION, HTML_EL_DD,
    HTML_EL_DT, HTML_EL_HEADING, HTML_EL_HEAD, HTML_EL_LI, HTML_EL_P, HTML_EL_PRE,
    HTML_EL_STRONG, HTML_EL_SUP, HTML_EL_TABLE, HTML_EL_TBODY, HTML_EL_TD, HTML_EL_TFOOT,
    HTML_EL_TH, HTML_EL_THEAD, HTML_EL_TITLE, HTML_EL_TR
} html_el_id;

enum {
    HTML_ELF_SKIP = 1u,    /* never read, nor anything inside it */
    HTML_ELF_CHROME = 2u,  /* page chrome when outside main content (else a block) */
    HTML_ELF_BLOCK = 4u,   /* starts and ends a block */
    HTML_ELF_CONTENT = 8u  /* its inside is the document's content (html.h) */
};

typedef struct html_el {
    const char *name;      /* lower case */
    unsigned char len;     /* strlen(name) */
    unsigned char id;      /* html_el_id */
    unsigned char flags;   /* HTML_ELF_* */
    unsigned char level;   /* 1-6 for h1-h6, else 0 */
} html_el;

/* The row of element name (NUL-terminated; NULL allowed): a row with id
 * HTML_EL_OTHER and no flags for an element the table does not name. */
const html_el *html_el_lookup(const char *name);

#endif

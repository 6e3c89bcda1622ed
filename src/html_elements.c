/* html_elements.c — the table of the HTML elements the walker treats
 * specially (html_elements.h). */
#include "html_elements.h"

#include <stddef.h>
#include <string.h>

#define EL(n, i, f) {n, sizeof n - 1, i, f, 0}
#define EL_H(n) {"h" #n, 2, HTML_EL_HEADING, HTML_ELF_BLOCK | HTML_ELF_CONTENT, n}
#define SKIP HTML_ELF_SKIP
#define CHROME (HTML_ELF_CHROME | HTML_ELF_BLOCK)
#define BLOCK HTML_ELF_BLOCK
#define CONTENT (HTML_ELF_BLOCK | HTML_ELF_CONTENT)

static const html_el elements[] = {
    /* inline, with a meaning of their own */
    EL("a", HTML_EL_A, 0), EL("b", HTML_EL_B, 0), EL("br", HTML_EL_BR, 0),
    EL("strong", HTML_EL_STRONG, 0), EL("sup", HTML_EL_SUP, 0), EL("title", HTML_EL_TITLE, 0),
    /* never read */
    EL("head", HTML_EL_HEAD, SKIP), EL("script", 0, SKIP), EL("style", 0, SKIP),
    EL("noscript", 0, SKIP), EL("template", 0, SKIP), EL("iframe", 0, SKIP),
    EL("object", 0, SKIP), EL("svg", 0, SKIP), EL("math", 0, SKIP), EL("select", 0, SKIP),
    /* page chrome outside main content */
    EL("nav", 0, CHROME), EL("header", 0, CHROME), EL("footer", 0, CHROME),
    EL("aside", 0, CHROME),
    /* blocks whose inside is main content */
    EL("p", HTML_EL_P, CONTENT), EL("li", HTML_EL_LI, CONTENT), EL("td", HTML_EL_TD, CONTENT),
    EL("th", HTML_EL_TH, CONTENT), EL("dd", HTML_EL_DD, CONTENT),
    EL("dt", HTML_EL_DT, CONTENT), EL("blockquote", HTML_EL_BLOCKQUOTE, CONTENT),
    EL("pre", HTML_EL_PRE, CONTENT), EL("table", HTML_EL_TABLE, CONTENT),
    EL("main", 0, CONTENT), EL("article", 0, CONTENT), EL("section", 0, CONTENT),
    EL("figure", 0, CONTENT), EL("details", 0, CONTENT),
    EL_H(1), EL_H(2), EL_H(3), EL_H(4), EL_H(5), EL_H(6),
    /* other blocks */
    EL("tr", HTML_EL_TR, BLOCK), EL("thead", HTML_EL_THEAD, BLOCK),
    EL("tbody", HTML_EL_TBODY, BLOCK), EL("tfoot", HTML_EL_TFOOT, BLOCK),
    EL("caption", HTML_EL_CAPTION, BLOCK), EL("div", 0, BLOCK), EL("ul", 0, BLOCK),
    EL("ol", 0, BLOCK), EL("dl", 0, BLOCK), EL("body", 0, BLOCK), EL("html", 0, BLOCK),
    EL("hr", 0, BLOCK), EL("form", 0, BLOCK), EL("fieldset", 0, BLOCK),
    EL("figcaption", 0, BLOCK), EL("address", 0, BLOCK), EL("center", 0, BLOCK),
    EL("legend", 0, BLOCK), EL("summary", 0, BLOCK),
};

const html_el *html_el_lookup(const char *name)
{
    static const html_el other = {"", 0, HTML_EL_OTHER, 0, 0};
    char low[12] = ""; /* longer than every name in the table */
    size_t n = 0;
    for (; name && name[n]; n++) {
        if (n == sizeof low - 1)
            return &other;
        char c = name[n];
        low[n] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    for (size_t i = 0; i < sizeof elements / sizeof *elements; i++) {
        const html_el *e = &elements[i];
        if (e->len == n && e->name[0] == low[0] && memcmp(e->name, low, n) == 0)
            return e;
    }
    return &other;
}

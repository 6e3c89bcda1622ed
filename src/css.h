/* css.h — the declarations of an inline style attribute, as a browser
 * reads them, for the few properties that decide what text is shown.
 *
 * A style attribute is a CSS declaration list: comments are removed,
 * declarations are separated by ';' (outside quotes, parentheses and
 * brackets), each is "property : value [!important]". Property names are
 * case-insensitive. For each property the last declaration wins, except
 * that an !important declaration beats a later one without it. A
 * declaration without a ':' or with an empty value is dropped, as
 * browsers drop it. Values are compared exactly (case-insensitively,
 * white space around them ignored): "display: none" hides, "display:
 * none-x", "display: nonex" or "display: 'none'" do not. CSS escapes in
 * values are not decoded (a value written with escapes is taken as not
 * matching: it is shown).
 *
 * No allocation, no global state; linear in the attribute's length.
 */
#ifndef CPSLINT_CSS_H
#define CPSLINT_CSS_H

enum {
    CSS_HIDDEN = 1u << 0,  /* display: none, or visibility: hidden */
    CSS_BOLD = 1u << 1     /* font-weight: bold | bolder | 600..900 */
};

/* The CSS_* flags the declarations of style (NUL-terminated; NULL = none)
 * set. */
unsigned css_inline_flags(const char *style);

#endif

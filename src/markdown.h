/* markdown.h — Markdown front end (cmark-gfm).
 *
 * The text is parsed by cmark-gfm with the GFM extensions the CA
 * repositories render with (table, strikethrough, autolink) and footnotes,
 * rendered to HTML with source positions (data-sourcepos) and with raw
 * HTML kept (CPS Markdown carries <br> in table cells, <a id> anchors,
 * whole HTML tables), then read by the HTML front end (html_append), so a
 * Markdown document and its GitHub rendering give the same blocks. Block
 * lines are Markdown source lines, exact (no 65535 cap) for Markdown
 * blocks; lines inside raw HTML blocks are counted from the block's start
 * line (html.h: cpslint-line markers).
 *
 * YAML front matter (a first line "---", key: value lines, a closing "---"
 * or "...", within MARKDOWN_FM_MAX bytes) is not Markdown: it is blanked
 * (its lines kept as empty lines, so line numbers stay exact) and its
 * title, version and date keys go to doc.title, doc.fm_version and
 * doc.fm_date, which meta.h prefers.
 *
 * Untrusted input: the source size cap applies (source.h); cmark-gfm is
 * linear on ordinary input; no file or network access happens.
 *
 * Threads: markdown_init before starting them; cmark-gfm parsing edits
 * global state, so markdown_render serialises the parse (not the HTML
 * rendering or the HTML front end).
 */
#ifndef CPSLINT_MARKDOWN_H
#define CPSLINT_MARKDOWN_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "source.h"

#define MARKDOWN_FM_MAX (64u * 1024)

/* Set up cmark-gfm's extension registry, whose first registration is not
 * thread-safe. Call once before threads (cmd_check.c does, before -j
 * workers); idempotent, and safe to call again from any thread
 * (pthread_once): markdown_render calls it too. */
void markdown_init(void);

/* Parse src (UTF-8 Markdown) into *out (initialised here, format
 * "markdown"; caller frees with doc_free, also on failure). */
int markdown_parse(const source *src, int keep_chrome, doc *out, cps_err *e);

/* The YAML front matter at the start of text[0..n): returns its length in
 * bytes (through the newline after the closing line), 0 if there is none.
 * When d is not NULL, sets d->title, d->fm_version and d->fm_date (malloc'd,
 * owned by d) from the keys found, replacing nothing already set. Only
 * top-level "key: value" lines are read; quotes around a value are
 * removed; block scalars ("|", ">") and lists are skipped. */
size_t markdown_front_matter(const char *text, size_t n, doc *d);

/* Render Markdown text[0..n) to the HTML markdown_parse reads: a whole
 * document (<html><body>...), with data-sourcepos and line markers (lines
 * counted from the first line of text). Returns a malloc'd NUL-terminated
 * string (caller frees), *out_len set; NULL if cmark-gfm fails. */
char *markdown_render(const char *text, size_t n, size_t *out_len);

#endif

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

/* markdown_parse within a memory budget of max_memory bytes (0: none) for
 * the blocks and cmark-gfm's memory together; beyond it CPS_E_LIMIT.
 *
 * Memory: a text of MARKDOWN_SEGMENT_FROM bytes or more (no CP/CPS comes
 * near) is cut into segments at least MARKDOWN_SEGMENT long, at lines that begin a new block
 * whatever precedes them (after a blank line, at column 0, a paragraph or
 * "# " heading, outside fenced code and outside HTML blocks a blank line
 * does not end), each rendered and read on its own, so cmark-gfm's tree
 * (about 200 bytes a node) is one segment's at a time; lines stay those of
 * the whole text. A text holding "]:" (a link reference or footnote
 * definition may be anywhere) is one segment.
 *
 * Out of memory: cmark-gfm allocates through a tracked pool (markdown.c);
 * an allocation failure or the budget ends the parse, frees all it held,
 * and fails the document (CPS_E_NOMEM or CPS_E_LIMIT), never an abort. The
 * raw HTML of the text goes through html_prescan first (html.h). */
int markdown_parse_limited(const source *src, int keep_chrome, size_t max_memory, doc *out,
                           cps_err *e);

#define MARKDOWN_SEGMENT (64u * 1024)
#define MARKDOWN_SEGMENT_FROM (2u * 1024 * 1024)

/* The YAML front matter at the start of text[0..n): returns its length in
 * bytes (through the newline after the closing line), 0 if there is none.
 * When d is not NULL, sets d->title, d->fm_version and d->fm_date (malloc'd,
 * owned by d) from the keys found, replacing nothing already set. Only
 * top-level "key: value" lines are read; quotes around a value are
 * removed; block scalars ("|", ">") and lists are skipped. */
size_t markdown_front_matter(const char *text, size_t n, doc *d);

/* cmark-gfm 0.29.0.gfm.6 is quadratic on some hostile input: the cells of
 * one table row (a linked list appended at its tail), unclosed "<?" and
 * "<![CDATA[" (each scans to the end of its paragraph), and a table
 * pads every row to its header's width (a 20,000-column header over lines
 * of "x" is billions of cells). markdown_check_limits refuses such text
 * before cmark-gfm sees it, with CPS_E_LIMIT naming name and the line:
 * - lines with MARKDOWN_ROW_PIPES or more '|' cost pipes^2 each, summed
 *   up to MARKDOWN_PIPE_BUDGET (a row of 10,000 cells alone; any number
 *   of ordinary table rows);
 * - the tables' cells (header width times rows, header and delimiter
 *   rows included) up to MARKDOWN_MAX_TABLE_CELLS;
 * - the bytes from each "<?" / "<![CDATA[" / "<!X" declaration to its
 *   closer ("?>", "]]>", ">") or the next blank line, summed, up to
 *   MARKDOWN_SCAN_BUDGET (commonmark/cmark#299 and #379: "a" + "<!D " x
 *   50,000, 200 KB, took 12 s here);
 * - per paragraph, the "![" image openers before each ']', summed, up to
 *   MARKDOWN_BRACKET_BUDGET (cmark-gfm walks every image opener back to the
 *   paragraph's start each time a link closes: "![[]()" x 50,000, 300 KB,
 *   took 13 s; found by measurement, no tracker thread found for it);
 * - per paragraph, the emphasis delimiter runs ('*' or '_') before each
 *   run, summed, up to MARKDOWN_EMPH_BUDGET ("*a **a" x 50,000 then
 *   "a** a*" x 50,000, cmark's nested strong/emphasis case, 600 KB, took
 *   15 s in cmark_parse_inlines; commonmark/cmark#520 fixed quadratic
 *   emphasis handling upstream, after this version): 31,000 runs in one
 *   paragraph, where a real one has tens.
 * - the longest line that may be a link reference definition times the
 *   '[' in the text, up to MARKDOWN_REF_BUDGET: each use of a reference
 *   copies its destination into the output (mity/md4c#238: a 10,000-byte
 *   definition used 10,000 times, 50 KB, took 3.9 s and 308 MB here;
 *   twice that, four times as much). Checked at the end: uses may come
 *   before the definition.
 * Each bound is a few tenths of a second of cmark-gfm at most, and far
 * above any real CP/CPS. markdown_parse applies it. */
#define MARKDOWN_ROW_PIPES 32
#define MARKDOWN_PIPE_BUDGET 100000000ULL
#define MARKDOWN_MAX_TABLE_CELLS 250000u
#define MARKDOWN_SCAN_BUDGET 1000000000ULL
#define MARKDOWN_BRACKET_BUDGET 20000000ULL
#define MARKDOWN_EMPH_BUDGET 500000000ULL
#define MARKDOWN_REF_BUDGET 20000000ULL
int markdown_check_limits(const char *text, size_t n, const char *name, cps_err *e);

/* Render Markdown text[0..n) to the HTML markdown_parse reads: a whole
 * document (<html><body>...), with data-sourcepos and line markers (lines
 * counted from the first line of text). Returns a malloc'd NUL-terminated
 * string (caller frees), *out_len set; NULL if cmark-gfm fails. */
char *markdown_render(const char *text, size_t n, size_t *out_len);

#endif

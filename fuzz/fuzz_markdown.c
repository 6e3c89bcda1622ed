/* fuzz_markdown.c — libFuzzer harness for the front ends of text without
 * tags: Markdown (markdown.h: cmark-gfm with the GFM extensions, rendered
 * to HTML with source positions, read by the HTML front end) and plain
 * text (plaintext.c: the layout reader, layout.h, which pdftotext's
 * output goes through too).
 *
 * Input: one options byte, then the document.
 *   bit 0  keep navigation chrome
 *   bit 1  run the rules and the reports
 *   bit 2  sniff the format instead of forcing Markdown (the path
 *          `cpslint check doc.md` takes through analysis_run_bytes)
 *   bit 3  force plain text (`cpslint check doc.txt`; wins over bit 2)
 * Every input also goes through markdown_front_matter and markdown_render
 * directly, and through markdown_parse on its own.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "input_formats.h"
#include "markdown.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static outline_spec spec;
static ruleset rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_spec(&spec);
    cps_err e;
    cps_err_clear(&e);
    ruleset_init(&rules);
    if (ruleset_load_all(&rules, CPSLINT_SRCDIR, &spec, &e))
        fuzz_die("rulesets", &e);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned opt = data[0];
    const char *text = (const char *)data + 1;
    size_t n = size - 1;

    /* the pieces on their own (no NUL-termination assumed) */
    doc d;
    doc_init(&d, "fuzz.md");
    (void)markdown_front_matter(text, n, &d);
    doc_free(&d);
    size_t hlen = 0;
    free(markdown_render(text, n, &hlen));

    /* the whole pipeline */
    analysis_opts ao;
    memset(&ao, 0, sizeof ao);
    ao.keep_chrome = opt & 1;
    ao.force = (opt & 8)   ? input_format_find("text")
               : (opt & 4) ? NULL
                           : input_format_find("markdown");
    analysis a;
    cps_err e;
    cps_err_clear(&e);
    if (analysis_run_bytes("fuzz.md", data + 1, n, &spec, &ao, &a, &e) != 0)
        return 0;
    for (size_t i = 0; i < a.d.nblocks; i++)
        (void)analysis_folded(&a, i);
    if (opt & 2)
        fuzz_check_and_report(&rules, &a, &spec, date_from_ymd(2024, 1, 1));
    analysis_free(&a);
    return 0;
}

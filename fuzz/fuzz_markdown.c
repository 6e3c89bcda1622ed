/* fuzz_markdown.c — libFuzzer harness for the Markdown front end.
 *
 * TODO(markdown): src/markdown.h has not landed in main yet. Until it does,
 * this harness drives Markdown the only way the program can be reached
 * today: through analysis_run_bytes with the format forced to Markdown (or
 * sniffed, option bit 0), which is the path `cpslint check doc.md` takes.
 * It therefore exercises the sniffing and the refusal now, and covers the
 * cmark-gfm front end automatically once analysis.c dispatches to it. When
 * markdown.h lands, also call its parse function directly here (and add
 * chunked input, as cmark's fuzz/cmark-fuzz.c does).
 *
 * Input: one options byte, then the document.
 *   bit 0  sniff the format instead of forcing Markdown
 *   bit 1  run the rules and the reports
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

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
    analysis_opts ao;
    memset(&ao, 0, sizeof ao);
    ao.force = (opt & 1) ? SOURCE_FMT_UNKNOWN : SOURCE_FMT_MARKDOWN;
    analysis a;
    cps_err e;
    cps_err_clear(&e);
    if (analysis_run_bytes("fuzz.md", data + 1, size - 1, &spec, &ao, &a, &e) != 0)
        return 0;
    for (size_t i = 0; i < a.d.nblocks; i++)
        (void)analysis_folded(&a, i);
    if (opt & 2)
        fuzz_check_and_report(&rules, &a, &spec, date_from_ymd(2024, 1, 1));
    analysis_free(&a);
    return 0;
}

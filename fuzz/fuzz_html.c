/* fuzz_html.c — libFuzzer harness: bytes -> charset detection -> HTML/XHTML
 * front end -> outline -> meta, language -> folded text of every block ->
 * every installed rule -> text and JSON reports.
 *
 * Input: one options byte, then the document.
 *   bit 0     keep navigation chrome (--keep-chrome)
 *   bits 1-2  format: 0 sniff, 1 HTML, 2 XHTML, 3 sniff
 *   bit 3     run the rules and the reports (else stop after folding)
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "input_formats.h"

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
    ao.keep_chrome = opt & 1;
    unsigned fmt = (opt >> 1) & 3;
    ao.force = fmt == 1 ? input_format_find("html") : fmt == 2 ? input_format_find("xhtml") : NULL;
    analysis a;
    cps_err e;
    cps_err_clear(&e);
    if (analysis_run_bytes("fuzz.html", data + 1, size - 1, &spec, &ao, &a, &e) != 0)
        return 0;
    for (size_t i = 0; i < a.d.nblocks; i++)
        (void)analysis_folded(&a, i);
    if (opt & 8)
        fuzz_check_and_report(&rules, &a, &spec, date_from_ymd(2024, 1, 1));
    analysis_free(&a);
    return 0;
}

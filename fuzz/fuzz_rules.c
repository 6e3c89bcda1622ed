/* fuzz_rules.c — libFuzzer harness for the ruleset loader with untrusted
 * rules: the whole input is one rules file (ruleset_load_buffer: parsing,
 * validation, PCRE2 compilation and JIT of the patterns). A file that
 * loads then runs as `cpslint rules --test` does (every example through
 * check_example) and over a small fixed document with both reports, so
 * hostile patterns also meet the matcher and its limits.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static outline_spec spec;
static analysis fixed_doc;

static const char doc_html[] =
    "<html lang=\"en\"><head><title>Example CA CPS</title></head><body>"
    "<p>Example CA Certification Practice Statement, Version 1.0, effective 2023-05-01</p>"
    "<h1>1. Introduction</h1><p>This CPS conforms to the Baseline Requirements.</p>"
    "<h2>1.5.2 Contact Person</h2><p>Email: pki@example.com, phone +1 555 0100.</p>"
    "<h1>3. Identification and Authentication</h1>"
    "<h3>3.2.2.4.1 Validating the Applicant as a Domain Contact</h3><p>We use it.</p>"
    "<h1>4. Certificate Life-Cycle</h1><h2>4.9.3 Procedure for revocation request</h2>"
    "<p>Revocation requests are processed within 24 hours. La r\xc3\xa9vocation est "
    "trait\xc3\xa9" "e sous 5 jours.</p><table><tr><td>4.9.1</td><td>reasons</td></tr></table>"
    "</body></html>";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_spec(&spec);
    cps_err e;
    cps_err_clear(&e);
    if (analysis_run_bytes("doc.html", (const unsigned char *)doc_html, sizeof doc_html - 1,
                           &spec, NULL, &fixed_doc, &e))
        fuzz_die("fixed document", &e);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ruleset rs;
    ruleset_init(&rs);
    cps_err e;
    cps_err_clear(&e);
    if (ruleset_load_buffer(&rs, "fuzz.rules", (const char *)data, size, &spec, &e) == 0) {
        matcher m;
        if (matcher_init(&m, 0, 0, 0, &e))
            fuzz_die("matcher_init", &e);
        for (size_t i = 0; i < rs.n; i++)
            for (size_t k = 0; k < rs.rules[i].nexamples; k++) {
                int fired = 0;
                char *detail = NULL;
                cps_err_clear(&e);
                (void)check_example(&rs.rules[i], &rs.rules[i].examples[k], &spec, &m,
                                    &fired, &detail, &e);
                free(detail);
            }
        matcher_free(&m);
        fuzz_check_and_report(&rs, &fixed_doc, &spec, date_from_ymd(2024, 1, 1));
    }
    ruleset_free(&rs);
    return 0;
}

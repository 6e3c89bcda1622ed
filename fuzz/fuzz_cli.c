/* fuzz_cli.c — libFuzzer harness for the whole command line: cpslint_main
 * in-process, with argv built from the input, stdout and stderr going to
 * /dev/null.
 *
 * Input:
 *   line 1     the arguments, separated by spaces (argv[1..]); the tokens
 *              @DOC, @RULES, @OUT become the paths of the document, the
 *              rules file and an output file in a private temporary
 *              directory (@DOC2 is the rules file's path under a document
 *              name, for `diff @DOC @DOC2`); any other argument containing '/' is dropped,
 *              so no run can read or write outside that directory
 *   the rest   the document (also standard input, for "-"), optionally
 *              followed by a line "@@RULES@@" and a rules file
 *
 * The harness works in the temporary directory (chdir), so run it with
 * absolute corpus and artifact paths (scripts/fuzz.sh does).
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 32

static char dir[256];
static char doc_path[300], rules_path[300], out_path[300], doc2_path[300];
static FILE *devnull;

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)st;
    (void)flag;
    (void)f;
    return remove(p);
}

static void cleanup(void)
{
    if (dir[0])
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    outline_spec spec;
    fuzz_load_spec(&spec); /* sets CPSLINT_DATA, checks the data is there */
    outline_spec_free(&spec);
    const char *t = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/cpslint-fuzz-cli.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(dir) || chdir(dir) != 0) {
        perror("fuzz_cli: temporary directory");
        abort();
    }
    atexit(cleanup);
    snprintf(doc_path, sizeof doc_path, "%s/doc.html", dir);
    snprintf(rules_path, sizeof rules_path, "%s/user.rules", dir);
    snprintf(out_path, sizeof out_path, "%s/report.out", dir);
    snprintf(doc2_path, sizeof doc2_path, "%s/doc2.html", dir);
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    return 0;
}

static void write_file(const char *path, const uint8_t *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (n && fwrite(p, 1, n, f) != n)
        abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t alen = nl ? (size_t)(nl - data) : size;
    if (alen > 4096)
        return 0;
    const uint8_t *doc = nl ? nl + 1 : data + size;
    size_t dlen = (size_t)(data + size - doc);
    static const char sep[] = "\n@@RULES@@\n";
    const uint8_t *rules = NULL;
    size_t rlen = 0;
    for (size_t i = 0; dlen >= sizeof sep - 1 && i <= dlen - (sizeof sep - 1); i++)
        if (doc[i] == '\n' && !memcmp(doc + i, sep, sizeof sep - 1)) {
            rules = doc + i + sizeof sep - 1;
            rlen = (size_t)(data + size - rules);
            dlen = i;
            break;
        }
    write_file(doc_path, doc, dlen);
    write_file(rules_path, rules ? rules : (const uint8_t *)"", rlen);
    write_file(doc2_path, rules ? rules : (const uint8_t *)"", rlen);
    if (!freopen(doc_path, "rb", stdin))
        abort();

    char *args = malloc(alen + 1);
    memcpy(args, data, alen);
    args[alen] = '\0';
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = "cpslint";
    for (char *save = NULL, *tok = strtok_r(args, " ", &save); tok && argc <= MAX_ARGS;
         tok = strtok_r(NULL, " ", &save)) {
        if (!strcmp(tok, "@DOC"))
            argv[argc++] = doc_path;
        else if (!strcmp(tok, "@RULES"))
            argv[argc++] = rules_path;
        else if (!strcmp(tok, "@DOC2"))
            argv[argc++] = doc2_path;
        else if (!strcmp(tok, "@OUT"))
            argv[argc++] = out_path;
        else if (!strchr(tok, '/') && tok[0] != '@')
            argv[argc++] = tok;
    }
    argv[argc] = NULL;
    (void)cpslint_main(argc, argv, devnull, devnull);
    fflush(devnull);
    free(args);
    return 0;
}

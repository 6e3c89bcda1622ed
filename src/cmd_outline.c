/* cmd_outline.c — `cpslint outline FILE`: the RFC 3647 outline found. */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "cli_util.h"
#include "json.h"
#include "data.h"
#include "profile.h"
#include "escape.h"

static const char outline_usage[] =
    "Usage: cpslint outline [options] FILE\n"
    "Print the RFC 3647 outline found in FILE (@INPUTS@;\n"
    "- for stdin): every RFC 3647 section and every extra subsection, with its\n"
    "status (found, missing, extra, duplicate, out-of-order), heading, line,\n"
    "whether it is blank and whether its heading lacks a number (unnumbered:\n"
    "recognised by its title); then the missing, duplicated and out-of-order ones.\n"
    "\n"
    "  --format FMT      text (default) or json\n"
    "  --kind KIND       the document's kind, instead of detecting it: cp, cps,\n"
    "                    cp-cps, not-a-policy\n"
    "  --scope LIST      its certificate scopes, instead of detecting them:\n"
    "                    tls-server, smime, code-signing, other (comma-separated)\n"
    "  --max-size N      refuse input larger than N bytes (suffix K, M, G; default 64M)\n"
    "  --max-memory N    refuse a document that would need more memory (default:\n"
    "                    half of RAM, at most 4G)\n"
    "  --keep-chrome     read nav, header, footer and aside elements too\n"
    "  --input-format F  read the input as F, not as its name and content say:\n"
    "                    @INPUT_NAMES@\n"
    "  --pdf-timeout S   stop pdftotext after S seconds (PDF input; default 60)\n"
    "  -h, --help        this help\n"
    "\n"
    "Markdown is read with cmark-gfm; PDF through pdftotext (poppler-utils),\n"
    "where a line is shown as PAGE:LINE (JSON: \"page\" and \"line\").\n";


static void kv_null_str(json_w *w, const char *key, const char *s)
{
    json_key(w, key);
    json_str(w, s && *s ? s : NULL);
}

static void kv_bool(json_w *w, const char *key, int v)
{
    json_key(w, key);
    json_bool(w, v);
}

static void section_json(json_w *w, const analysis *a, const section *s)
{
    json_break(w);
    json_obj_begin(w);
    json_kv_str(w, "number", s->number);
    json_kv_str(w, "heading", s->heading);
    json_key(w, "page");
    if (s->page)
        json_int(w, s->page);
    else
        json_null(w);
    json_kv_int(w, "line", s->line);
    json_kv_str(w, "status", outline_status_name(s->status));
    kv_bool(w, "empty", s->empty);
    kv_bool(w, "unnumbered", s->unnumbered);
    json_key(w, "title_matches");
    if (s->title_match < 0)
        json_null(w);
    else
        json_bool(w, s->title_match);
    json_kv_str(w, "parent", s->parent >= 0 ? a->o.secs[s->parent].number : NULL);
    kv_null_str(w, "language", s->lang);
    json_obj_end(w);
}

/* Compact JSON, one section a line (json.h). */
static void print_json(FILE *f, const analysis *a, const doc_profile *prof)
{
    char date[11];
    date_format(a->meta.date, date);
    buf b = BUF_INIT;
    json_w w;
    json_init(&w, &b, 0);
    json_obj_begin(&w);
    json_kv_str(&w, "file", a->d.file);
    json_kv_str(&w, "format", a->d.format);
    json_kv_str(&w, "encoding", a->d.encoding);
    json_kv_str(&w, "language", a->lang);
    json_kv_str(&w, "version", a->meta.version);
    kv_null_str(&w, "date", date);
    json_key(&w, "profile");
    profile_write_json(&w, prof);
    json_key(&w, "counts");
    json_obj_begin(&w);
    json_kv_int(&w, "expected", (long long)a->o.expected);
    /* found counts what the text's "N of 270 found" and check's JSON count:
     * present, in RFC order or not (found + out_of_order = expected - missing) */
    json_kv_int(&w, "found", (long long)outline_present(&a->o));
    json_kv_int(&w, "missing", (long long)a->o.missing);
    json_kv_int(&w, "extra", (long long)a->o.extra);
    json_kv_int(&w, "duplicate", (long long)a->o.duplicate);
    json_kv_int(&w, "out_of_order", (long long)a->o.out_of_order);
    json_obj_end(&w);
    json_key(&w, "sections");
    json_arr_begin(&w);
    for (size_t i = 0; i < a->o.n; i++)
        section_json(&w, a, &a->o.secs[i]);
    json_arr_end(&w);
    json_obj_end(&w);
    buf_putc(&b, '\n');
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

/* Document text or a name, escaped for a terminal (escape.h). */
static void put(FILE *f, const char *s)
{
    buf b = BUF_INIT;
    esc_text(&b, s);
    fputs(buf_cstr(&b), f);
    buf_free(&b);
}

/* "412", "7:12" (PDF page:line), "?" when unknown. */
static const char *where(const section *s, char out[32])
{
    if (!s->line)
        snprintf(out, 32, "?");
    else if (s->page)
        snprintf(out, 32, "%d:%ld", s->page, s->line);
    else
        snprintf(out, 32, "%ld", s->line);
    return out;
}

static const char *spec_title(const outline_spec *spec, int i)
{
    return i >= 0 ? spec->e[i].title : "";
}

static void print_text(FILE *f, const analysis *a, const outline_spec *spec,
                       const doc_profile *prof)
{
    char date[11];
    date_format(a->meta.date, date);
    put(f, a->d.file);
    fprintf(f, ": %s, %s, language ", a->d.format, a->d.encoding);
    put(f, a->lang[0] ? a->lang : "unknown");
    fputs(", version ", f);
    put(f, a->meta.version ? a->meta.version : "unknown");
    fprintf(f, ", date %s\n", date[0] ? date : "unknown");
    fprintf(f, "sections: %zu of %zu RFC 3647 sections found, %zu missing, %zu extra, "
               "%zu duplicate, %zu out of order\n\n",
            outline_present(&a->o), a->o.expected, a->o.missing, a->o.extra,
            a->o.duplicate, a->o.out_of_order);
    buf pb = BUF_INIT;
    profile_write_text(&pb, prof, 0, 1);
    fprintf(f, "%s\n", buf_cstr(&pb));
    buf_free(&pb);
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        int indent = 2 * (s->level - 1);
        if (s->status == SEC_MISSING) {
            fprintf(f, "%*s%-*s  %-12s %6s  (%s)\n", indent, "", 14 - indent, s->number,
                    "missing", "-", spec_title(spec, s->spec));
            continue;
        }
        char line[32];
        fprintf(f, "%*s%-*s  %-12s %6s  ", indent, "", 14 - indent, s->number,
                outline_status_name(s->status), where(s, line));
        put(f, s->heading);
        fprintf(f, "%s%s%s\n", s->unnumbered ? "  [unnumbered]" : "", s->empty ? "  [blank]" : "",
                s->title_match == 0 ? "  [title differs]" : "");
    }
    int first = 1;
    for (size_t i = 0; i < a->o.n; i++)
        if (a->o.secs[i].status == SEC_MISSING) {
            fprintf(f, first ? "\nmissing: %s" : " %s", a->o.secs[i].number);
            first = 0;
        }
    if (!first)
        fputc('\n', f);
    first = 1;
    for (size_t i = 0; i < a->o.n; i++)
        if (a->o.secs[i].unnumbered) {
            fprintf(f, first ? "unnumbered (recognised by title): %s" : " %s", a->o.secs[i].number);
            first = 0;
        }
    if (!first)
        fputc('\n', f);
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        char line[32];
        if (s->status == SEC_DUPLICATE)
            fprintf(f, "duplicate: %s at line %s\n", s->number, where(s, line));
        else if (s->status == SEC_OUT_OF_ORDER)
            fprintf(f, "out of order: %s at line %s\n", s->number, where(s, line));
    }
    for (size_t i = 0; i < a->o.n; i++) {
        const section *s = &a->o.secs[i];
        if (s->title_match == 0) {
            fprintf(f, "title differs: %s \"", s->number);
            put(f, s->heading);
            fprintf(f, "\" (RFC 3647: \"%s\")\n", spec_title(spec, s->spec));
        }
        if (s->empty && s->status != SEC_MISSING) {
            fprintf(f, "blank: %s ", s->number);
            put(f, s->heading);
            fputc('\n', f);
        }
    }
}

int cmd_outline(int argc, char **argv, cli_env *env)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"max-size", required_argument, NULL, 'm'},
        {"max-memory", required_argument, NULL, 'M'},
        {"kind", required_argument, NULL, 'K'},
        {"scope", required_argument, NULL, 'S'},
        {"keep-chrome", no_argument, NULL, 'k'},
        {"pdf-timeout", required_argument, NULL, 't'},
        {"input-format", required_argument, NULL, 'I'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int json = 0;
    analysis_opts aopts = {0};
    cli_profile force = {-1, 0};
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (cli_value_missing(env, "outline", opts, c, optarg))
            return EXIT_TROUBLE;
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "json"))
                json = 1;
            else if (strcmp(optarg, "text"))
                return cli_fail(env, "outline: unknown format '%s' (text or json)", optarg);
            break;
        case 'm':
            if (cli_parse_size(optarg, &aopts.max_size))
                return cli_fail(env, "outline: invalid --max-size '%s'", optarg);
            break;
        case 'k':
            aopts.keep_chrome = 1;
            break;
        case 'M':
            if (cli_parse_size(optarg, &aopts.max_memory) || !aopts.max_memory)
                return cli_fail(env, "outline: invalid --max-memory '%s'", optarg);
            break;
        case 'K':
        case 'S':
            if (cli_profile_add(env, "outline", &force, c, optarg))
                return EXIT_TROUBLE;
            break;
        case 't':
            if (cli_parse_pdf_timeout(env, "outline", optarg, &aopts.pdf_timeout))
                return EXIT_TROUBLE;
            break;
        case 'I':
            if (cli_parse_input_format(env, "outline", optarg, &aopts.force))
                return EXIT_TROUBLE;
            break;
        case 'h':
            cli_put_usage(env->out, outline_usage, strlen(outline_usage));
            return EXIT_CLEAN;
        default:
            return cli_option_error(env, "outline", c, argv);
        }
    }
    if (optind != argc - 1)
        return cli_fail(env, "outline: give exactly one FILE (try 'cpslint outline --help')");
    outline_spec spec;
    if (cli_load(env, NULL, &spec, NULL))
        return EXIT_TROUBLE;
    cps_err e;
    cps_err_clear(&e);
    analysis a;
    int rc = analysis_run(argv[optind], &spec, &aopts, &a, &e);
    if (rc) {
        outline_spec_free(&spec);
        return cli_fail(env, "%s", e.msg);
    }
    analysis_section_languages(&a);
    doc_profile prof;
    profile_detect_light(&a, &prof);
    if (analysis_failed(&a, &e)) { /* ICU failed on the way: no outline of part of it */
        profile_free(&prof);
        analysis_free(&a);
        outline_spec_free(&spec);
        return cli_fail(env, "%s", e.msg);
    }
    profile_force(&prof, force.kind, force.scopes);
    if (json)
        print_json(env->out, &a, &prof);
    else
        print_text(env->out, &a, &spec, &prof);
    profile_free(&prof);
    analysis_free(&a);
    outline_spec_free(&spec);
    /* A failed write to standard output is reported (exit 2, with the
     * reason) by cpslint_main for every command. */
    return EXIT_CLEAN;
}

/* version.c — `cpslint --version` (version.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "version.h"

#include <string.h>

#include <cmark-gfm.h>
#include <libxml/xmlversion.h>
#include <pcre2.h>
#include <unicode/uversion.h>

/* The newest date any rule of file f names (effective, until, a limit step,
 * authoritative-from). */
static cps_date newest_date(const ruleset *rs, const char *f, size_t *nrules)
{
    cps_date newest = DATE_NONE;
    *nrules = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->rules[i];
        if (strcmp(r->file, f))
            continue;
        (*nrules)++;
        cps_date d[4] = {r->effective, r->until, r->strict_from, DATE_NONE};
        for (size_t k = 0; k < r->nsteps; k++)
            if (r->steps[k].from != DATE_NONE && (d[3] == DATE_NONE || r->steps[k].from > d[3]))
                d[3] = r->steps[k].from;
        for (int k = 0; k < 4; k++)
            if (d[k] != DATE_NONE && (newest == DATE_NONE || d[k] > newest))
                newest = d[k];
    }
    return newest;
}

void version_text(buf *out, const ruleset *rs)
{
    buf_printf(out, "cpslint %s\n", CPSLINT_VERSION);
    if (!rs) {
        buf_puts(out, "rulesets: not found (see CPSLINT_DATA in cpslint(1))\n");
    } else {
        cps_date all = DATE_NONE;
        buf_puts(out, "rulesets:");
        for (size_t i = 0; i < rs->nfiles; i++) {
            size_t n;
            cps_date d = newest_date(rs, rs->files[i], &n);
            if (d != DATE_NONE && (all == DATE_NONE || d > all))
                all = d;
            const char *base = strrchr(rs->files[i], '/');
            base = base ? base + 1 : rs->files[i];
            size_t len = strlen(base);
            if (len > 6 && !strcmp(base + len - 6, ".rules"))
                len -= 6;
            buf_printf(out, "%s %.*s (%zu rules)", i ? "," : "", (int)len, base, n);
        }
        char ds[11];
        date_format(all, ds);
        buf_printf(out, "\nrequirements known up to: %s (the newest date a rule names)\n",
                   all != DATE_NONE ? ds : "none");
    }
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    UVersionInfo icu;
    char icus[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(icu);
    u_versionToString(icu, icus);
    buf_printf(out, "libraries: libxml2 %s, PCRE2 %s, ICU %s, cmark-gfm %s\n",
               LIBXML_DOTTED_VERSION, pcre, icus, cmark_version_string());
}

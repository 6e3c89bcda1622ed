/* config.h — the .cpslint configuration file of `cpslint check`.
 *
 * Found from the current directory upwards: the first .cpslint in the
 * current directory or a parent, stopping after the first directory that
 * holds .git (the top of the repository) or at the filesystem root,
 * whichever comes first; or given with --config FILE; ignored with
 * --no-config. The syntax is the rules files' (ini.h), without sections:
 *
 *   ruleset      = mozilla ./local.rules   # added to the default rulesets
 *   only-ruleset = cabf-br                  # instead of the defaults
 *   disable      = br.4.9.3 ccadb.english-version
 *   enable       = chrome.1.1.3.markdown
 *   fail-on      = warning                  # error, warning, notice, never
 *   min-level    = warning                  # error, warning, notice
 *   baseline     = ci/baseline.json         # relative to the file's directory
 *   as-of        = 2026-12-01               # YYYY-MM-DD, doc or today
 *   exclude      = drafts old-*.html        # for `check DIR` (globs)
 *
 * List keys take names separated by blanks or commas and may repeat;
 * the others may be given once. Every error is "FILE:LINE: message"
 * (CPS_E_USAGE): unknown key, bad value, a key given twice. A rule id the
 * rulesets do not have is refused when they are loaded (cli_load), with
 * the line that named it. The command line overrides the file: its
 * single options replace the file's values, its lists come after them.
 *
 * Ownership: a config owns every string in it (config_free).
 */
#ifndef CPSLINT_CONFIG_H
#define CPSLINT_CONFIG_H

#include <stddef.h>

#include "cli_util.h"
#include "date.h"
#include "err.h"

#define CONFIG_NAME ".cpslint"

/* A list value: its items, each with the line that gave it. */
typedef struct config_list {
    char **v;
    long *line;
    int *on;      /* enable/disable: 1 enable, 0 disable (toggles only) */
    size_t n;
} config_list;

typedef enum {
    CONFIG_AS_OF_UNSET = 0,
    CONFIG_AS_OF_DATE,
    CONFIG_AS_OF_DOC,
    CONFIG_AS_OF_TODAY
} config_as_of;

typedef struct config {
    char *path;            /* the file read (NULL: none) */
    config_list rulesets;  /* ruleset = ... (added to the defaults) */
    config_list only;      /* only-ruleset = ... (replace the defaults) */
    config_list toggles;   /* enable / disable, in file order */
    config_list excludes;
    int fail_on;           /* rule_severity, 0 never; -1 unset */
    int min_level;         /* rule_severity; -1 unset */
    char *baseline;        /* resolved against the file's directory, or NULL */
    config_as_of as_of_mode;
    cps_date as_of;        /* CONFIG_AS_OF_DATE */
} config;

void config_init(config *c);
void config_free(config *c);

/* The .cpslint that applies from directory dir (NULL: the current one):
 * 1 with its path in out, 0 when there is none, -1 when the path does not
 * fit in size. */
int config_find(const char *dir, char *out, size_t size);

/* Read path into *c (config_init first; config_free after, also on
 * error). Returns 0, or CPS_E_USAGE / CPS_E_IO with e saying FILE:LINE:
 * why. */
int config_load(config *c, const char *path, cps_err *e);

/* sel (the command line's) with c's selection under it: c's only-ruleset
 * unless sel has one, c's rulesets and toggles (with their FILE:LINE)
 * before sel's. Strings stay borrowed: c must outlive sel. 0, or
 * EXIT_TROUBLE after printing why. */
int config_merge_rules(const config *c, cli_rules *sel, const cli_env *env);

#endif

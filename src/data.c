#include "data.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int has_rulesets(const char *dir)
{
    char p[PATH_MAX];
    struct stat st;
    if (snprintf(p, sizeof p, "%s/rulesets/rfc3647.outline", dir) >= (int)sizeof p)
        return 0;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int copy_dir(const char *dir, char *out, size_t n, cps_err *e)
{
    if (strlen(dir) >= n)
        return cps_err_set(e, CPS_E_IO, NULL, 0, "data directory path too long");
    strcpy(out, dir);
    return 0;
}

int data_dir(const char *argv0, char *out, size_t n, cps_err *e)
{
    const char *env = getenv("CPSLINT_DATA");
    if (env && *env) {
        if (!has_rulesets(env))
            return cps_err_set(e, CPS_E_IO, NULL, 0,
                               "CPSLINT_DATA=%s has no rulesets/rfc3647.outline", env);
        return copy_dir(env, out, n, e);
    }
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k <= 0 && argv0 && strchr(argv0, '/') && realpath(argv0, exe))
        k = (ssize_t)strlen(exe);
    if (k > 0) {
        exe[k] = '\0';
        for (int up = 0; up < 2; up++) {  /* build/cpslint -> ., bin/x -> .. */
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            if (up == 1 && has_rulesets(exe))
                return copy_dir(exe, out, n, e);
        }
        /* installed into any prefix: PREFIX/bin/cpslint -> PREFIX/share/cpslint */
        char rel[PATH_MAX];
        if (snprintf(rel, sizeof rel, "%s/share/cpslint", exe) < (int)sizeof rel &&
            has_rulesets(rel))
            return copy_dir(rel, out, n, e);
    }
    if (has_rulesets(CPSLINT_DATADIR))
        return copy_dir(CPSLINT_DATADIR, out, n, e);
    return cps_err_set(e, CPS_E_IO, NULL, 0,
                       "cannot find the rulesets: set CPSLINT_DATA to the directory "
                       "that holds rulesets/ (installed: %s)", CPSLINT_DATADIR);
}

int data_path(const char *dir, const char *name, char *out, size_t n, cps_err *e)
{
    int k = snprintf(out, n, "%s/rulesets/%s", dir, name);
    if (k < 0 || (size_t)k >= n)
        return cps_err_set(e, CPS_E_IO, NULL, 0, "path too long: %s/rulesets/%s", dir, name);
    return 0;
}

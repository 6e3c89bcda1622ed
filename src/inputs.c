/* inputs.c — the documents `cpslint check` is given (inputs.h). */
#include "inputs.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "input_formats.h"

void inputs_add(input_list *l, char *path)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = path;
}

/* A directory walk picks the extensions of the table's rows (their ext,
 * not ext_named). */
static int wanted_ext(const char *name)
{
    return input_format_by_ext(name, 1) != NULL;
}

/* Files of a repository that are not CP/CPS documents, skipped when
 * found in a directory (a file named on the command line is checked). */
static int repo_file(const char *name)
{
    static const char *const skip[] = {"readme", "changelog", "license", "licence",
                                       "contributing", NULL};
    for (size_t i = 0; skip[i]; i++) {
        size_t k = 0;
        while (skip[i][k] && (name[k] | 0x20) == skip[i][k])
            k++;
        if (!skip[i][k] && (name[k] == '.' || name[k] == '\0'))
            return 1;
    }
    return 0;
}

static int excluded(const char *path, const char *name, const char *const *pats, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pats[i], path, 0) == 0 || fnmatch(pats[i], name, 0) == 0)
            return 1;
    return 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The documents under dir, in name order; an unreadable directory is
 * added as an input of its own so that it is reported as an error. */
static void collect_dir(input_list *l, const char *dir, int depth, const char *const *excl,
                        size_t nexcl)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d) {
        inputs_add(l, xstrdup(dir));
        return;
    }
    input_list names = {NULL, 0, 0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            inputs_add(&names, xstrdup(de->d_name));
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, name_cmp);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    for (size_t i = 0; i < names.n; i++) {
        buf p = BUF_INIT;
        buf_printf(&p, "%.*s/%s", (int)dl, dir, names.v[i]);
        struct stat st;
        if (excluded(p.ptr, names.v[i], excl, nexcl)) {
            buf_free(&p);
        } else if (lstat(p.ptr, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect_dir(l, p.ptr, depth + 1, excl, nexcl);
            buf_free(&p);
        } else if (wanted_ext(names.v[i]) && !repo_file(names.v[i]) && stat(p.ptr, &st) == 0 &&
                   S_ISREG(st.st_mode)) {
            inputs_add(l, buf_detach(&p));
        } else {
            buf_free(&p);
        }
        free(names.v[i]);
    }
    free(names.v);
}

void inputs_collect(input_list *l, int argc, char **argv, const char *const *excl, size_t nexcl)
{
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            collect_dir(l, argv[i], 0, excl, nexcl);
        else
            inputs_add(l, xstrdup(argv[i])); /* files, "-", and what does not exist */
    }
}

/* inputs.h — the documents `cpslint check` is given: files as named,
 * directories walked in name order for the extensions of the input
 * formats (input_formats.h: *.html *.htm *.xhtml *.md *.markdown *.pdf;
 * not README, CHANGELOG, LICENSE, CONTRIBUTING), with
 * the --exclude / config `exclude` globs matched against each path and
 * each name (fnmatch).
 *
 * Ownership: an input_list owns its paths (the caller frees each and v).
 */
#ifndef CPSLINT_INPUTS_H
#define CPSLINT_INPUTS_H

#include <stddef.h>

typedef struct input_list {
    char **v;
    size_t n, cap;
} input_list;

/* Append path (taken over). */
void inputs_add(input_list *l, char *path);
/* Append argv[0..argc): a directory's documents (an unreadable directory
 * is added itself, so that it is reported), anything else as given. */
void inputs_collect(input_list *l, int argc, char **argv, const char *const *excl, size_t nexcl);

#endif

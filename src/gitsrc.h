/* gitsrc.h — the versions of one file in a git repository, read with `git`
 * as a child process (no shell: argv only; nothing is written).
 *
 *   git [-C DIR] [--git-dir=GITDIR] log --follow --format=... --name-only -- PATH
 *
 * lists every commit that changed PATH, newest first, following renames the
 * way `git log --follow` does, with the name the file had at each commit;
 * `git show COMMIT:NAME` then gives its bytes. A commit that deleted the
 * file is skipped.
 *
 * Errors (exit 2 for the caller): git missing ("install the git package"),
 * not a repository or a bad path (git's own message), no commit changed
 * PATH, a version larger than max_size.
 *
 * Ownership: git_versions_free releases everything.
 */
#ifndef CPSLINT_GITSRC_H
#define CPSLINT_GITSRC_H

#include <stddef.h>

#include "date.h"
#include "err.h"

typedef struct git_version {
    char commit[41];         /* full id */
    char abbrev[16];         /* as `git log %h` gives it */
    cps_date date;           /* committer date */
    char *name;              /* the file's path at that commit (from the top) */
    unsigned char *bytes;    /* its content */
    size_t len;
} git_version;

typedef struct git_versions {
    git_version *v;          /* oldest first */
    size_t n;
} git_versions;

typedef struct git_opts {
    const char *dir;         /* -C DIR, or NULL */
    const char *git_dir;     /* --git-dir, or NULL */
    const char *git;         /* the program, NULL: $CPSLINT_GIT or "git" */
    size_t max_size;         /* per version; 0: 64 MiB */
} git_opts;

/* Read every version of path. On failure *out is left empty. */
int git_versions_read(const char *path, const git_opts *o, git_versions *out, cps_err *e);
void git_versions_free(git_versions *g);

#endif

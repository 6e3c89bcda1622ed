/* gitsrc.c — the versions of one file from `git log --follow` and
 * `git show` (gitsrc.h). */
#define _GNU_SOURCE /* pipe2 */
#include "gitsrc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

extern char **environ;

#define GIT_DEFAULT_MAX (64u << 20)
#define GIT_ERR_MAX 4096
#define GIT_MAX_ARGS 16

/* Run git with args (after the -C/--git-dir options); stdout into *out (at
 * most cap bytes), stderr's first line into err. Returns the exit status,
 * -1 when git could not run (errno in *spawn_err), -2 over the cap. */
static int run_git(const git_opts *o, const char *const *args, size_t cap, buf *out,
                   char *err, size_t errlen, int *spawn_err)
{
    const char *prog = o->git ? o->git : getenv("CPSLINT_GIT");
    if (!prog || !*prog)
        prog = "git";
    const char *argv[GIT_MAX_ARGS + 6];
    size_t k = 0;
    argv[k++] = prog;
    char gd[4200];
    if (o->dir) {
        argv[k++] = "-C";
        argv[k++] = o->dir;
    }
    if (o->git_dir) {
        snprintf(gd, sizeof gd, "--git-dir=%s", o->git_dir);
        argv[k++] = gd;
    }
    for (size_t i = 0; args[i] && k < sizeof argv / sizeof argv[0] - 1; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC) != 0)
        return *spawn_err = errno, -1;
    if (pipe2(pe, O_CLOEXEC) != 0) {
        close(po[0]);
        close(po[1]);
        return *spawn_err = errno, -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        close(po[0]);
        close(pe[0]);
        *spawn_err = rc;
        return -1;
    }
    buf eb = BUF_INIT;
    int over = 0;
    struct pollfd p[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    char chunk[65536];
    while (p[0].fd >= 0 || p[1].fd >= 0) {
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t got = read(p[i].fd, chunk, sizeof chunk);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                close(p[i].fd);
                p[i].fd = -1;
                continue;
            }
            if (i == 1) {
                if (eb.len < GIT_ERR_MAX)
                    buf_put(&eb, chunk, (size_t)got);
            } else if (!over && (size_t)got <= cap - out->len) {
                buf_put(out, chunk, (size_t)got);
            } else {
                over = 1; /* keep draining so git can exit */
            }
        }
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    /* git's first error line: "fatal: not a git repository ..." */
    const char *s = eb.len ? buf_cstr(&eb) : "";
    size_t n = strcspn(s, "\n");
    snprintf(err, errlen, "%.*s", (int)(n < errlen ? n : errlen - 1), s);
    buf_free(&eb);
    if (over)
        return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static int git_fail(cps_err *e, const char *path, int rc, int spawn_err, const char *err,
                    const char *what)
{
    if (rc == -1 && spawn_err == ENOENT)
        return cps_err_set(e, CPS_E_INPUT, path, 0,
                           "git is not installed: install the git package to read --git history");
    if (rc == -1)
        return cps_err_set(e, CPS_E_IO, path, 0, "cannot run git: %s", strerror(spawn_err));
    if (rc == -2)
        return cps_err_set(e, CPS_E_LIMIT, path, 0, "%s is larger than --max-size", what);
    return cps_err_set(e, CPS_E_INPUT, path, 0, "git %s failed: %s", what,
                       *err ? err : "no message");
}

/* One "\x01FULL\tABBREV\tYYYY-MM-DD" line, then the file names of the commit. */
static int parse_log(const char *s, size_t n, git_versions *g)
{
    size_t cap = 0;
    git_version *cur = NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        const char *l = s + i;
        size_t len = j - i;
        i = j + 1;
        if (len && l[0] == '\x01') {
            if (g->n == cap) {
                cap = cap ? 2 * cap : 16;
                g->v = xrealloc(g->v, cap * sizeof *g->v);
            }
            cur = &g->v[g->n++];
            memset(cur, 0, sizeof *cur);
            char date[16] = "";
            char line[200];
            snprintf(line, sizeof line, "%.*s", (int)(len - 1), l + 1);
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t1 || !t2)
                return -1;
            *t1 = *t2 = '\0';
            snprintf(cur->commit, sizeof cur->commit, "%.40s", line);
            snprintf(cur->abbrev, sizeof cur->abbrev, "%.15s", t1 + 1);
            snprintf(date, sizeof date, "%.10s", t2 + 1);
            cur->date = date_parse_iso(date);
        } else if (len && cur && !cur->name) {
            cur->name = xstrndup(l, len);
        }
    }
    return 0;
}

int git_versions_read(const char *path, const git_opts *o, git_versions *out, cps_err *e)
{
    memset(out, 0, sizeof *out);
    git_opts def = {0};
    if (!o)
        o = &def;
    size_t cap = o->max_size ? o->max_size : GIT_DEFAULT_MAX;
    char err[512];
    int serr = 0;
    buf log = BUF_INIT;
    const char *largs[] = {"log", "--follow", "--no-color", "--format=%x01%H%x09%h%x09%cs",
                           "--name-only", "--diff-filter=AMRC", "--", path, NULL};
    int rc = run_git(o, largs, 64u << 20, &log, err, sizeof err, &serr);
    if (rc != 0) {
        buf_free(&log);
        return git_fail(e, path, rc, serr, err, "log");
    }
    git_versions g = {0};
    if (parse_log(log.ptr ? log.ptr : "", log.len, &g) != 0) {
        buf_free(&log);
        git_versions_free(&g);
        return cps_err_set(e, CPS_E_INPUT, path, 0, "git log gave output cpslint cannot read");
    }
    buf_free(&log);
    if (!g.n)
        return cps_err_set(e, CPS_E_INPUT, path, 0,
                           "no commit of the repository changed this path (is it tracked?)");
    /* oldest first */
    for (size_t i = 0; i < g.n / 2; i++) {
        git_version t = g.v[i];
        g.v[i] = g.v[g.n - 1 - i];
        g.v[g.n - 1 - i] = t;
    }
    for (size_t i = 0; i < g.n; i++) {
        git_version *x = &g.v[i];
        if (!x->name)
            x->name = xstrdup(path);
        buf spec = BUF_INIT;
        buf_printf(&spec, "%s:%s", x->commit, x->name);
        const char *sargs[] = {"show", "--no-color", buf_cstr(&spec), NULL};
        buf content = BUF_INIT;
        rc = run_git(o, sargs, cap, &content, err, sizeof err, &serr);
        buf_free(&spec);
        if (rc != 0) {
            buf_free(&content);
            git_versions_free(&g);
            return git_fail(e, path, rc, serr, err, "show");
        }
        x->len = content.len;
        x->bytes = (unsigned char *)buf_detach(&content);
    }
    *out = g;
    return 0;
}

void git_versions_free(git_versions *g)
{
    for (size_t i = 0; i < g->n; i++) {
        free(g->v[i].name);
        free(g->v[i].bytes);
    }
    free(g->v);
    memset(g, 0, sizeof *g);
}

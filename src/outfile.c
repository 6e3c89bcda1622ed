/* outfile.c — see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* ---- the temporary file a signal must remove --------------------------
 * The one allowed piece of file-static mutable state (see outfile.h): a
 * signal handler can only reach static storage. sig_tmp is written only
 * while sig_armed is 0 and the signals are blocked. */
static char sig_tmp[PATH_MAX + 32];
static volatile sig_atomic_t sig_armed;
static struct sigaction sig_old[3];
static const int sig_list[3] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    if (sig_armed)
        (void)unlink(sig_tmp);
    /* SA_RESETHAND restored the default action: end as the signal would */
    (void)raise(sig);
}

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < 3; i++)
        sigaddset(&set, sig_list[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

/* With the signals blocked: remember tmp and install the handler. */
static void arm(const char *tmp)
{
    if (sig_armed || strlen(tmp) >= sizeof sig_tmp)
        return; /* another output is protected, or the name does not fit */
    memcpy(sig_tmp, tmp, strlen(tmp) + 1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < 3; i++)
        sigaction(sig_list[i], &sa, &sig_old[i]);
    sig_armed = 1;
}

static void disarm(const char *tmp)
{
    if (!sig_armed || strcmp(tmp, sig_tmp))
        return;
    sigset_t old;
    block_signals(&old);
    sig_armed = 0;
    for (size_t i = 0; i < 3; i++)
        sigaction(sig_list[i], &sig_old[i], NULL);
    sig_tmp[0] = '\0';
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* ---- where a path really leads ----------------------------------------- */

/* N if p names a descriptor of this process (/dev/fd/N, /proc/self/fd/N,
 * /proc/PID/fd/N), else -1. */
static int fd_path(const char *p)
{
    char self[64];
    snprintf(self, sizeof self, "/proc/%ld/fd/", (long)getpid());
    const char *prefixes[] = {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", self};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t k = strlen(prefixes[i]);
        if (strncmp(p, prefixes[i], k) || !p[k])
            continue;
        long n = 0;
        const char *d = p + k;
        for (; *d >= '0' && *d <= '9' && n < 1000000; d++)
            n = n * 10 + (*d - '0');
        if (!*d)
            return (int)n;
    }
    return -1;
}

/* Follow symbolic links from path (at most 40): the final name, owned by
 * the caller, or NULL with *fdnum set when a link leads to one of our
 * descriptors. */
static char *resolve(const char *path, int *fdnum)
{
    char *p = xstrdup(path);
    *fdnum = -1;
    for (int hops = 0; hops < 40; hops++) {
        int n = fd_path(p);
        if (n >= 0) {
            *fdnum = n;
            free(p);
            return NULL;
        }
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        char link[PATH_MAX];
        ssize_t k = readlink(p, link, sizeof link - 1);
        if (k <= 0)
            return p;
        link[k] = '\0';
        buf b = BUF_INIT;
        const char *slash = strrchr(p, '/');
        if (link[0] != '/' && slash)
            buf_printf(&b, "%.*s/%s", (int)(slash - p), p, link);
        else
            buf_puts(&b, link);
        free(p);
        p = buf_detach(&b);
    }
    return p; /* a loop: open() will say so */
}

int outfile_clashes(const char *out, const char *const *inputs, size_t n, cps_err *e)
{
    struct stat so;
    if (!out || stat(out, &so) != 0 || !S_ISREG(so.st_mode))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!inputs[i])
            continue;
        struct stat si;
        int ok = !strcmp(inputs[i], "-") ? fstat(0, &si) == 0 : stat(inputs[i], &si) == 0;
        if (ok && S_ISREG(si.st_mode) && si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
            cps_err_set(e, CPS_E_USAGE, out, 0, "is the same file as the input %s: not written",
                        !strcmp(inputs[i], "-") ? "on standard input" : inputs[i]);
            return 1;
        }
    }
    return 0;
}

/* ---- writing ------------------------------------------------------------ */

static void release(outfile *f)
{
    free(f->path);
    free(f->target);
    free(f->tmp);
    memset(f, 0, sizeof *f);
    f->fd = -1;
}


static int fail(outfile *f, cps_err *e, const char *what, int err)
{
    cps_err_set(e, CPS_E_IO, f->path, 0, "%s: %s", what, strerror(err));
    release(f);
    return CPS_E_IO;
}

static int open_in_place(outfile *f, int fdnum, cps_err *e)
{
    if (fdnum >= 0) {
        f->fd = fcntl(fdnum, F_DUPFD_CLOEXEC, 3);
        if (f->fd < 0)
            return fail(f, e, "cannot write", errno);
        return 0;
    }
    struct stat st;
    if (stat(f->target, &st) == 0 && S_ISBLK(st.st_mode))
        return fail(f, e, "cannot write", ENOTSUP); /* never a disk */
    f->fd = open(f->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (f->fd < 0)
        return fail(f, e, "cannot write", errno);
    return 0;
}

int outfile_open(outfile *f, const char *path, cps_err *e)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->path = xstrdup(path);
    int fdnum;
    f->target = resolve(path, &fdnum);
    struct stat st;
    int exists = f->target && stat(f->target, &st) == 0;
    if (!f->target || (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
        return open_in_place(f, fdnum, e);
    if (exists && S_ISDIR(st.st_mode))
        return fail(f, e, "cannot write", EISDIR);

    buf tmp = BUF_INIT;
    const char *slash = strrchr(f->target, '/');
    if (slash)
        buf_printf(&tmp, "%.*s/.%s.XXXXXX", (int)(slash - f->target), f->target, slash + 1);
    else
        buf_printf(&tmp, ".%s.XXXXXX", f->target);
    f->tmp = buf_detach(&tmp);
    sigset_t old;
    block_signals(&old);
    f->fd = mkstemp(f->tmp);
    int saved = errno;
    if (f->fd >= 0)
        arm(f->tmp);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (f->fd < 0)
        return fail(f, e, "cannot create a temporary file", saved);
    (void)fcntl(f->fd, F_SETFD, FD_CLOEXEC);
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t um = umask(0);
        umask(um);
        mode = 0666 & ~um;
    }
    (void)fchmod(f->fd, mode);
    return 0;
}

void outfile_write(outfile *f, const void *data, size_t n)
{
    const char *p = data;
    while (n && !f->err && f->fd >= 0) {
        ssize_t k = write(f->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            f->err = k < 0 ? errno : EIO;
            break;
        }
        p += k;
        n -= (size_t)k;
    }
}

void outfile_abort(outfile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    if (f->tmp) {
        unlink(f->tmp);
        disarm(f->tmp);
    }
    release(f);
}

/* fsync the directory holding path, so the rename survives a crash;
 * file systems that cannot (EINVAL) are not an error. */
static int sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return 0;
    int rc = fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP ? errno : 0;
    close(fd);
    return rc;
}

int outfile_commit(outfile *f, cps_err *e)
{
    int err = f->err;
    if (!f->tmp) { /* in place */
        if (close(f->fd) != 0 && !err)
            err = errno;
        f->fd = -1;
        if (err)
            return fail(f, e, "cannot write", err);
        release(f);
        return 0;
    }
    if (!err && fsync(f->fd) != 0)
        err = errno;
    if (close(f->fd) != 0 && !err)
        err = errno;
    f->fd = -1;
    if (!err && rename(f->tmp, f->target) != 0)
        err = errno;
    if (err)
        unlink(f->tmp);
    disarm(f->tmp);
    if (err)
        return fail(f, e, "cannot write", err);
    err = sync_dir(f->target);
    if (err)
        return fail(f, e, "written, but its directory could not be synced", err);
    release(f);
    return 0;
}

int outfile_write_all(const char *path, const void *data, size_t n, cps_err *e)
{
    outfile f;
    int rc = outfile_open(&f, path, e);
    if (rc)
        return rc;
    outfile_write(&f, data, n);
    return outfile_commit(&f, e);
}

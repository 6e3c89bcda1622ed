/* pdf_run.c — running pdftotext (pdf.h, first half): a child process
 * without a shell, its output read through a pipe under a time limit and a
 * size cap. Split from pdf.c, which turns its text into blocks. */
#define _GNU_SOURCE
#include "pdf.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

extern char **environ;

#define NEEDS_PDFTOTEXT "PDF input needs pdftotext (Debian package poppler-utils)"

/* stdin is "-" in the document, "<stdin>" in messages (as in source.h) */
static const char *shown(const char *name)
{
    return name && strcmp(name, "-") ? name : "<stdin>";
}

/* ---- running pdftotext --------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void reap(pid_t pid, int kill_it, int *status)
{
    if (kill_it)
        kill(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
}

/* Run pdftotext on path, or, when path is NULL, on the file open at in_fd
 * (its standard input, named "-"). */
/* pdftotext's exit status: 0 when it succeeded, else the error (its code
 * returned, e filled). */
static int exit_error(int status, const char *name, cps_err *e)
{
    if (WIFSIGNALED(status))
        return cps_err_set(e, CPS_E_PARSE, name, 0, "pdftotext died (signal %d) reading this PDF",
                           WTERMSIG(status));
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 0)
        return 0;
    if (code == 127)
        return cps_err_set(e, CPS_E_INPUT, name, 0, NEEDS_PDFTOTEXT);
    if (code == 1)
        return cps_err_set(e, CPS_E_PARSE, name, 0,
                           "pdftotext cannot read this PDF (damaged, encrypted, or not a PDF)");
    if (code == 3)
        return cps_err_set(e, CPS_E_PARSE, name, 0, "the PDF does not permit copying its text");
    return cps_err_set(e, CPS_E_PARSE, name, 0, "pdftotext failed on this PDF (exit %d)", code);
}

static int run_pdftotext(const char *path, int in_fd, const char *name, const pdf_opts *o,
                         char **text, size_t *len, cps_err *e)
{
    *text = NULL;
    *len = 0;
    unsigned timeout = o && o->timeout ? o->timeout : PDF_DEFAULT_TIMEOUT;
    size_t cap = o && o->max_output ? o->max_output : PDF_DEFAULT_MAX_OUTPUT;
    const char *prog = o && o->pdftotext ? o->pdftotext : getenv("CPSLINT_PDFTOTEXT");
    if (!prog || !*prog)
        prog = "pdftotext";
    /* a file name starting with '-' would read as an option */
    if (!path)
        path = "-";
    char *arg = xmalloc(strlen(path) + 3);
    sprintf(arg, "%s%s", path[0] == '-' && in_fd < 0 ? "./" : "", path);
    char *argv[] = {(char *)prog, "-q", "-layout", "-enc", "UTF-8", arg, "-", NULL};

    /* close-on-exec from the start: with -j, another thread may spawn its
     * pdftotext between pipe() and fcntl(), and a child holding this write
     * end would keep our read from ever seeing end-of-file */
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        free(arg);
        return cps_err_set(e, CPS_E_IO, name, 0, "cannot run pdftotext: %s", strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (in_fd >= 0)
        posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
    else
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    free(arg);
    if (rc != 0) {
        close(fds[0]);
        if (rc == ENOENT || rc == EACCES || rc == ENOTDIR)
            return cps_err_set(e, CPS_E_INPUT, name, 0, NEEDS_PDFTOTEXT);
        return cps_err_set(e, CPS_E_IO, name, 0, "cannot run pdftotext: %s", strerror(rc));
    }

    buf out = BUF_INIT;
    double deadline = now_s() + timeout;
    const char *why = NULL;
    char chunk[65536];
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0) {
            why = "timeout";
            break;
        }
        struct pollfd p = {fds[0], POLLIN, 0};
        int pr = poll(&p, 1, left > 1000 ? 1000000 : (int)(left * 1000) + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr < 0) {
            why = "poll";
            break;
        }
        if (pr == 0)
            continue;
        ssize_t got = read(fds[0], chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; /* end of output (or a read error: the exit status tells) */
        if ((size_t)got > cap - out.len) {
            why = "cap";
            break;
        }
        buf_put(&out, chunk, (size_t)got);
    }
    close(fds[0]);
    int status = 0;
    if (why) {
        reap(pid, 1, &status);
        buf_free(&out);
        if (!strcmp(why, "timeout"))
            return cps_err_set(e, CPS_E_LIMIT, name, 0,
                               "pdftotext took longer than %u s on this PDF (--pdf-timeout)", timeout);
        if (!strcmp(why, "cap"))
            return cps_err_set(e, CPS_E_LIMIT, name, 0,
                               "the PDF's text is larger than %zu bytes (--max-size)", cap);
        return cps_err_set(e, CPS_E_IO, name, 0, "reading pdftotext's output: %s", strerror(errno));
    }
    /* output closed: the child is exiting; give it the rest of the time */
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid || (w < 0 && errno != EINTR))
            break;
        if (now_s() > deadline) {
            reap(pid, 1, &status);
            buf_free(&out);
            return cps_err_set(e, CPS_E_LIMIT, name, 0,
                               "pdftotext took longer than %u s on this PDF (--pdf-timeout)", timeout);
        }
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    int failed = exit_error(status, name, e);
    if (failed) {
        buf_free(&out);
        return failed;
    }
    *len = out.len;
    *text = buf_detach(&out);
    if (!*text)
        *text = xstrdup("");
    return 0;
}

int pdf_extract(const char *path, const char *name, const pdf_opts *o, char **text,
                size_t *len, cps_err *e)
{
    return run_pdftotext(path, -1, name, o, text, len, e);
}


/* A private file holding bytes[0..n), already unlinked (so nothing is left
 * behind whatever happens next, a signal included), positioned at its
 * start; -1 with errno set on failure. */
static int anonymous_copy(const unsigned char *bytes, size_t n)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    int fd = -1;
#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (fd < 0) {
        char *tmpl = xmalloc(strlen(dir) + 32);
        sprintf(tmpl, "%s/cpslint-pdf-XXXXXX", dir);
        fd = mkostemp(tmpl, O_CLOEXEC);
        if (fd >= 0)
            unlink(tmpl);
        free(tmpl);
        if (fd < 0)
            return -1;
    }
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, bytes + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int err = w < 0 ? errno : ENOSPC;
            close(fd);
            errno = err;
            return -1;
        }
        off += (size_t)w;
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

int pdf_extract_bytes(const char *name, const unsigned char *bytes, size_t n, const pdf_opts *o,
                      char **text, size_t *len, cps_err *e)
{
    *text = NULL;
    *len = 0;
    int fd = anonymous_copy(bytes, n);
    if (fd < 0)
        return cps_err_set(e, CPS_E_IO, shown(name), 0,
                           "cannot write a temporary file for pdftotext: %s", strerror(errno));
    int rc = run_pdftotext(NULL, fd, shown(name), o, text, len, e);
    close(fd);
    return rc;
}

/* inject_faults.c — an LD_PRELOAD shim that makes chosen I/O calls fail, to
 * test cpslint's error paths (after jq's src/inject_errors.c).
 *
 *   CPSLINT_FAULT="FN[:ERRNO[:N]][,...]"   e.g. "write:ENOSPC", "fread:EIO:2"
 *   CPSLINT_FAULT_PATH=SUBSTRING          stream faults apply only to
 *                                         stdout and to streams whose
 *                                         fopen path contains it
 *   CPSLINT_FAULT_LOG=FILE                append "FN" there each time a
 *                                         fault fires
 *
 *
 * FN is one of write, fsync, close, rename, fwrite, fputs, fputc, fprintf,
 * fflush, fread, read, mkstemp (and, in inject_alloc.so, built from this
 * file with -DINJECT_ALLOC, malloc, calloc, realloc). The call fails
 * with ERRNO (a name: EIO, ENOSPC, EROFS, EACCES, EXDEV, EPIPE, EBADF,
 * ENOMEM; default EIO) from its N-th call on (default 1); "read" faults
 * with CPSLINT_FAULT_PATH apply to descriptors open()ed on such a path. Standard error is never made to fail, so messages stay visible. A
 * failing stdio call also sets the stream's error indicator, as a real
 * failure would. Test-only code: it keeps its state in file-static
 * variables, which the project's modules never do.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FAULTS 8
#define MAX_STREAMS 64

struct fault {
    char fn[16];
    int err;
    long from, calls;
};

static struct fault faults[MAX_FAULTS];
static int nfaults = -1;
static FILE *watched[MAX_STREAMS];

static int errno_named(const char *s)
{
    static const struct { const char *name; int value; } names[] = {
        {"EIO", EIO}, {"ENOSPC", ENOSPC}, {"EROFS", EROFS}, {"EACCES", EACCES},
        {"EXDEV", EXDEV}, {"EPIPE", EPIPE}, {"EBADF", EBADF}, {"EDQUOT", EDQUOT},
        {"ESTALE", ESTALE}, {"ENOMEM", ENOMEM}, {NULL, 0}};
    for (int i = 0; names[i].name; i++)
        if (!strcmp(s, names[i].name))
            return names[i].value;
    return EIO;
}

static void parse(void)
{
    nfaults = 0;
    const char *spec = getenv("CPSLINT_FAULT");
    if (!spec)
        return;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", spec);
    char *save = NULL;
    for (char *item = strtok_r(copy, ",", &save); item && nfaults < MAX_FAULTS;
         item = strtok_r(NULL, ",", &save)) {
        struct fault *f = &faults[nfaults++];
        char *c1 = strchr(item, ':');
        if (c1)
            *c1++ = '\0';
        char *c2 = c1 ? strchr(c1, ':') : NULL;
        if (c2)
            *c2++ = '\0';
        snprintf(f->fn, sizeof f->fn, "%s", item);
        f->err = c1 ? errno_named(c1) : EIO;
        f->from = c2 ? atol(c2) : 1;
        f->calls = 0;
    }
}

/* 1 if this call of fn must fail (errno set). */
static void log_fired(const char *fn)
{
    const char *path = getenv("CPSLINT_FAULT_LOG");
    if (!path)
        return;
    static __typeof__(write) *real_write_log;
    static __typeof__(open) *real_open_log;
    static __typeof__(close) *real_close_log;
    if (!real_write_log) {
        real_write_log = (__typeof__(write) *)dlsym(RTLD_NEXT, "write");
        real_open_log = (__typeof__(open) *)dlsym(RTLD_NEXT, "open");
        real_close_log = (__typeof__(close) *)dlsym(RTLD_NEXT, "close");
    }
    int fd = real_open_log(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
        return;
    char line[32];
    int k = snprintf(line, sizeof line, "%s\n", fn);
    if (real_write_log(fd, line, (size_t)k) < 0)
        k = 0;
    real_close_log(fd);
}

static int should_fail(const char *fn)
{
    if (nfaults < 0)
        parse();
    for (int i = 0; i < nfaults; i++)
        if (!strcmp(faults[i].fn, fn) && ++faults[i].calls >= faults[i].from) {
            int e = faults[i].err;
            log_fired(fn);
            errno = e;
            return 1;
        }
    return 0;
}

static int stream_selected(FILE *s)
{
    if (s == stderr)
        return 0;
    if (!getenv("CPSLINT_FAULT_PATH") || s == stdout)
        return 1;
    for (int i = 0; i < MAX_STREAMS; i++)
        if (watched[i] == s)
            return 1;
    return 0;
}

static void set_error(FILE *s)
{
    s->_flags |= 0x20; /* glibc _IO_ERR_SEEN: ferror(s) is now true */
}

#define REAL(fn) static __typeof__(fn) *real_##fn; \
    if (!real_##fn) real_##fn = (__typeof__(fn) *)dlsym(RTLD_NEXT, #fn)

FILE *fopen(const char *path, const char *mode)
{
    REAL(fopen);
    FILE *f = real_fopen(path, mode);
    const char *want = getenv("CPSLINT_FAULT_PATH");
    if (f && want && strstr(path, want))
        for (int i = 0; i < MAX_STREAMS; i++)
            if (!watched[i]) {
                watched[i] = f;
                break;
            }
    return f;
}

int fclose(FILE *s)
{
    REAL(fclose);
    for (int i = 0; i < MAX_STREAMS; i++)
        if (watched[i] == s)
            watched[i] = NULL;
    return real_fclose(s);
}

ssize_t write(int fd, const void *b, size_t n)
{
    REAL(write);
    if (fd != 2 && should_fail("write"))
        return -1;
    return real_write(fd, b, n);
}

int fsync(int fd)
{
    REAL(fsync);
    if (should_fail("fsync"))
        return -1;
    return real_fsync(fd);
}

int close(int fd)
{
    REAL(close);
    if (fd > 2 && should_fail("close")) {
        int e = errno;
        real_close(fd); /* the descriptor is gone either way, as on Linux */
        errno = e;
        return -1;
    }
    return real_close(fd);
}

int rename(const char *a, const char *b)
{
    REAL(rename);
    if (should_fail("rename"))
        return -1;
    return real_rename(a, b);
}

int mkstemp(char *t)
{
    REAL(mkstemp);
    if (should_fail("mkstemp"))
        return -1;
    return real_mkstemp(t);
}

size_t fwrite(const void *p, size_t sz, size_t n, FILE *s)
{
    REAL(fwrite);
    if (stream_selected(s) && should_fail("fwrite")) {
        set_error(s);
        return 0;
    }
    return real_fwrite(p, sz, n, s);
}

int fputs(const char *p, FILE *s)
{
    REAL(fputs);
    if (stream_selected(s) && should_fail("fputs")) {
        set_error(s);
        return EOF;
    }
    return real_fputs(p, s);
}

int fputc(int c, FILE *s)
{
    REAL(fputc);
    if (stream_selected(s) && should_fail("fputc")) {
        set_error(s);
        return EOF;
    }
    return real_fputc(c, s);
}

int fprintf(FILE *s, const char *fmt, ...)
{
    if (stream_selected(s) && should_fail("fprintf")) {
        set_error(s);
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    int k = vfprintf(s, fmt, ap);
    va_end(ap);
    return k;
}

int fflush(FILE *s)
{
    REAL(fflush);
    if (s && stream_selected(s) && should_fail("fflush")) {
        set_error(s);
        return EOF;
    }
    return real_fflush(s);
}

size_t fread(void *p, size_t sz, size_t n, FILE *s)
{
    REAL(fread);
    if (s != stdin && stream_selected(s) && should_fail("fread")) {
        set_error(s);
        return 0;
    }
    return real_fread(p, sz, n, s);
}

/* ---- read(2) on selected paths ---- */

static int watched_fd[MAX_STREAMS];
static int nwatched_fd;

int open(const char *path, int flags, ...)
{
    REAL(open);
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    int fd = real_open(path, flags, mode);
    const char *want = getenv("CPSLINT_FAULT_PATH");
    if (fd >= 0 && want && strstr(path, want) && nwatched_fd < MAX_STREAMS)
        watched_fd[nwatched_fd++] = fd;
    return fd;
}

ssize_t read(int fd, void *b, size_t n)
{
    REAL(read);
    int selected = !getenv("CPSLINT_FAULT_PATH");
    for (int i = 0; i < nwatched_fd && !selected; i++)
        selected = watched_fd[i] == fd;
    if (selected && should_fail("read"))
        return -1;
    return real_read(fd, b, n);
}

#ifdef INJECT_ALLOC
/* Built as inject_alloc.so only: interposing malloc breaks sanitizer
 * builds, so the I/O shim does not. CPSLINT_FAULT_LIB=SUBSTRING: malloc,
 * calloc and realloc faults apply only to calls made from a shared object
 * whose path contains it (libxml2, libicuuc, libpcre2): out of memory
 * inside one library. */
/* ---- allocation inside one library ---- */

/* dlsym allocates: calls made while it resolves are served from here. */
static char boot[4096];
static size_t boot_used;
static int in_alloc_check;

static int alloc_selected(void *caller)
{
    const char *lib = getenv("CPSLINT_FAULT_LIB");
    if (!lib || in_alloc_check)
        return lib == NULL;
    in_alloc_check = 1;
    Dl_info info;
    int ok = dladdr(caller, &info) && info.dli_fname && strstr(info.dli_fname, lib);
    in_alloc_check = 0;
    return ok;
}

static int alloc_fails(const char *fn, void *caller)
{
    if (nfaults < 0) {
        if (in_alloc_check)
            return 0;
        in_alloc_check = 1;
        parse();
        in_alloc_check = 0;
    }
    int any = 0;
    for (int i = 0; i < nfaults; i++)
        any |= !strcmp(faults[i].fn, fn);
    return any && alloc_selected(caller) && should_fail(fn);
}

static __typeof__(malloc) *real_malloc_p;
static __typeof__(calloc) *real_calloc_p;
static __typeof__(realloc) *real_realloc_p;
static int resolving;

static void resolve(void)
{
    if (real_malloc_p || resolving)
        return;
    resolving = 1;
    real_calloc_p = (__typeof__(calloc) *)dlsym(RTLD_NEXT, "calloc");
    real_realloc_p = (__typeof__(realloc) *)dlsym(RTLD_NEXT, "realloc");
    real_malloc_p = (__typeof__(malloc) *)dlsym(RTLD_NEXT, "malloc");
    resolving = 0;
}

void *malloc(size_t n)
{
    resolve();
    if (!real_malloc_p) {
        size_t k = (n + 15) & ~(size_t)15;
        if (boot_used + k > sizeof boot)
            return NULL;
        void *p = boot + boot_used;
        boot_used += k;
        return p;
    }
    if (alloc_fails("malloc", __builtin_return_address(0)))
        return NULL;
    return real_malloc_p(n);
}

void *calloc(size_t n, size_t sz)
{
    resolve();
    if (!real_calloc_p) {
        void *p = malloc(n * sz);
        if (p)
            memset(p, 0, n * sz);
        return p;
    }
    if (alloc_fails("calloc", __builtin_return_address(0)))
        return NULL;
    return real_calloc_p(n, sz);
}

void *realloc(void *p, size_t n)
{
    resolve();
    if ((char *)p >= boot && (char *)p < boot + sizeof boot) {
        void *q = malloc(n);
        if (q)
            memcpy(q, p, n < sizeof boot ? n : sizeof boot);
        return q;
    }
    if (!real_realloc_p)
        return NULL;
    if (alloc_fails("realloc", __builtin_return_address(0)))
        return NULL;
    return real_realloc_p(p, n);
}

void free(void *p)
{
    REAL(free);
    if ((char *)p >= boot && (char *)p < boot + sizeof boot)
        return;
    real_free(p);
}
#endif

/* outfile.h — writing a report or baseline file without destroying anything.
 *
 * Every file cpslint writes (check -o, --write-baseline) goes through here:
 *
 *   - a path that is the same file as an input (same st_dev and st_ino,
 *     through symbolic links, standard input included when it is a regular
 *     file) is refused before anything is written (outfile_clashes);
 *   - a regular file, or a path that does not exist yet, is written
 *     atomically: a temporary file in the directory of the final target
 *     (a symbolic link is followed, and stays a link), fsynced, given the
 *     mode of the file it replaces (new files: 0666 less the umask),
 *     renamed over the target, then the directory is fsynced. The report
 *     is complete or not there at all;
 *   - anything else (a character device such as /dev/null or a full device,
 *     a FIFO, a socket) is written in place, and /dev/stdout, /dev/fd/N and
 *     /proc/self/fd/N write to the process's own descriptor N, keeping its
 *     offset and append mode. Every write, flush and close is checked: a
 *     full device is an error;
 *   - while a temporary file exists, SIGINT, SIGTERM and SIGHUP remove it
 *     and then end the process as the signal would have.
 *
 * The signal handler needs the temporary file's name in a static buffer
 * (a handler can reach nothing else): that buffer and its armed flag are
 * the one piece of file-static mutable state in this module, written only
 * by the thread that writes the output, with the signals blocked. One
 * atomic output at a time is protected; a second open output (the
 * baseline after the report) is protected once the first is closed.
 *
 * Ownership: an outfile owns its paths and descriptor until
 * outfile_commit or outfile_abort, which release everything.
 */
#ifndef CPSLINT_OUTFILE_H
#define CPSLINT_OUTFILE_H

#include <stddef.h>

#include "err.h"

typedef struct outfile {
    char *path;     /* as given (messages) */
    char *target;   /* the file finally written (symbolic links resolved) */
    char *tmp;      /* the temporary file, NULL when writing in place */
    int fd;         /* -1 when closed */
    int err;        /* errno of the first failed write, 0 if none */
} outfile;

/* Returns 1 (and fills e with a message naming both) if out is the same
 * file as inputs[i] for some i ("-" is standard input), else 0. A path that
 * does not exist, or is not a regular file, clashes with nothing. NULL
 * entries are skipped. */
int outfile_clashes(const char *out, const char *const *inputs, size_t n, cps_err *e);

/* Open path for writing as described above. 0, or CPS_E_IO with e filled
 * (nothing is left behind). */
int outfile_open(outfile *f, const char *path, cps_err *e);

/* Append data; a failure is remembered and reported by outfile_commit. */
void outfile_write(outfile *f, const void *data, size_t n);

/* Finish: fsync, close and rename (atomic), or close (in place). 0, or
 * CPS_E_IO with e filled and the temporary file removed. */
int outfile_commit(outfile *f, cps_err *e);

/* Give up: close and remove the temporary file (in place: just close). */
void outfile_abort(outfile *f);

/* Write data[0..n) to path in one go (open, write, commit). */
int outfile_write_all(const char *path, const void *data, size_t n, cps_err *e);

#endif

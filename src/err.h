/* err.h — error reporting by value.
 *
 * Functions that can fail return an int (0 on success, a negative CPS_E_*
 * code on failure) and fill a caller-owned cps_err with a message that
 * already names the file and, where there is one, the line:
 * "samples/x.html:12: invalid UTF-8". main prints it as "cpslint: <msg>".
 */
#ifndef CPSLINT_ERR_H
#define CPSLINT_ERR_H

#include <stddef.h>

enum {
    CPS_OK = 0,
    CPS_E_IO = -1,      /* cannot read or write a file */
    CPS_E_INPUT = -2,   /* input is empty, binary, undecodable or too large */
    CPS_E_PARSE = -3,   /* parser could not build a tree */
    CPS_E_RULES = -4,   /* invalid ruleset or outline data */
    CPS_E_USAGE = -5,   /* bad command line */
    CPS_E_LIMIT = -6,   /* a resource limit was hit (regex, size) */
    CPS_E_NOMEM = -7
};

typedef struct cps_err {
    int code;
    char msg[1024];
} cps_err;

/* Set e (if not NULL) to code and a formatted message; returns code. When
 * file is not NULL the message is prefixed "file:" and, if line > 0,
 * "file:line:". */
int cps_err_set(cps_err *e, int code, const char *file, long line,
                const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

void cps_err_clear(cps_err *e);

#endif

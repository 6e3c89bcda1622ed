#include "err.h"

#include <stdarg.h>
#include <stdio.h>

int cps_err_set(cps_err *e, int code, const char *file, long line,
                const char *fmt, ...)
{
    if (!e)
        return code;
    e->code = code;
    size_t n = 0;
    if (file) {
        int k = line > 0 ? snprintf(e->msg, sizeof e->msg, "%s:%ld: ", file, line)
                         : snprintf(e->msg, sizeof e->msg, "%s: ", file);
        n = k < 0 ? 0 : (size_t)k < sizeof e->msg ? (size_t)k : sizeof e->msg - 1;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg + n, sizeof e->msg - n, fmt, ap);
    va_end(ap);
    return code;
}

void cps_err_clear(cps_err *e)
{
    if (e) {
        e->code = 0;
        e->msg[0] = '\0';
    }
}

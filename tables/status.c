/* status.c -- status codes, their names, and error detail recording. */
#include "clioi.h"

#include <stdio.h>
#include <string.h>

const char *clio_strerror(int status)
{
    switch (status) {
    case CLIO_OK: return "success";
    case CLIO_EINVAL: return "invalid argument";
    case CLIO_ENOMEM: return "out of memory";
    case CLIO_EIO: return "cannot read input file";
    case CLIO_EFORMAT: return "malformed input file";
    case CLIO_ELABEL: return "duplicate, unknown or mismatched labels";
    case CLIO_EDIM: return "wrong dimensions";
    case CLIO_EVALUE: return "invalid value (NaN, infinite or negative)";
    case CLIO_EUNBALANCED: return "table does not balance";
    case CLIO_ESINGULAR: return "I - A is singular";
    case CLIO_ENONPRODUCTIVE: return "table is not productive";
    case CLIO_EWRITE: return "cannot write output";
    case CLIO_ENOCONVERGE: return "iteration did not converge";
    default: return "unknown status";
    }
}

int clioi_fail(clio_error *err, int status, const char *fmt, ...)
{
    if (err) {
        /* Format into a copy first: callers may pass err->message itself as
         * an argument to prefix it with a file name. */
        char text[sizeof err->message];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(text, sizeof text, fmt, ap);
        va_end(ap);
        err->status = status;
        memcpy(err->message, text, sizeof text);
    }
    return status;
}

#include "clioi.h"
int clioi_read_wiod_niot(const char *path, int year, clio_table **out, clio_error *err)
{
    (void)out; (void)year;
    return clioi_fail(err, CLIO_EINVAL, "%s: not yet", path);
}

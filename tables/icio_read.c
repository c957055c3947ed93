#include "clioi.h"
int clioi_read_oecd_icio(const char *path, clio_table **out, clio_error *err)
{
    (void)out;
    return clioi_fail(err, CLIO_EINVAL, "%s: not yet", path);
}

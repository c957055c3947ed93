/* layout_read.c -- dispatch clio_table_read_layout to the reader of a
 * published MRIO CSV layout (tables/icio_read.c, tables/wiod_read.c). */
#include "clioi.h"

#include <string.h>

int clioi_read_oecd_icio(const char *path, clio_table **out, clio_error *err);
int clioi_read_wiod_niot(const char *path, int year, const char *region, clio_table **out,
                         clio_error *err);

int clio_table_read_layout(const char *path, const char *layout,
                           const clio_layout_options *opts, clio_table **out, clio_error *err)
{
    *out = NULL;
    if (!path || !layout)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_read_layout: no file or layout");
    if (strcmp(layout, "oecd-icio") == 0)
        return clioi_read_oecd_icio(path, out, err);
    if (strcmp(layout, "wiod-niot") == 0)
        return clioi_read_wiod_niot(path, opts ? opts->year : 0, opts ? opts->region : NULL, out,
                                    err);
    return clioi_fail(err, CLIO_EINVAL, "unknown layout '%s' (known: oecd-icio, wiod-niot)",
                      layout);
}

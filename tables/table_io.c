/* table_io.c -- choose a reader or writer from the path: NetCDF files end
 * in ".nc"; a directory with a file_parameters.json is a pymrio folder, any
 * other directory a matrix-set CSV folder; results not ending in ".nc" are
 * tidy CSV. */
#include "clioi.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

int clio_table_read(const char *path, clio_table **out, clio_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return clioi_fail(err, CLIO_EIO, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode) && clio_is_pymrio_folder(path))
        return clio_table_read_pymrio(path, NULL, out, err);
    if (S_ISDIR(st.st_mode))
        return clio_table_read_matrixset(path, NULL, NULL, out, err);
    return clio_table_read_netcdf(path, out, err);
}

int clio_table_save(const clio_table *t, const char *path, clio_error *err)
{
    if (clioi_ends_with(path, ".nc"))
        return clio_table_write_netcdf(t, path, err);
    return clio_table_write_matrixset(t, path, err);
}

int clio_result_save(const clio_result *r, const char *path, clio_error *err)
{
    if (clioi_ends_with(path, ".nc"))
        return clio_result_write_netcdf(r, path, err);
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    status = clioi_ends_with(path, ".txt") ? clio_result_write_text(r, a.fp, err)
                                           : clio_result_write_csv(r, a.fp, err);
    if (status != CLIO_OK) {
        clioi_atomic_abort(&a);
        return status;
    }
    return clioi_atomic_commit(&a, err);
}

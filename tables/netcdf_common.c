/* netcdf_common.c -- what the NetCDF files share: the atomic
 * check-make-fill-close of a new file, the global attributes every clio file
 * carries, dimensions and attributes, and opening and describing a file
 * being read.  The table and result schemas themselves live in
 * netcdf_write.c, netcdf_read.c and netcdf_result.c. */
#include "netcdf_common.h"
#include "provenance.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* fill_file -- create, fill and close the temporary file: a NetCDF status. */
static int fill_file(const clioi_atomic *a, const clioi_nc_writer *w, const void *obj,
                     const void *out)
{
    int ncid, rc = nc_create(a->tmp_path, NC_NETCDF4 | NC_CLOBBER, &ncid);
    if (rc)
        return rc;
    rc = w->fill(ncid, obj, out);
    /* nc_close flushes HDF5's buffers: its failure is a write failure. */
    int rc_close = nc_close(ncid);
    return rc ? rc : rc_close;
}

int clioi_nc_write(const clioi_nc_writer *w, const void *obj, void *out, const char *path,
                   clio_error *err)
{
    int status = w->check(obj, path, err);
    if (status != CLIO_OK)
        return status;
    if (w->make(out, obj) != CLIO_OK)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory writing '%s'", path);
    clioi_atomic a;
    status = clioi_atomic_begin(&a, path, 0, err);
    if (status == CLIO_OK) {
        int rc = fill_file(&a, w, obj, out);
        if (rc) {
            clioi_atomic_abort(&a);
            status = clioi_fail(err, rc == NC_ENOMEM ? CLIO_ENOMEM : CLIO_EWRITE,
                                "cannot write '%s': %s", path, nc_strerror(rc));
        } else {
            status = clioi_atomic_commit(&a, err);
        }
    }
    w->release(out);
    return status;
}

int clioi_nc_put_text(int ncid, int varid, const char *name, const char *value)
{
    if (!value)
        return NC_NOERR;
    return nc_put_att_text(ncid, varid, name, strlen(value), value);
}

/* history_text -- CF's history line: "DATE: clio VERSION: COMMAND", or
 * "DATE: created by clio VERSION" when no command was recorded. */
static char *history_text(const char *date, const char *command)
{
    const char *fmt = command ? "%s: clio " CLIO_VERSION ": %s" : "%s: created by clio " CLIO_VERSION;
    int len = snprintf(NULL, 0, fmt, date, command);
    char *s = len < 0 ? NULL : malloc((size_t)len + 1);
    if (s)
        snprintf(s, (size_t)len + 1, fmt, date, command);
    return s;
}

int clioi_nc_def_globals(int ncid, int format_version, const char *kind, const char *title,
                         const char *unit, const char *source)
{
    char date[CLIOI_DATE_LEN];
    clioi_provenance_date(date);
    const char *command = clioi_provenance_command();
    char *history = history_text(date, command);
    if (!history)
        return NC_ENOMEM;
    const char *const texts[][2] = {
        {"clio_version", CLIO_VERSION}, {"clio_result_kind", kind}, {"title", title},
        {"unit", unit}, {"source", source}, {"history", history}, {"date_created", date},
        {"clio_command", command}, {"clio_inputs", clioi_provenance_inputs()},
        {"clio_method", kind ? clioi_solver_note() : NULL}, /* results only */
    };
    int rc = clioi_nc_put_text(ncid, NC_GLOBAL, "Conventions", "CF-1.8");
    if (!rc && format_version > 0)
        rc = nc_put_att_int(ncid, NC_GLOBAL, "clio_format_version", NC_INT, 1, &format_version);
    for (size_t k = 0; k < sizeof texts / sizeof texts[0] && !rc; k++)
        rc = clioi_nc_put_text(ncid, NC_GLOBAL, texts[k][0], texts[k][1]);
    free(history);
    return rc;
}

int clioi_nc_def_dims(int ncid, const clioi_nc_dim *dims, size_t count)
{
    int rc = NC_NOERR;
    for (size_t k = 0; k < count && !rc; k++) {
        *dims[k].id = -1;
        if (dims[k].len)
            rc = nc_def_dim(ncid, dims[k].name, dims[k].len, dims[k].id);
    }
    return rc;
}

int clioi_nc_labels_make(clioi_nc_labels *l, size_t nsectors, char *const *names,
                         const size_t *region, char *const *regions, size_t nregions,
                         char *const *units, size_t nunits)
{
    l->nsectors = nsectors;
    l->keys = clioi_calloc_array(nsectors, sizeof *l->keys);
    l->sector_region = clioi_calloc_array(nsectors, sizeof *l->sector_region);
    l->units = clioi_calloc_array(nunits, sizeof *l->units);
    int ok = l->keys && l->sector_region && l->units;
    for (size_t i = 0; ok && i < nsectors; i++) {
        /* -1: a row that belongs to no region (a group of sectors) */
        l->sector_region[i] = region[i] == CLIO_NONE ? -1 : (int)region[i];
        /* "region|name", or the name alone in a one-region file */
        const char *r = nregions == 1 || region[i] == CLIO_NONE ? NULL : regions[region[i]];
        ok = (l->keys[i] = clioi_join_key(r, names[i])) != NULL;
    }
    for (size_t a = 0; ok && a < nunits; a++)
        l->units[a] = units[a] ? units[a] : "";
    if (!ok)
        clioi_nc_labels_free(l);
    return ok ? CLIO_OK : CLIO_ENOMEM;
}

void clioi_nc_labels_free(clioi_nc_labels *l)
{
    clioi_free_labels(l->keys, l->nsectors);
    free(l->sector_region);
    free(l->units);
    memset(l, 0, sizeof *l);
}

/* stat() first also keeps nc_open from treating a missing "http://..."
 * path as a remote (DAP) dataset. */
int clioi_nc_open(const char *path, int *ncid, clio_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': it is a directory, not a NetCDF file",
                          path);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': %s", path, strerror(errno));
    fclose(fp);
    int rc = nc_open(path, NC_NOWRITE, ncid);
    if (rc == NC_ENOMEM)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    if (rc)
        return clioi_fail(err, CLIO_EFORMAT, "'%s' is not a NetCDF file: %s", path,
                          nc_strerror(rc));
    return CLIO_OK;
}

int clioi_nc_is_integer_type(nc_type type)
{
    switch (type) {
    case NC_BYTE: case NC_UBYTE: case NC_SHORT: case NC_USHORT:
    case NC_INT: case NC_UINT: case NC_INT64: case NC_UINT64:
        return 1;
    default:
        return 0;
    }
}

int clioi_nc_is_number_type(nc_type type)
{
    return clioi_nc_is_integer_type(type) || type == NC_FLOAT || type == NC_DOUBLE;
}

void clioi_nc_describe_dims(int ncid, int ndims, const int *dimids, char *buf, size_t len)
{
    size_t used = (size_t)snprintf(buf, len, "(");
    for (int k = 0; k < ndims && used < len; k++) {
        char name[NC_MAX_NAME + 1] = "?";
        (void)nc_inq_dimname(ncid, dimids[k], name);
        used += (size_t)snprintf(buf + used, len - used, "%s%s", k ? ", " : "", name);
    }
    if (used < len)
        snprintf(buf + used, len - used, ")");
}

/* def_label -- a 1-D label variable of type NC_STRING (or NC_INT for
 * indices); skipped when its dimension is left out. */
static int def_label(int ncid, const char *name, nc_type type, int dimid, const char *long_name,
                     const char *comment, int *varid)
{
    *varid = -1;
    if (dimid < 0)
        return NC_NOERR;
    int rc = nc_def_var(ncid, name, type, 1, &dimid, varid);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "long_name", long_name);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "comment", comment);
    return rc;
}

int clioi_nc_def_table_labels(int ncid, const int *dims, clioi_nc_label_vars *v)
{
    static const char index_note[] = "0-based index into the region variable";
    int rc = def_label(ncid, "sector", NC_STRING, dims[0], "selling sector (row of Z)",
                       "region|sector, or sector in a one-region table", &v->sector);
    if (!rc)
        rc = def_label(ncid, "buying_sector", NC_STRING, dims[1], "buying sector (column of Z)",
                       "the same keys as sector", &v->buying);
    if (!rc)
        rc = def_label(ncid, "region", NC_STRING, dims[2], "region", NULL, &v->region);
    if (!rc)
        rc = def_label(ncid, "sector_region", NC_INT, dims[0], "region of the sector",
                       index_note, &v->sector_region);
    if (!rc)
        rc = def_label(ncid, "sector_name", NC_STRING, dims[0], "sector name within its region",
                       NULL, &v->sector_name);
    if (!rc)
        rc = def_label(ncid, "final_demand", NC_STRING, dims[3], "final-demand category", NULL,
                       &v->fd);
    if (!rc)
        rc = def_label(ncid, "final_demand_region", NC_INT, dims[3],
                       "region of the final-demand column",
                       "0-based index into the region variable, -1 for none", &v->fd_region);
    if (!rc)
        rc = def_label(ncid, "value_added", NC_STRING, dims[4], "value-added component", NULL,
                       &v->va);
    if (!rc)
        rc = def_label(ncid, "account", NC_STRING, dims[5], "satellite account", NULL,
                       &v->account);
    if (!rc)
        rc = def_label(ncid, "account_unit", NC_STRING, dims[5], "unit of the satellite account",
                       NULL, &v->account_unit);
    return rc;
}

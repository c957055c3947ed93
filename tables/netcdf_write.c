/* netcdf_write.c -- writing tables in NetCDF-4, clio's canonical on-disk
 * format (read back by netcdf_read.c).
 *
 * The schema is documented for users in docs/netcdf-schema.md.  The one
 * thing to keep in mind here: clio holds matrices column-major, NetCDF
 * stores C order (last dimension fastest).  A matrix M(row, col) is
 * therefore stored as a variable with dimensions (col, row): the file then
 * holds exactly the bytes of the in-memory buffer, and each matrix moves
 * with one nc_put_var_double -- no transpose and no second n x n buffer.
 */
#include "netcdf_sparse.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define SECTOR_COORDS "sector_name sector_region"

/* Dimension ids of a table file; -1 for a dimension of length 0, which
 * is left out (a fixed NetCDF dimension cannot have length 0). */
typedef struct nc_dims {
    int sector, buying, region, fd, va, account;
} nc_dims;

/* Variable ids, kept from definition to data mode. */
typedef struct nc_vars {
    clioi_nc_label_vars l; /* the label variables */
    int Z, Y, V, S, SY, x;
} nc_vars;

/* The table's labels converted to what the file holds. */
typedef struct nc_out {
    clioi_nc_labels labels; /* sector keys and regions; satellite units */
    int *fd_region;         /* nfd region indices, -1 for none */
} nc_out;

/* One data matrix M(row, col), stored with dimensions (col, row). */
typedef struct nc_matrix {
    const char *name, *long_name, *units, *layout, *coordinates;
    int outer_dim, inner_dim; /* the column and row dimensions */
    size_t outer_len, inner_len;
    const double *data;
    int *varid;
} nc_matrix;

static size_t first_missing(char *const *labels, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!labels[i])
            return i;
    return CLIO_NONE;
}

static int check_labels(const clio_table *t, const char *path, clio_error *err)
{
    struct { char *const *labels; size_t count; const char *what; } sets[] = {
        {t->regions, t->nregions, "region"},
        {t->sector_names, t->n, "sector"},
        {t->fd_names, t->nfd, "final-demand"},
        {t->va_names, t->nva, "value-added"},
        {t->sat_names, t->nsat, "satellite"},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        size_t i = first_missing(sets[s].labels, sets[s].count);
        if (i != CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL, "cannot write '%s': %s label %zu is missing",
                              path, sets[s].what, i + 1);
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->sector_region[i] >= t->nregions)
            return clioi_fail(err, CLIO_ELABEL,
                              "cannot write '%s': sector %zu ('%s') has no region", path, i + 1,
                              t->sector_names[i]);
    for (size_t k = 0; k < t->nfd; k++)
        if (t->fd_region[k] != CLIO_NONE && t->fd_region[k] >= t->nregions)
            return clioi_fail(err, CLIO_ELABEL,
                              "cannot write '%s': final-demand column %zu has region index "
                              "%zu of %zu",
                              path, k + 1, t->fd_region[k], t->nregions);
    return CLIO_OK;
}

/* check_writable -- everything that can be refused before a file is made. */
static int check_writable(const void *table, const char *path, clio_error *err)
{
    const clio_table *t = table;
    if (!t || !path)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_write_netcdf: NULL argument");
    if (t->n == 0)
        return clioi_fail(err, CLIO_EDIM,
                          "cannot write '%s': cannot store an empty table (0 sectors) in NetCDF",
                          path);
    if (!t->Z && !t->Zs)
        return clioi_fail(err, CLIO_EINVAL,
                          "cannot write '%s': the table's Z was consumed by clio_leontief_factor",
                          path);
    if (t->Z && t->Zs)
        return clioi_fail(err, CLIO_EINVAL,
                          "cannot write '%s': the table holds Z both dense and sparse", path);
    if (t->nregions == 0)
        return clioi_fail(err, CLIO_ELABEL, "cannot write '%s': the table has no region", path);
    if (t->nregions > INT_MAX)
        return clioi_fail(err, CLIO_EDIM, "cannot write '%s': %zu regions are too many", path,
                          t->nregions);
    return check_labels(t, path, err);
}

static int out_make(void *out, const void *table)
{
    const clio_table *t = table;
    nc_out *o = out;
    o->fd_region = clioi_calloc_array(t->nfd, sizeof *o->fd_region);
    if (!o->fd_region)
        return CLIO_ENOMEM;
    for (size_t k = 0; k < t->nfd; k++)
        o->fd_region[k] = t->fd_region[k] == CLIO_NONE ? -1 : (int)t->fd_region[k];
    int status = clioi_nc_labels_make(&o->labels, t->n, t->sector_names, t->sector_region,
                                      t->regions, t->nregions, t->sat_units, t->nsat);
    if (status != CLIO_OK)
        free(o->fd_region);
    return status;
}

static void out_free(void *out)
{
    nc_out *o = out;
    clioi_nc_labels_free(&o->labels);
    free(o->fd_region);
}

/* def_dims -- the dimensions; empty ones are left out (id -1). */
static int def_dims(int ncid, const clio_table *t, nc_dims *d)
{
    const clioi_nc_dim dims[] = {
        {"sector", t->n, &d->sector},         {"buying_sector", t->n, &d->buying},
        {"region", t->nregions, &d->region},  {"final_demand", t->nfd, &d->fd},
        {"value_added", t->nva, &d->va},      {"account", t->nsat, &d->account},
    };
    return clioi_nc_def_dims(ncid, dims, sizeof dims / sizeof dims[0]);
}


/* def_matrix -- chunked in whole columns of the matrix (rows of the
 * variable), so a chunk is contiguous in memory, and deflated; or
 * contiguous and plain: clio_netcdf_set_compression decides
 * (tables/netcdf_storage.c). */
static int def_matrix(int ncid, const nc_matrix *m)
{
    *m->varid = -1;
    if (m->outer_dim < 0 || m->inner_dim < 0)
        return NC_NOERR;
    int dims[2] = {m->outer_dim, m->inner_dim};
    int rc = nc_def_var(ncid, m->name, NC_DOUBLE, 2, dims, m->varid);
    if (!rc)
        rc = clioi_nc_def_matrix_storage(ncid, *m->varid, m->outer_len, m->inner_len);
    /* Every value is written: skip HDF5's pass writing fill values. */
    if (!rc)
        rc = nc_def_var_fill(ncid, *m->varid, NC_NOFILL, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *m->varid, "long_name", m->long_name);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *m->varid, "units", m->units);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *m->varid, "clio_layout", m->layout);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *m->varid, "coordinates", m->coordinates);
    return rc;
}

/* The data matrices a file may hold. */
#define NMATRICES 5

static int any_nonzero(const double *v, size_t count)
{
    for (size_t k = 0; v && k < count; k++)
        if (v[k] != 0)
            return 1;
    return 0;
}

static void matrix_specs(const clio_table *t, const nc_dims *d, nc_vars *v,
                         nc_matrix m[NMATRICES])
{
    m[0] = (nc_matrix){"Z", "intermediate flows from sector to buying_sector", t->unit,
                       "column-major: Z(i,j), the flow from sector i to buying sector j, "
                       "is Z[j][i]",
                       SECTOR_COORDS, t->Zs ? -1 : d->buying, d->sector, t->n, t->n, t->Z,
                       &v->Z}; /* a sparse Z is written by netcdf_sparse_write.c */
    m[1] = (nc_matrix){"Y", "final demand for the products of each sector", t->unit,
                       "column-major: Y(i,k), sector i's sales to final-demand column k, "
                       "is Y[k][i]",
                       SECTOR_COORDS " final_demand_region", d->fd, d->sector, t->nfd, t->n,
                       t->Y, &v->Y};
    m[2] = (nc_matrix){"V", "value added by each sector", t->unit,
                       "column-major: V(r,j), component r in sector j, is V[j][r]",
                       SECTOR_COORDS, d->sector, d->va, t->n, t->nva, t->V, &v->V};
    m[3] = (nc_matrix){"satellite", "satellite accounts of each sector (units in account_unit)",
                       NULL, "column-major: S(r,j), account r of sector j, is satellite[j][r]",
                       SECTOR_COORDS " account_unit", d->sector, d->account, t->n, t->nsat,
                       t->S, &v->S};
    /* SY only when it holds anything (a reader takes a missing one as zero). */
    int sy = t->nsat && t->nfd && any_nonzero(t->SY, t->nsat * t->nfd);
    m[4] = (nc_matrix){"satellite_final_demand",
                       "satellite accounts caused by final demand directly (units in "
                       "account_unit)",
                       NULL,
                       "column-major: SY(r,k), account r of final-demand column k, is "
                       "satellite_final_demand[k][r]",
                       "final_demand_region account_unit", sy ? d->fd : -1, d->account, t->nfd,
                       t->nsat, t->SY, &v->SY};
}

static int def_data(int ncid, const clio_table *t, const nc_dims *d, nc_vars *v,
                    nc_matrix m[NMATRICES])
{
    matrix_specs(t, d, v, m);
    int rc = NC_NOERR;
    for (int k = 0; k < NMATRICES && !rc; k++)
        rc = def_matrix(ncid, &m[k]);
    if (!rc)
        rc = nc_def_var(ncid, "x", NC_DOUBLE, 1, &d->sector, &v->x);
    if (!rc)
        rc = nc_def_var_fill(ncid, v->x, NC_NOFILL, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->x, "long_name", "total output of each sector");
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->x, "units", t->unit);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->x, "coordinates", SECTOR_COORDS);
    return rc;
}

/* put_strings -- write a label variable, if it was defined. */
static int put_strings(int ncid, int varid, char *const *labels)
{
    return varid < 0 ? NC_NOERR : nc_put_var_string(ncid, varid, (const char **)labels);
}

static int put_labels(int ncid, const clio_table *t, const nc_out *o, const nc_vars *v)
{
    int rc = put_strings(ncid, v->l.sector, o->labels.keys);
    if (!rc)
        rc = put_strings(ncid, v->l.buying, o->labels.keys);
    if (!rc)
        rc = put_strings(ncid, v->l.region, t->regions);
    if (!rc)
        rc = nc_put_var_int(ncid, v->l.sector_region, o->labels.sector_region);
    if (!rc)
        rc = put_strings(ncid, v->l.sector_name, t->sector_names);
    if (!rc)
        rc = put_strings(ncid, v->l.fd, t->fd_names);
    if (!rc && v->l.fd_region >= 0)
        rc = nc_put_var_int(ncid, v->l.fd_region, o->fd_region);
    if (!rc)
        rc = put_strings(ncid, v->l.va, t->va_names);
    if (!rc)
        rc = put_strings(ncid, v->l.account, t->sat_names);
    if (!rc && v->l.account_unit >= 0)
        rc = nc_put_var_string(ncid, v->l.account_unit, o->labels.units);
    return rc;
}

/* write_table -- the whole file into an open, empty dataset. */
static int write_table(int ncid, const void *table, const void *out)
{
    const clio_table *t = table;
    const nc_out *o = out;
    nc_dims d;
    nc_vars v;
    nc_matrix m[NMATRICES];
    clioi_nc_sparse_vars sv;
    size_t nnz = t->Zs ? (size_t)t->Zs->colptr[t->n] : 0;
    int rc = clioi_nc_def_globals(ncid, t->Zs ? CLIOI_NC_VERSION_SPARSE : CLIOI_NC_VERSION_DENSE,
                                  NULL, t->title, t->unit, t->source);
    if (!rc)
        rc = def_dims(ncid, t, &d);
    if (!rc)
        rc = clioi_nc_def_table_labels(
            ncid, (const int[]){d.sector, d.buying, d.region, d.fd, d.va, d.account}, &v.l);
    if (!rc)
        rc = def_data(ncid, t, &d, &v, m);
    if (!rc && t->Zs)
        rc = clioi_nc_sparse_def(ncid, t->n, nnz, t->unit, &sv);
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = put_labels(ncid, t, o, &v);
    for (int k = 0; k < NMATRICES && !rc; k++)
        if (*m[k].varid >= 0)
            rc = nc_put_var_double(ncid, *m[k].varid, m[k].data);
    if (!rc && t->Zs)
        rc = clioi_nc_sparse_put(ncid, &sv, t->Zs);
    if (!rc)
        rc = nc_put_var_double(ncid, v.x, t->x);
    return rc;
}

static const clioi_nc_writer table_writer = {check_writable, out_make, write_table, out_free};

int clio_table_write_netcdf(const clio_table *t, const char *path, clio_error *err)
{
    nc_out o;
    return clioi_nc_write(&table_writer, t, &o, path, err);
}

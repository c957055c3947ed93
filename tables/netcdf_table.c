/* netcdf_table.c -- tables in NetCDF-4, clio's canonical on-disk format.
 *
 * The schema is documented for users in docs/netcdf-schema.md.  The one
 * thing to keep in mind here: clio holds matrices column-major, NetCDF
 * stores C order (last dimension fastest).  A matrix M(row, col) is
 * therefore stored as a variable with dimensions (col, row): the file then
 * holds exactly the bytes of the in-memory buffer, and each matrix moves
 * with one nc_get_var_double / nc_put_var_double -- no transpose and no
 * second n x n buffer.
 */
#include "clioi.h"

#include <errno.h>
#include <limits.h>
#include <netcdf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Matrices are chunked in whole columns, about this many bytes a chunk:
 * big enough for deflate to work well, small enough for HDF5's default
 * chunk cache. */
#define CHUNK_BYTES ((size_t)4 << 20)

#define SECTOR_COORDS "sector_name sector_region"

/* ================================================================== */
/* Writing                                                            */
/* ================================================================== */

/* Dimension ids of a table file; -1 for a dimension of length 0, which
 * is left out (a fixed NetCDF dimension cannot have length 0). */
typedef struct nc_dims {
    int sector, buying, region, fd, va, account;
} nc_dims;

/* Variable ids, kept from definition to data mode. */
typedef struct nc_vars {
    int sector, buying, region, sector_region, sector_name;
    int fd, fd_region, va, account, account_unit;
    int Z, Y, V, S, x;
} nc_vars;

/* The table's labels converted to what the file holds. */
typedef struct nc_out {
    char **keys;            /* n sector keys "region|sector" or "sector" */
    int *sector_region;     /* n region indices */
    int *fd_region;         /* nfd region indices, -1 for none */
    const char **sat_units; /* nsat units, "" where the table has none */
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
static int check_writable(const clio_table *t, const char *path, clio_error *err)
{
    if (!t || !path)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_write_netcdf: NULL argument");
    if (t->n == 0)
        return clioi_fail(err, CLIO_EDIM,
                          "cannot write '%s': cannot store an empty table (0 sectors) in NetCDF",
                          path);
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL,
                          "cannot write '%s': the table's Z was consumed by clio_leontief_factor",
                          path);
    if (t->nregions == 0)
        return clioi_fail(err, CLIO_ELABEL, "cannot write '%s': the table has no region", path);
    if (t->nregions > INT_MAX)
        return clioi_fail(err, CLIO_EDIM, "cannot write '%s': %zu regions are too many", path,
                          t->nregions);
    return check_labels(t, path, err);
}

static char *make_key(const clio_table *t, size_t i)
{
    if (t->nregions == 1)
        return clioi_strdup(t->sector_names[i]);
    const char *region = t->regions[t->sector_region[i]];
    size_t lr = strlen(region), ls = strlen(t->sector_names[i]);
    char *key = malloc(lr + ls + 2);
    if (key) {
        memcpy(key, region, lr);
        key[lr] = '|';
        memcpy(key + lr + 1, t->sector_names[i], ls + 1);
    }
    return key;
}

static void out_free(nc_out *o, size_t n)
{
    if (o->keys)
        for (size_t i = 0; i < n; i++)
            free(o->keys[i]);
    free(o->keys);
    free(o->sector_region);
    free(o->fd_region);
    free(o->sat_units);
    memset(o, 0, sizeof *o);
}

static int out_make(const clio_table *t, nc_out *o)
{
    memset(o, 0, sizeof *o);
    o->keys = clioi_calloc_array(t->n, sizeof *o->keys);
    o->sector_region = clioi_calloc_array(t->n, sizeof *o->sector_region);
    o->fd_region = clioi_calloc_array(t->nfd, sizeof *o->fd_region);
    o->sat_units = clioi_calloc_array(t->nsat, sizeof *o->sat_units);
    if (!o->keys || !o->sector_region || !o->fd_region || !o->sat_units)
        goto fail;
    for (size_t i = 0; i < t->n; i++) {
        if (!(o->keys[i] = make_key(t, i)))
            goto fail;
        o->sector_region[i] = (int)t->sector_region[i];
    }
    for (size_t k = 0; k < t->nfd; k++)
        o->fd_region[k] = t->fd_region[k] == CLIO_NONE ? -1 : (int)t->fd_region[k];
    for (size_t k = 0; k < t->nsat; k++)
        o->sat_units[k] = t->sat_units[k] ? t->sat_units[k] : "";
    return CLIO_OK;
fail:
    out_free(o, t->n);
    return CLIO_ENOMEM;
}

/* put_text -- a text attribute; NULL values are left out. */
static int put_text(int ncid, int varid, const char *name, const char *value)
{
    if (!value)
        return NC_NOERR;
    return nc_put_att_text(ncid, varid, name, strlen(value), value);
}

static int def_globals(int ncid, const clio_table *t)
{
    const int version = CLIO_FORMAT_VERSION;
    int rc = put_text(ncid, NC_GLOBAL, "Conventions", "CF-1.8");
    if (!rc)
        rc = nc_put_att_int(ncid, NC_GLOBAL, "clio_format_version", NC_INT, 1, &version);
    if (!rc)
        rc = put_text(ncid, NC_GLOBAL, "clio_version", CLIO_VERSION);
    if (!rc)
        rc = put_text(ncid, NC_GLOBAL, "title", t->title);
    if (!rc)
        rc = put_text(ncid, NC_GLOBAL, "unit", t->unit);
    if (!rc)
        rc = put_text(ncid, NC_GLOBAL, "source", t->source);
    if (!rc)
        rc = put_text(ncid, NC_GLOBAL, "history", "created by clio " CLIO_VERSION);
    return rc;
}

/* def_dim -- define a dimension, or leave it out (id -1) when empty. */
static int def_dim(int ncid, const char *name, size_t len, int *dimid)
{
    *dimid = -1;
    return len ? nc_def_dim(ncid, name, len, dimid) : NC_NOERR;
}

static int def_dims(int ncid, const clio_table *t, nc_dims *d)
{
    int rc = def_dim(ncid, "sector", t->n, &d->sector);
    if (!rc)
        rc = def_dim(ncid, "buying_sector", t->n, &d->buying);
    if (!rc)
        rc = def_dim(ncid, "region", t->nregions, &d->region);
    if (!rc)
        rc = def_dim(ncid, "final_demand", t->nfd, &d->fd);
    if (!rc)
        rc = def_dim(ncid, "value_added", t->nva, &d->va);
    if (!rc)
        rc = def_dim(ncid, "account", t->nsat, &d->account);
    return rc;
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
        rc = put_text(ncid, *varid, "long_name", long_name);
    if (!rc)
        rc = put_text(ncid, *varid, "comment", comment);
    return rc;
}

static int def_labels(int ncid, const nc_dims *d, nc_vars *v)
{
    static const char index_note[] = "0-based index into the region variable";
    int rc = def_label(ncid, "sector", NC_STRING, d->sector, "selling sector (row of Z)",
                       "region|sector, or sector in a one-region table", &v->sector);
    if (!rc)
        rc = def_label(ncid, "buying_sector", NC_STRING, d->buying, "buying sector (column of Z)",
                       "the same keys as sector", &v->buying);
    if (!rc)
        rc = def_label(ncid, "region", NC_STRING, d->region, "region", NULL, &v->region);
    if (!rc)
        rc = def_label(ncid, "sector_region", NC_INT, d->sector, "region of the sector",
                       index_note, &v->sector_region);
    if (!rc)
        rc = def_label(ncid, "sector_name", NC_STRING, d->sector, "sector name within its region",
                       NULL, &v->sector_name);
    if (!rc)
        rc = def_label(ncid, "final_demand", NC_STRING, d->fd, "final-demand category", NULL,
                       &v->fd);
    if (!rc)
        rc = def_label(ncid, "final_demand_region", NC_INT, d->fd,
                       "region of the final-demand column",
                       "0-based index into the region variable, -1 for none", &v->fd_region);
    if (!rc)
        rc = def_label(ncid, "value_added", NC_STRING, d->va, "value-added component", NULL,
                       &v->va);
    if (!rc)
        rc = def_label(ncid, "account", NC_STRING, d->account, "satellite account", NULL,
                       &v->account);
    if (!rc)
        rc = def_label(ncid, "account_unit", NC_STRING, d->account, "unit of the satellite account",
                       NULL, &v->account_unit);
    return rc;
}

/* def_matrix -- chunked in whole columns of the matrix (rows of the
 * variable), so a chunk is contiguous in memory; deflated with shuffle. */
static int def_matrix(int ncid, const nc_matrix *m)
{
    *m->varid = -1;
    if (m->outer_dim < 0 || m->inner_dim < 0)
        return NC_NOERR;
    int dims[2] = {m->outer_dim, m->inner_dim};
    size_t k = CHUNK_BYTES / (m->inner_len * sizeof(double));
    k = k < 1 ? 1 : (k > m->outer_len ? m->outer_len : k);
    size_t chunks[2] = {k, m->inner_len};
    int rc = nc_def_var(ncid, m->name, NC_DOUBLE, 2, dims, m->varid);
    if (!rc)
        rc = nc_def_var_chunking(ncid, *m->varid, NC_CHUNKED, chunks);
    if (!rc)
        rc = nc_def_var_deflate(ncid, *m->varid, 1, 1, 1);
    /* Every value is written: skip HDF5's pass writing fill values. */
    if (!rc)
        rc = nc_def_var_fill(ncid, *m->varid, NC_NOFILL, NULL);
    if (!rc)
        rc = put_text(ncid, *m->varid, "long_name", m->long_name);
    if (!rc)
        rc = put_text(ncid, *m->varid, "units", m->units);
    if (!rc)
        rc = put_text(ncid, *m->varid, "clio_layout", m->layout);
    if (!rc)
        rc = put_text(ncid, *m->varid, "coordinates", m->coordinates);
    return rc;
}

static void matrix_specs(const clio_table *t, const nc_dims *d, nc_vars *v, nc_matrix m[4])
{
    m[0] = (nc_matrix){"Z", "intermediate flows from sector to buying_sector", t->unit,
                       "column-major: Z(i,j), the flow from sector i to buying sector j, "
                       "is Z[j][i]",
                       SECTOR_COORDS, d->buying, d->sector, t->n, t->n, t->Z, &v->Z};
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
}

static int def_data(int ncid, const clio_table *t, const nc_dims *d, nc_vars *v,
                    nc_matrix m[4])
{
    matrix_specs(t, d, v, m);
    int rc = NC_NOERR;
    for (int k = 0; k < 4 && !rc; k++)
        rc = def_matrix(ncid, &m[k]);
    if (!rc)
        rc = nc_def_var(ncid, "x", NC_DOUBLE, 1, &d->sector, &v->x);
    if (!rc)
        rc = nc_def_var_fill(ncid, v->x, NC_NOFILL, NULL);
    if (!rc)
        rc = put_text(ncid, v->x, "long_name", "total output of each sector");
    if (!rc)
        rc = put_text(ncid, v->x, "units", t->unit);
    if (!rc)
        rc = put_text(ncid, v->x, "coordinates", SECTOR_COORDS);
    return rc;
}

/* put_strings -- write a label variable, if it was defined. */
static int put_strings(int ncid, int varid, char *const *labels)
{
    return varid < 0 ? NC_NOERR : nc_put_var_string(ncid, varid, (const char **)labels);
}

static int put_labels(int ncid, const clio_table *t, const nc_out *o, const nc_vars *v)
{
    int rc = put_strings(ncid, v->sector, o->keys);
    if (!rc)
        rc = put_strings(ncid, v->buying, o->keys);
    if (!rc)
        rc = put_strings(ncid, v->region, t->regions);
    if (!rc)
        rc = nc_put_var_int(ncid, v->sector_region, o->sector_region);
    if (!rc)
        rc = put_strings(ncid, v->sector_name, t->sector_names);
    if (!rc)
        rc = put_strings(ncid, v->fd, t->fd_names);
    if (!rc && v->fd_region >= 0)
        rc = nc_put_var_int(ncid, v->fd_region, o->fd_region);
    if (!rc)
        rc = put_strings(ncid, v->va, t->va_names);
    if (!rc)
        rc = put_strings(ncid, v->account, t->sat_names);
    if (!rc && v->account_unit >= 0)
        rc = nc_put_var_string(ncid, v->account_unit, o->sat_units);
    return rc;
}

/* write_table -- the whole file into an open, empty dataset. */
static int write_table(int ncid, const clio_table *t, const nc_out *o)
{
    nc_dims d;
    nc_vars v;
    nc_matrix m[4];
    int rc = def_globals(ncid, t);
    if (!rc)
        rc = def_dims(ncid, t, &d);
    if (!rc)
        rc = def_labels(ncid, &d, &v);
    if (!rc)
        rc = def_data(ncid, t, &d, &v, m);
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = put_labels(ncid, t, o, &v);
    for (int k = 0; k < 4 && !rc; k++)
        if (*m[k].varid >= 0)
            rc = nc_put_var_double(ncid, *m[k].varid, m[k].data);
    if (!rc)
        rc = nc_put_var_double(ncid, v.x, t->x);
    return rc;
}

int clio_table_write_netcdf(const clio_table *t, const char *path, clio_error *err)
{
    int status = check_writable(t, path, err);
    if (status != CLIO_OK)
        return status;
    nc_out o;
    clioi_atomic a;
    int ncid, rc;
    if (out_make(t, &o) != CLIO_OK)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory writing '%s'", path);
    status = clioi_atomic_begin(&a, path, 0, err);
    if (status != CLIO_OK)
        goto done;
    rc = nc_create(a.tmp_path, NC_NETCDF4 | NC_CLOBBER, &ncid);
    if (!rc) {
        rc = write_table(ncid, t, &o);
        /* nc_close flushes HDF5's buffers: its failure is a write failure. */
        int rc_close = rc ? nc_abort(ncid) : nc_close(ncid);
        rc = rc ? rc : rc_close;
    }
    if (rc) {
        clioi_atomic_abort(&a);
        status = clioi_fail(err, rc == NC_ENOMEM ? CLIO_ENOMEM : CLIO_EWRITE,
                            "cannot write '%s': %s", path, nc_strerror(rc));
        goto done;
    }
    status = clioi_atomic_commit(&a, err);
done:
    out_free(&o, t->n);
    return status;
}

/* ================================================================== */
/* Reading                                                            */
/* ================================================================== */

typedef struct nc_in {
    int ncid;
    const char *path;
    clio_error *err;
} nc_in;

/* The dimensions found in a file; ids -1 (and length 0) when absent. */
typedef struct nc_shape {
    int sector, buying, region, fd, va, account;
    size_t n, nbuying, nregions, nfd, nva, nsat;
} nc_shape;

enum var_kind { VAR_STRING, VAR_INTEGER, VAR_NUMBER };

static int fail_nc(const nc_in *in, int rc, const char *what)
{
    return clioi_fail(in->err, rc == NC_ENOMEM ? CLIO_ENOMEM : CLIO_EFORMAT,
                      "'%s': cannot read %s: %s", in->path, what, nc_strerror(rc));
}

static int fail_nomem(const nc_in *in)
{
    return clioi_fail(in->err, CLIO_ENOMEM, "out of memory reading '%s'", in->path);
}

static int is_integer_type(nc_type type)
{
    switch (type) {
    case NC_BYTE: case NC_UBYTE: case NC_SHORT: case NC_USHORT:
    case NC_INT: case NC_UINT: case NC_INT64: case NC_UINT64:
        return 1;
    default:
        return 0;
    }
}

static int is_number_type(nc_type type)
{
    return is_integer_type(type) || type == NC_FLOAT || type == NC_DOUBLE;
}

/* open_dataset -- tell a missing or unreadable file (CLIO_EIO) from one
 * that is not NetCDF (CLIO_EFORMAT).  stat() first also keeps nc_open from
 * treating a missing "http://..." path as a remote (DAP) dataset. */
static int open_dataset(const char *path, int *ncid, clio_error *err)
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

static int check_version(const nc_in *in)
{
    nc_type type;
    size_t len;
    int version, rc = nc_inq_att(in->ncid, NC_GLOBAL, "clio_format_version", &type, &len);
    if (rc == NC_ENOTATT) {
        if (nc_inq_att(in->ncid, NC_GLOBAL, "clio_result_kind", &type, &len) == NC_NOERR)
            return clioi_fail(in->err, CLIO_EFORMAT, "'%s' is a clio result file, not a table",
                              in->path);
        return clioi_fail(in->err, CLIO_EFORMAT,
                          "'%s': not a clio table (no clio_format_version attribute)", in->path);
    }
    if (rc)
        return fail_nc(in, rc, "clio_format_version");
    if (!is_integer_type(type) || len != 1)
        return clioi_fail(in->err, CLIO_EFORMAT,
                          "'%s': clio_format_version must be one integer", in->path);
    if ((rc = nc_get_att_int(in->ncid, NC_GLOBAL, "clio_format_version", &version)))
        return fail_nc(in, rc, "clio_format_version");
    if (version > CLIO_FORMAT_VERSION)
        return clioi_fail(in->err, CLIO_EFORMAT,
                          "'%s' has a newer format (clio_format_version %d) than clio %s reads "
                          "(up to %d): upgrade clio",
                          in->path, version, CLIO_VERSION, CLIO_FORMAT_VERSION);
    if (version < 1)
        return clioi_fail(in->err, CLIO_EFORMAT, "'%s': invalid clio_format_version %d",
                          in->path, version);
    return CLIO_OK;
}

/* get_dim -- a dimension's id and length; an optional one that is absent
 * or empty reads as id -1, length 0. */
static int get_dim(const nc_in *in, const char *name, int required, int *dimid, size_t *len)
{
    *dimid = -1;
    *len = 0;
    int rc = nc_inq_dimid(in->ncid, name, dimid);
    if (rc == NC_EBADDIM) {
        *dimid = -1;
        if (!required)
            return CLIO_OK;
        return clioi_fail(in->err, CLIO_EFORMAT, "'%s': not a clio table (no '%s' dimension)",
                          in->path, name);
    }
    if (!rc)
        rc = nc_inq_dimlen(in->ncid, *dimid, len);
    if (rc)
        return fail_nc(in, rc, name);
    if (*len == 0)
        *dimid = -1;
    return CLIO_OK;
}

static int read_shape(const nc_in *in, nc_shape *s)
{
    int status = get_dim(in, "sector", 1, &s->sector, &s->n);
    if (!status)
        status = get_dim(in, "buying_sector", 1, &s->buying, &s->nbuying);
    if (!status)
        status = get_dim(in, "region", 1, &s->region, &s->nregions);
    if (!status)
        status = get_dim(in, "final_demand", 0, &s->fd, &s->nfd);
    if (!status)
        status = get_dim(in, "value_added", 0, &s->va, &s->nva);
    if (!status)
        status = get_dim(in, "account", 0, &s->account, &s->nsat);
    if (status)
        return status;
    if (s->n != s->nbuying)
        return clioi_fail(in->err, CLIO_EDIM,
                          "'%s': Z is %zu x %zu (sector x buying_sector) but must be square",
                          in->path, s->n, s->nbuying);
    if (s->n == 0)
        return clioi_fail(in->err, CLIO_EDIM, "'%s': the table has no sectors", in->path);
    if (s->nregions == 0)
        return clioi_fail(in->err, CLIO_EFORMAT, "'%s': the table has no regions", in->path);
    return CLIO_OK;
}

/* describe_dims -- "(a, b)" for messages. */
static void describe_dims(int ncid, int ndims, const int *dimids, char *buf, size_t len)
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

static int check_var_type(const nc_in *in, const char *name, nc_type type, enum var_kind kind)
{
    int good = kind == VAR_STRING ? type == NC_STRING
             : kind == VAR_INTEGER ? is_integer_type(type) : is_number_type(type);
    if (good)
        return CLIO_OK;
    static const char *const wanted[] = {"string", "integer", "numeric"};
    char tname[NC_MAX_NAME + 1] = "?";
    (void)nc_inq_type(in->ncid, type, tname, NULL);
    return clioi_fail(in->err, CLIO_EFORMAT, "'%s': variable '%s' has type %s, expected %s",
                      in->path, name, tname, wanted[kind]);
}

/* find_var -- a variable that must exist with exactly these dimensions
 * (by id, hence by name and length) and a type of this kind. */
static int find_var(const nc_in *in, const char *name, int ndims, const int *want,
                    enum var_kind kind, int *varid)
{
    int rc = nc_inq_varid(in->ncid, name, varid);
    if (rc == NC_ENOTVAR)
        return clioi_fail(in->err, CLIO_EFORMAT, "'%s': variable '%s' is missing", in->path,
                          name);
    int nd, dims[NC_MAX_VAR_DIMS];
    nc_type type;
    if (!rc)
        rc = nc_inq_var(in->ncid, *varid, NULL, &type, &nd, dims, NULL);
    if (rc)
        return fail_nc(in, rc, name);
    int same = nd == ndims;
    for (int k = 0; same && k < nd; k++)
        same = dims[k] == want[k];
    if (!same) {
        char have[256], expected[256];
        describe_dims(in->ncid, nd, dims, have, sizeof have);
        describe_dims(in->ncid, ndims, want, expected, sizeof expected);
        return clioi_fail(in->err, CLIO_EFORMAT,
                          "'%s': variable '%s' has dimensions %s, expected %s", in->path, name,
                          have, expected);
    }
    return check_var_type(in, name, type, kind);
}

/* read_strings -- a label variable into dst[0..count), as malloc'ed
 * copies (NetCDF's own strings must go back to nc_free_string). */
static int read_strings(const nc_in *in, const char *name, int dimid, size_t count, char **dst)
{
    int varid, status = find_var(in, name, 1, &dimid, VAR_STRING, &varid);
    if (status)
        return status;
    char **tmp = clioi_calloc_array(count, sizeof *tmp);
    if (!tmp)
        return fail_nomem(in);
    int rc = nc_get_var_string(in->ncid, varid, tmp);
    if (rc) {
        free(tmp);
        return fail_nc(in, rc, name);
    }
    for (size_t i = 0; i < count && !status; i++) {
        if (!tmp[i])
            status = clioi_fail(in->err, CLIO_EFORMAT, "'%s': %s label %zu is missing",
                                in->path, name, i + 1);
        else if (!(dst[i] = clioi_strdup(tmp[i])))
            status = fail_nomem(in);
    }
    nc_free_string(count, tmp);
    free(tmp);
    return status;
}

/* read_indices -- region indices, checked against nregions; -1 becomes
 * CLIO_NONE where allow_none. */
static int read_indices(const nc_in *in, const char *name, int dimid, size_t count,
                        size_t nregions, int allow_none, size_t *dst)
{
    int varid, status = find_var(in, name, 1, &dimid, VAR_INTEGER, &varid);
    if (status)
        return status;
    long long *tmp = clioi_calloc_array(count, sizeof *tmp);
    if (!tmp)
        return fail_nomem(in);
    int rc = nc_get_var_longlong(in->ncid, varid, tmp);
    if (rc)
        status = fail_nc(in, rc, name);
    for (size_t i = 0; i < count && !status; i++) {
        long long v = tmp[i];
        if (v == -1 && allow_none)
            dst[i] = CLIO_NONE;
        else if (v >= 0 && (unsigned long long)v < nregions)
            dst[i] = (size_t)v;
        else
            status = clioi_fail(in->err, CLIO_EFORMAT,
                                "'%s': %s[%zu] = %lld is not a region index (0 to %zu%s)",
                                in->path, name, i, v, nregions - 1, allow_none ? ", or -1" : "");
    }
    free(tmp);
    return status;
}

/* read_doubles -- a data variable straight into the table's buffer. */
static int read_doubles(const nc_in *in, const char *name, int ndims, const int *dims,
                        double *dst)
{
    int varid, status = find_var(in, name, ndims, dims, VAR_NUMBER, &varid);
    if (status)
        return status;
    int rc = nc_get_var_double(in->ncid, varid, dst);
    return rc ? fail_nc(in, rc, name) : CLIO_OK;
}

/* read_text -- an optional global text attribute (NC_CHAR, or one
 * NC_STRING as some writers produce); absent leaves *dst NULL. */
static int read_text(const nc_in *in, const char *name, char **dst)
{
    nc_type type;
    size_t len;
    int rc = nc_inq_att(in->ncid, NC_GLOBAL, name, &type, &len);
    if (rc == NC_ENOTATT)
        return CLIO_OK;
    if (rc)
        return fail_nc(in, rc, name);
    if (type == NC_STRING && len == 1) {
        char *s = NULL;
        if ((rc = nc_get_att_string(in->ncid, NC_GLOBAL, name, &s)))
            return fail_nc(in, rc, name);
        *dst = clioi_strdup(s ? s : "");
        nc_free_string(1, &s);
        return *dst ? CLIO_OK : fail_nomem(in);
    }
    if (type != NC_CHAR)
        return clioi_fail(in->err, CLIO_EFORMAT, "'%s': attribute '%s' is not text", in->path,
                          name);
    if (!(*dst = malloc(len + 1)))
        return fail_nomem(in);
    (*dst)[len] = '\0';
    rc = len ? nc_get_att_text(in->ncid, NC_GLOBAL, name, *dst) : NC_NOERR;
    return rc ? fail_nc(in, rc, name) : CLIO_OK;
}

/* key_matches -- whether key is the sector key of (region, name). */
static int key_matches(const char *key, const char *region, const char *name, size_t nregions)
{
    if (nregions == 1)
        return strcmp(key, name) == 0;
    size_t lr = strlen(region);
    return strncmp(key, region, lr) == 0 && key[lr] == '|' && strcmp(key + lr + 1, name) == 0;
}

/* check_keys -- sector and buying_sector are derived from region and
 * sector_name; an edited file where they disagree is refused rather than
 * guessed at. */
static int check_keys(const nc_in *in, const clio_table *t, char *const *keys,
                      char *const *buying)
{
    for (size_t i = 0; i < t->n; i++) {
        const char *region = t->regions[t->sector_region[i]];
        if (!key_matches(keys[i], region, t->sector_names[i], t->nregions))
            return clioi_fail(in->err, CLIO_EFORMAT,
                              "'%s': sector label %zu is '%s' but region and sector_name "
                              "make it '%s%s%s'",
                              in->path, i + 1, keys[i], t->nregions == 1 ? "" : region,
                              t->nregions == 1 ? "" : "|", t->sector_names[i]);
        if (strcmp(keys[i], buying[i]) != 0)
            return clioi_fail(in->err, CLIO_EFORMAT,
                              "'%s': buying_sector label %zu is '%s', sector label %zu is '%s'",
                              in->path, i + 1, buying[i], i + 1, keys[i]);
    }
    clio_error e;
    int status = clioi_check_unique(keys, t->n, "sector", &e);
    if (status == CLIO_OK)
        status = clioi_check_unique(t->regions, t->nregions, "region", &e);
    return status ? clioi_fail(in->err, status, "'%s': %s", in->path, e.message) : CLIO_OK;
}

static void free_strings(char **labels, size_t count)
{
    if (!labels)
        return;
    for (size_t i = 0; i < count; i++)
        free(labels[i]);
    free(labels);
}

static int read_sectors(const nc_in *in, const nc_shape *s, clio_table *t)
{
    char **keys = clioi_calloc_array(s->n, sizeof *keys);
    char **buying = clioi_calloc_array(s->n, sizeof *buying);
    int status = keys && buying ? CLIO_OK : fail_nomem(in);
    if (!status)
        status = read_strings(in, "region", s->region, s->nregions, t->regions);
    if (!status)
        status = read_strings(in, "sector_name", s->sector, s->n, t->sector_names);
    if (!status)
        status = read_indices(in, "sector_region", s->sector, s->n, s->nregions, 0,
                              t->sector_region);
    if (!status)
        status = read_strings(in, "sector", s->sector, s->n, keys);
    if (!status)
        status = read_strings(in, "buying_sector", s->buying, s->n, buying);
    if (!status)
        status = check_keys(in, t, keys, buying);
    free_strings(keys, s->n);
    free_strings(buying, s->n);
    return status;
}

static int read_accounts(const nc_in *in, const nc_shape *s, clio_table *t)
{
    int status = CLIO_OK;
    if (s->nfd) {
        status = read_strings(in, "final_demand", s->fd, s->nfd, t->fd_names);
        if (!status)
            status = read_indices(in, "final_demand_region", s->fd, s->nfd, s->nregions, 1,
                                  t->fd_region);
    }
    if (!status && s->nva)
        status = read_strings(in, "value_added", s->va, s->nva, t->va_names);
    if (!status && s->nsat)
        status = read_strings(in, "account", s->account, s->nsat, t->sat_names);
    if (!status && s->nsat)
        status = read_strings(in, "account_unit", s->account, s->nsat, t->sat_units);
    return status;
}

/* read_data -- the matrices, each stored (column dim, row dim). */
static int read_data(const nc_in *in, const nc_shape *s, clio_table *t)
{
    int dZ[2] = {s->buying, s->sector}, dY[2] = {s->fd, s->sector};
    int dV[2] = {s->sector, s->va}, dS[2] = {s->sector, s->account};
    int status = read_doubles(in, "Z", 2, dZ, t->Z);
    if (!status && s->nfd)
        status = read_doubles(in, "Y", 2, dY, t->Y);
    if (!status && s->nva)
        status = read_doubles(in, "V", 2, dV, t->V);
    if (!status && s->nsat)
        status = read_doubles(in, "satellite", 2, dS, t->S);
    if (!status)
        status = read_doubles(in, "x", 1, &s->sector, t->x);
    return status;
}

static int read_table(const nc_in *in, clio_table **out)
{
    nc_shape s;
    int status = check_version(in);
    if (!status)
        status = read_shape(in, &s);
    if (status)
        return status;
    clio_table *t = clio_table_alloc(s.nregions, s.n, s.nfd, s.nva, s.nsat);
    if (!t)
        return clioi_fail(in->err, CLIO_ENOMEM, "'%s': out of memory for a table of %zu sectors",
                          in->path, s.n);
    status = read_text(in, "title", &t->title);
    if (!status)
        status = read_text(in, "unit", &t->unit);
    if (!status)
        status = read_text(in, "source", &t->source);
    if (!status)
        status = read_sectors(in, &s, t);
    if (!status)
        status = read_accounts(in, &s, t);
    if (!status)
        status = read_data(in, &s, t);
    if (status) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}

int clio_table_read_netcdf(const char *path, clio_table **out, clio_error *err)
{
    if (out)
        *out = NULL;
    if (!path || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_read_netcdf: NULL argument");
    nc_in in = {-1, path, err};
    int status = open_dataset(path, &in.ncid, err);
    if (status)
        return status;
    clio_table *t = NULL;
    status = read_table(&in, &t);
    (void)nc_close(in.ncid); /* read-only: nothing to lose on close */
    if (status)
        return status;
    *out = t;
    return CLIO_OK;
}

/* netcdf_read.c -- reading tables from NetCDF-4 (written by
 * netcdf_write.c; schema: docs/netcdf-schema.md).
 *
 * Matrices are stored with their dimensions reversed, (col, row), so each
 * one is read with a single nc_get_var_double straight into the table's
 * column-major buffer.  Every variable is checked for its dimensions and
 * type first, and the labels for consistency: a file that does not follow
 * the schema is refused with a message naming what is wrong.
 */
#include "netcdf_sparse.h"

#include <stdlib.h>
#include <string.h>

/* Matrices of at least this many values (32 MB) are read in slabs with
 * progress reports; smaller ones in one call. */
#define PROGRESS_MIN_VALUES ((size_t)1 << 22)

/* An open file being read: its id, and its path and err for messages. */
typedef struct nc_in {
    int ncid;
    const char *path;
    clio_error *err;
} nc_in;

/* The dimensions found in a file; ids -1 (and length 0) when absent. */
typedef struct nc_shape {
    int sector, buying, region, fd, va, account;
    size_t n, nbuying, nregions, nfd, nva, nsat;
    int sparse; /* Z stored sparse (CSC) with nnz entries */
    size_t nnz;
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
    if (!clioi_nc_is_integer_type(type) || len != 1)
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
    s->nnz = 0;
    status = clioi_nc_storage_sparse(in->ncid, in->path, &s->sparse, in->err);
    if (!status && s->sparse)
        status = clioi_nc_sparse_count(in->ncid, in->path, s->n, &s->nnz, in->err);
    return status;
}

static int check_var_type(const nc_in *in, const char *name, nc_type type, enum var_kind kind)
{
    int good = kind == VAR_STRING ? type == NC_STRING
             : kind == VAR_INTEGER ? clioi_nc_is_integer_type(type)
                                   : clioi_nc_is_number_type(type);
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
        clioi_nc_describe_dims(in->ncid, nd, dims, have, sizeof have);
        clioi_nc_describe_dims(in->ncid, ndims, want, expected, sizeof expected);
        return clioi_fail(in->err, CLIO_EFORMAT,
                          "'%s': variable '%s' has dimensions %s, expected %s", in->path, name,
                          have, expected);
    }
    return check_var_type(in, name, type, kind);
}

int clioi_nc_find_var(int ncid, const char *path, const char *name, int ndims,
                      const int *dims, int kind, int *varid, clio_error *err)
{
    nc_in in = {ncid, path, err};
    return find_var(&in, name, ndims, dims, (enum var_kind)kind, varid);
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

/* read_doubles -- a data variable straight into the table's buffer.  A
 * large matrix is read in slabs of its first dimension so that progress
 * can be reported (the slabs are contiguous in dst). */
static int read_doubles(const nc_in *in, const char *name, int ndims, const int *dims,
                        double *dst)
{
    int varid, status = find_var(in, name, ndims, dims, VAR_NUMBER, &varid);
    if (status)
        return status;
    size_t rows = 0, cols = 1;
    int rc = nc_inq_dimlen(in->ncid, dims[0], &rows);
    if (!rc && ndims == 2)
        rc = nc_inq_dimlen(in->ncid, dims[1], &cols);
    if (rc || ndims != 2 || rows * cols < PROGRESS_MIN_VALUES || !clioi_progress_wanted()) {
        rc = rc ? rc : nc_get_var_double(in->ncid, varid, dst);
        return rc ? fail_nc(in, rc, name) : CLIO_OK;
    }
    char task[256];
    snprintf(task, sizeof task, "reading %s: %s", in->path, name);
    size_t slab = rows / 64 + 1;
    for (size_t r = 0; r < rows && !rc; r += slab) {
        size_t start[2] = {r, 0}, count[2] = {r + slab <= rows ? slab : rows - r, cols};
        rc = nc_get_vara_double(in->ncid, varid, start, count, dst + r * cols);
        clioi_progress(task, (double)(r + count[0]) / (double)rows);
    }
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
    clioi_free_labels(keys, s->n);
    clioi_free_labels(buying, s->n);
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

/* read_sy -- the optional satellite_final_demand (SY, stored (final_demand,
 * account)); a file without it (written before SY existed, or of a table
 * whose SY is zero) leaves SY zero. */
static int read_sy(const nc_in *in, const nc_shape *s, clio_table *t)
{
    int varid, rc = nc_inq_varid(in->ncid, "satellite_final_demand", &varid);
    if (rc == NC_ENOTVAR)
        return CLIO_OK;
    if (rc)
        return fail_nc(in, rc, "satellite_final_demand");
    int dims[2] = {s->fd, s->account};
    return read_doubles(in, "satellite_final_demand", 2, dims, t->SY);
}

/* read_data -- the matrices, each stored (column dim, row dim). */
static int read_data(const nc_in *in, const nc_shape *s, clio_table *t)
{
    int dZ[2] = {s->buying, s->sector}, dY[2] = {s->fd, s->sector};
    int dV[2] = {s->sector, s->va}, dS[2] = {s->sector, s->account};
    int status = s->sparse ? clioi_nc_sparse_read(in->ncid, in->path, t, in->err)
                           : read_doubles(in, "Z", 2, dZ, t->Z);
    if (!status && s->nfd)
        status = read_doubles(in, "Y", 2, dY, t->Y);
    if (!status && s->nva)
        status = read_doubles(in, "V", 2, dV, t->V);
    if (!status && s->nsat)
        status = read_doubles(in, "satellite", 2, dS, t->S);
    if (!status && s->nsat && s->nfd)
        status = read_sy(in, s, t);
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
    /* a sparse Z never becomes n x n: room for its stored entries only */
    clio_table *t = s.sparse ? clio_table_alloc_sparse(s.nregions, s.n, s.nnz, s.nfd, s.nva, s.nsat)
                             : clio_table_alloc(s.nregions, s.n, s.nfd, s.nva, s.nsat);
    if (!t)
        return clioi_fail(in->err, CLIO_ENOMEM,
                          "'%s': out of memory for a table of %zu sectors%s", in->path, s.n,
                          s.sparse ? "" : " (Z alone is n x n doubles)");
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
    int status = clioi_nc_open(path, &in.ncid, err);
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

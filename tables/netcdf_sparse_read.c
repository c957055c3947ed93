/* netcdf_sparse_read.c -- a sparse (CSC) Z from a clio NetCDF table
 * (written by netcdf_sparse_write.c; docs/netcdf-schema.md).  Never
 * allocates n x n: the entries go straight into the table's clio_sparse,
 * and a file that breaks the CSC rules is refused with a message naming the
 * variable, the entry and the column's sector, before anything reads out of
 * bounds. */
#include "netcdf_sparse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Entries read per call (through a buffer of this many 64-bit integers). */
#define SLAB_ENTRIES ((size_t)1 << 20)

int clioi_nc_storage_sparse(int ncid, const char *path, int *sparse, clio_error *err)
{
    *sparse = 0;
    nc_type type;
    size_t len;
    int rc = nc_inq_att(ncid, NC_GLOBAL, CLIOI_NC_STORAGE_ATT, &type, &len);
    if (rc == NC_ENOTATT)
        return CLIO_OK;
    char text[16] = "";
    if (!rc && (type != NC_CHAR || len >= sizeof text))
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': attribute %s must be the text 'dense' or 'csc'", path,
                          CLIOI_NC_STORAGE_ATT);
    if (!rc)
        rc = nc_get_att_text(ncid, NC_GLOBAL, CLIOI_NC_STORAGE_ATT, text);
    if (rc)
        return clioi_fail(err, CLIO_EFORMAT, "'%s': cannot read %s: %s", path,
                          CLIOI_NC_STORAGE_ATT, nc_strerror(rc));
    if (strcmp(text, "csc") == 0)
        *sparse = 1;
    else if (strcmp(text, "dense") != 0)
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': %s is '%s'; clio reads 'dense' (variable Z) or 'csc' "
                          "(Z_column_start, Z_row, Z_value)",
                          path, CLIOI_NC_STORAGE_ATT, text);
    return CLIO_OK;
}

/* dim_len -- a dimension's length; *found 0 when there is none. */
static int dim_len(int ncid, const char *path, const char *name, int *found, int *dimid,
                   size_t *len, clio_error *err)
{
    *found = 0;
    *len = 0;
    int rc = nc_inq_dimid(ncid, name, dimid);
    if (rc == NC_EBADDIM)
        return CLIO_OK;
    if (!rc)
        rc = nc_inq_dimlen(ncid, *dimid, len);
    if (rc)
        return clioi_fail(err, CLIO_EFORMAT, "'%s': cannot read dimension %s: %s", path, name,
                          nc_strerror(rc));
    *found = 1;
    return CLIO_OK;
}

int clioi_nc_sparse_count(int ncid, const char *path, size_t n, size_t *nnz, clio_error *err)
{
    int found, dimid;
    size_t len;
    int status = dim_len(ncid, path, "buying_sector_start", &found, &dimid, &len, err);
    if (status)
        return status;
    if (!found)
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': a sparse Z (Z_storage = \"csc\") needs the dimension "
                          "buying_sector_start of length n + 1 = %zu; the file has none",
                          path, n + 1);
    if (len != n + 1)
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': a sparse Z (Z_storage = \"csc\") needs the dimension "
                          "buying_sector_start of length n + 1 = %zu, not %zu",
                          path, n + 1, len);
    status = dim_len(ncid, path, "Z_nonzero", &found, &dimid, nnz, err);
    if (status)
        return status;
    if (*nnz / n > n) /* more entries than cells: a bad file, not a big table */
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': Z_nonzero has %zu entries, more than the %zu x %zu cells of Z",
                          path, *nnz, n, n);
    return CLIO_OK;
}

/* get_int64 -- count integers from varid into dst, a slab at a time. */
static int get_int64(int ncid, int varid, int64_t *dst, size_t count, long long *buf)
{
    int rc = NC_NOERR;
    for (size_t k0 = 0; k0 < count && !rc; k0 += SLAB_ENTRIES) {
        size_t len = count - k0 < SLAB_ENTRIES ? count - k0 : SLAB_ENTRIES;
        rc = nc_get_vara_longlong(ncid, varid, &k0, &len, buf);
        for (size_t k = 0; !rc && k < len; k++)
            dst[k0 + k] = (int64_t)buf[k];
    }
    return rc;
}

/* read_entries -- the three variables into s (s->nnz entries). */
static int read_entries(int ncid, const char *path, clio_sparse *s, clio_error *err)
{
    int dstart, dnz = -1, vstart, vrow = -1, vvalue = -1;
    int status = nc_inq_dimid(ncid, "buying_sector_start", &dstart) ? CLIO_EFORMAT : CLIO_OK;
    if (s->nnz && nc_inq_dimid(ncid, "Z_nonzero", &dnz))
        status = CLIO_EFORMAT;
    if (status)
        return clioi_fail(err, status, "'%s': the sparse Z's dimensions are missing", path);
    status = clioi_nc_find_var(ncid, path, "Z_column_start", 1, &dstart, 1, &vstart, err);
    if (!status && s->nnz)
        status = clioi_nc_find_var(ncid, path, "Z_row", 1, &dnz, 1, &vrow, err);
    if (!status && s->nnz)
        status = clioi_nc_find_var(ncid, path, "Z_value", 1, &dnz, 2, &vvalue, err);
    if (status)
        return status;
    long long *buf = malloc(SLAB_ENTRIES * sizeof *buf);
    if (!buf)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    const char *what = "Z_column_start";
    int rc = get_int64(ncid, vstart, s->colptr, s->n + 1, buf);
    if (!rc && s->nnz)
        what = "Z_row", rc = get_int64(ncid, vrow, s->rowind, s->nnz, buf);
    free(buf);
    for (size_t k0 = 0; k0 < s->nnz && !rc; k0 += SLAB_ENTRIES) {
        size_t len = s->nnz - k0 < SLAB_ENTRIES ? s->nnz - k0 : SLAB_ENTRIES;
        what = "Z_value";
        rc = nc_get_vara_double(ncid, vvalue, &k0, &len, s->values + k0);
        clioi_progress("reading Z (sparse)", (double)(k0 + len) / (double)s->nnz);
    }
    if (rc)
        return clioi_fail(err, rc == NC_ENOMEM ? CLIO_ENOMEM : CLIO_EFORMAT,
                          "'%s': cannot read %s: %s", path, what, nc_strerror(rc));
    return CLIO_OK;
}

/* refuse -- the message for the first fault validation found. */
static int refuse(const char *path, const clio_table *t, const clioi_sparse_fault *f,
                  clio_error *err)
{
    const clio_sparse *s = t->Zs;
    char col[256] = "", row[256] = "";
    if (f->column < t->n)
        clio_table_sector_key(t, f->column, col, sizeof col);
    size_t p = f->position;
    switch (f->kind) {
    case CLIOI_SPARSE_START:
        return clioi_fail(err, CLIO_EFORMAT, "'%s': Z_column_start[0] is %lld, but must be 0",
                          path, (long long)s->colptr[0]);
    case CLIOI_SPARSE_DECREASING:
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': Z_column_start[%zu] = %lld is below Z_column_start[%zu] = "
                          "%lld (column '%s'): column starts must not decrease",
                          path, p, (long long)s->colptr[p], p - 1, (long long)s->colptr[p - 1],
                          col);
    case CLIOI_SPARSE_PAST_END:
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': Z_column_start[%zu] = %lld (end of column '%s') is past the "
                          "%zu entries of Z_row and Z_value",
                          path, p, (long long)s->colptr[p], col, s->nnz);
    case CLIOI_SPARSE_END:
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': Z_column_start ends at %lld, but Z_nonzero has %zu entries",
                          path, (long long)s->colptr[t->n], s->nnz);
    case CLIOI_SPARSE_ROW_RANGE:
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': Z_row[%zu] = %lld in column '%s' is not a sector index (0 to "
                          "%zu)",
                          path, p, (long long)s->rowind[p], col, t->n - 1);
    case CLIOI_SPARSE_ROW_ORDER:
        return clioi_fail(err, CLIO_EFORMAT,
                          "'%s': Z_row[%zu] = %lld in column '%s' does not follow Z_row[%zu] = "
                          "%lld: rows must increase strictly within a column",
                          path, p, (long long)s->rowind[p], col, p - 1,
                          (long long)s->rowind[p - 1]);
    default:
        clio_table_sector_key(t, (size_t)s->rowind[p], row, sizeof row);
        return clioi_fail(err, CLIO_EVALUE,
                          "'%s': Z_value[%zu] = %g (row '%s', column '%s') is not finite", path,
                          p, s->values[p], row, col);
    }
}

/* drop_zeros -- explicit zeros out (clio_sparse holds none), in place. */
static void drop_zeros(clio_sparse *s)
{
    int64_t q = 0, p = 0;
    for (size_t j = 0; j < s->n; j++) {
        int64_t end = s->colptr[j + 1];
        for (; p < end; p++)
            if (s->values[p] != 0.0) {
                s->rowind[q] = s->rowind[p];
                s->values[q++] = s->values[p];
            }
        s->colptr[j + 1] = q;
    }
    s->nnz = (size_t)q;
}

int clioi_nc_sparse_read(int ncid, const char *path, clio_table *t, clio_error *err)
{
    clio_sparse *s = t->Zs;
    int status = read_entries(ncid, path, s, err);
    if (status)
        return status;
    clioi_sparse_fault f;
    if (clioi_sparse_validate(s, t->n, 1, &f) != 0)
        return refuse(path, t, &f, err);
    drop_zeros(s);
    return CLIO_OK;
}

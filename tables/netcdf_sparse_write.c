/* netcdf_sparse_write.c -- a sparse (CSC) Z into a clio NetCDF table:
 * Z_column_start (int64, n + 1), Z_row (int64) and Z_value (double) over
 * the dimension Z_nonzero, as scipy.sparse.csc_matrix((Z_value, Z_row,
 * Z_column_start)) takes them.  Used by the table writer and by clio
 * generate --sparse; the schema is in docs/netcdf-schema.md. */
#include "netcdf_sparse.h"

#include <stdlib.h>

/* Vectors of at least this many entries (8 MiB) are chunked and deflated
 * (shuffle, level 1: row indices shrink several-fold); smaller ones are
 * stored contiguous, which reads fastest. */
#define COMPRESS_ENTRIES ((size_t)1 << 20)
/* Chunks of 512 Ki entries (4 MiB), as the dense matrices' chunks. */
#define CHUNK_ENTRIES ((size_t)1 << 19)
/* Entries moved per call (through a buffer of this many 64-bit integers). */
#define SLAB_ENTRIES ((size_t)1 << 20)

static int def_vector(int ncid, const char *name, nc_type type, int dim, size_t len,
                      const char *long_name, const char *units, int *varid)
{
    int rc = nc_def_var(ncid, name, type, 1, &dim, varid);
    /* --compression: auto deflates (shuffle, level 1) from COMPRESS_ENTRIES,
     * none stores plain, a level deflates every vector without shuffle */
    int level = clio_netcdf_compression(), automatic = level == CLIO_NETCDF_COMPRESSION_AUTO;
    if (automatic)
        level = len >= COMPRESS_ENTRIES ? 1 : 0;
    if (!rc && level > 0 && len > 0) {
        size_t chunk = len < CHUNK_ENTRIES ? len : CHUNK_ENTRIES;
        rc = nc_def_var_chunking(ncid, *varid, NC_CHUNKED, &chunk);
        if (!rc)
            rc = nc_def_var_deflate(ncid, *varid, automatic, 1, level);
    } else if (!rc) {
        rc = nc_def_var_chunking(ncid, *varid, NC_CONTIGUOUS, NULL);
    }
    if (!rc)
        rc = nc_def_var_fill(ncid, *varid, NC_NOFILL, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "long_name", long_name);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "units", units);
    return rc;
}

int clioi_nc_sparse_def(int ncid, size_t n, size_t nnz, const char *unit,
                        clioi_nc_sparse_vars *v)
{
    int dstart, dnz;
    v->start = v->row = v->value = -1;
    const clioi_nc_dim dims[] = {{"buying_sector_start", n + 1, &dstart},
                                 {"Z_nonzero", nnz, &dnz}};
    int rc = clioi_nc_def_dims(ncid, dims, 2);
    if (!rc)
        rc = clioi_nc_put_text(ncid, NC_GLOBAL, CLIOI_NC_STORAGE_ATT, "csc");
    if (!rc)
        rc = def_vector(ncid, "Z_column_start", NC_INT64, dstart, n + 1,
                        "where each buying sector's column of Z starts in Z_row and Z_value",
                        NULL, &v->start);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->start, "clio_layout",
                               "compressed sparse column (CSC): column j of Z (what buying "
                               "sector j buys) holds Z(Z_row[p], j) = Z_value[p] for p = "
                               "Z_column_start[j] .. Z_column_start[j+1]-1; 0-based, rows "
                               "strictly increasing within a column; other cells are zero");
    if (!rc && nnz)
        rc = def_vector(ncid, "Z_row", NC_INT64, dnz, nnz,
                        "selling sector (0-based index along sector) of each stored flow",
                        NULL, &v->row);
    if (!rc && nnz)
        rc = def_vector(ncid, "Z_value", NC_DOUBLE, dnz, nnz,
                        "intermediate flows from sector to buying_sector, stored entries",
                        unit, &v->value);
    return rc;
}

/* put_int64 -- count 64-bit integers as NetCDF's long long, a slab at a
 * time (int64_t and long long are distinct types even where both are 64
 * bits wide). */
static int put_int64(int ncid, int varid, const int64_t *src, size_t count, long long *buf)
{
    int rc = NC_NOERR;
    for (size_t k0 = 0; k0 < count && !rc; k0 += SLAB_ENTRIES) {
        size_t len = count - k0 < SLAB_ENTRIES ? count - k0 : SLAB_ENTRIES;
        for (size_t k = 0; k < len; k++)
            buf[k] = (long long)src[k0 + k];
        rc = nc_put_vara_longlong(ncid, varid, &k0, &len, buf);
    }
    return rc;
}

int clioi_nc_sparse_put(int ncid, const clioi_nc_sparse_vars *v, const clio_sparse *s)
{
    size_t nnz = (size_t)s->colptr[s->n];
    long long *buf = malloc(SLAB_ENTRIES * sizeof *buf);
    if (!buf)
        return NC_ENOMEM;
    int rc = put_int64(ncid, v->start, s->colptr, s->n + 1, buf);
    if (!rc && nnz)
        rc = put_int64(ncid, v->row, s->rowind, nnz, buf);
    free(buf);
    for (size_t k0 = 0; k0 < nnz && !rc; k0 += SLAB_ENTRIES) {
        size_t len = nnz - k0 < SLAB_ENTRIES ? nnz - k0 : SLAB_ENTRIES;
        rc = nc_put_vara_double(ncid, v->value, &k0, &len, s->values + k0);
        clioi_progress("writing Z (sparse)", (double)(k0 + len) / (double)nnz);
    }
    return rc;
}

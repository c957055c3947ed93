/* netcdf_storage.c -- how the matrices of a table file are stored: chunked
 * in whole columns and deflated, or contiguous and plain, by the
 * process-wide setting clio_netcdf_set_compression.  One rule for
 * clio_table_write_netcdf and clio generate (docs/formats.md, "Large
 * tables", has the timings behind the default). */
#include "netcdf_common.h"

/* Chunks of whole columns of about this many bytes: big enough for deflate
 * to work well, small enough for HDF5's default chunk cache. */
#define CHUNK_BYTES ((size_t)4 << 20)

/* With the automatic setting, matrices of at least this many bytes are
 * compressed and smaller ones not: inflating is the largest fixed cost of
 * a small run (WIOD 2011, n = 1435: 0.068 s read compressed, 0.030 s
 * plain), while for large tables the disk saved counts. */
#define COMPRESS_BYTES ((size_t)64 << 20)

static int compression = CLIO_NETCDF_COMPRESSION_AUTO;

int clio_netcdf_set_compression(int level)
{
    if (level < CLIO_NETCDF_COMPRESSION_AUTO || level > 9)
        return CLIO_EINVAL;
    compression = level;
    return CLIO_OK;
}

int clio_netcdf_compression(void)
{
    return compression;
}

size_t clioi_nc_chunk_columns(size_t outer_len, size_t inner_len)
{
    size_t k = CHUNK_BYTES / (inner_len * sizeof(double));
    return k < 1 ? 1 : (k > outer_len ? outer_len : k);
}

int clioi_nc_def_matrix_storage(int ncid, int varid, size_t outer_len, size_t inner_len)
{
    int level = compression;
    /* The automatic layout is the one docs/netcdf-schema.md promises:
     * shuffle + deflate 1 from COMPRESS_BYTES.  An explicit level deflates
     * without shuffle: on tables of exact zeros and full-precision doubles
     * (generated ones, n = 9,800) that packs 40% smaller and inflates 1.6x
     * faster; on WIOD 2011 it packs 15% larger (docs/formats.md). */
    int shuffle = level == CLIO_NETCDF_COMPRESSION_AUTO;
    if (level == CLIO_NETCDF_COMPRESSION_AUTO)
        level = outer_len * inner_len * sizeof(double) >= COMPRESS_BYTES ? 1 : 0;
    if (level == 0)
        return nc_def_var_chunking(ncid, varid, NC_CONTIGUOUS, NULL);
    size_t chunks[2] = {clioi_nc_chunk_columns(outer_len, inner_len), inner_len};
    int rc = nc_def_var_chunking(ncid, varid, NC_CHUNKED, chunks);
    return rc ? rc : nc_def_var_deflate(ncid, varid, shuffle, 1, level);
}

int clioi_nc_def_result_storage(int ncid, int varid)
{
    /* results keep their historical layout under auto (shuffle + deflate 1,
     * HDF5's default chunks); none leaves them plain (contiguous) */
    if (compression == 0)
        return NC_NOERR;
    int automatic = compression == CLIO_NETCDF_COMPRESSION_AUTO;
    return nc_def_var_deflate(ncid, varid, automatic, 1, automatic ? 1 : compression);
}

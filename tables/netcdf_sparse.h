/* netcdf_sparse.h -- a sparse (CSC) Z in a clio NetCDF table: the variables
 * Z_column_start, Z_row and Z_value instead of the dense Z
 * (docs/netcdf-schema.md, "Sparse tables").  Written by
 * netcdf_sparse_write.c (for the table writer and clio generate --sparse),
 * read by netcdf_sparse_read.c (for netcdf_read.c).  Internal to the
 * NetCDF files. */
#ifndef CLIO_NETCDF_SPARSE_H
#define CLIO_NETCDF_SPARSE_H

#include "netcdf_common.h"

/* clio_format_version of the files: dense tables keep version 1, so that
 * any clio reads them; a sparse Z needs a clio that knows version 2 (an
 * older one says "newer format: upgrade clio" instead of "Z is missing"). */
#define CLIOI_NC_VERSION_DENSE 1
#define CLIOI_NC_VERSION_SPARSE 2
#if CLIOI_NC_VERSION_SPARSE > CLIO_FORMAT_VERSION
#error "CLIO_FORMAT_VERSION must be the newest version written"
#endif

/* The global attribute naming Z's storage: absent or "dense" (Z), or "csc". */
#define CLIOI_NC_STORAGE_ATT "Z_storage"

/* Variable ids of a sparse Z; row and value are -1 when Z has no entries
 * (a dimension of length 0 cannot be stored, so Z_nonzero is left out). */
typedef struct clioi_nc_sparse_vars {
    int start, row, value;
} clioi_nc_sparse_vars;

/* clioi_nc_sparse_def -- in define mode: the dimensions buying_sector_start
 * (n + 1) and Z_nonzero (nnz), the three variables (large ones chunked and
 * deflated) and the global attribute Z_storage = "csc".  unit may be NULL.
 * A NetCDF status. */
int clioi_nc_sparse_def(int ncid, size_t n, size_t nnz, const char *unit,
                        clioi_nc_sparse_vars *v);
/* clioi_nc_sparse_put -- in data mode: the entries of s.  A NetCDF status. */
int clioi_nc_sparse_put(int ncid, const clioi_nc_sparse_vars *v, const clio_sparse *s);

/* clioi_nc_storage_sparse -- whether the open file stores Z sparse (*sparse
 * 1) or dense (0); CLIO_EFORMAT for an unknown Z_storage. */
int clioi_nc_storage_sparse(int ncid, const char *path, int *sparse, clio_error *err);
/* clioi_nc_sparse_count -- the number of stored entries of a sparse Z of n
 * columns (the length of Z_nonzero; 0 when it is left out), after checking
 * buying_sector_start.  CLIO_EFORMAT naming the file and dimension. */
int clioi_nc_sparse_count(int ncid, const char *path, size_t n, size_t *nnz, clio_error *err);
/* clioi_nc_sparse_read -- read the sparse Z into t->Zs (allocated with room
 * for the count above; its labels already read, for messages) and validate
 * it: column starts from 0, non-decreasing, ending at the count; rows in
 * range and strictly increasing within a column; values finite.  Explicit
 * zeros are dropped.  CLIO_EFORMAT names the file, the variable, the entry
 * and the column's sector key; CLIO_EVALUE a value that is not finite. */
int clioi_nc_sparse_read(int ncid, const char *path, clio_table *t, clio_error *err);

/* clioi_nc_find_var (netcdf_read.c) -- a variable that must exist with exactly
 * these dimensions and a type of this kind (0 string, 1 integer, 2 number);
 * CLIO_EFORMAT naming the file and variable otherwise. */
int clioi_nc_find_var(int ncid, const char *path, const char *name, int ndims,
                      const int *dims, int kind, int *varid, clio_error *err);

#endif

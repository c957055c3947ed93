/* netcdf_common.h -- helpers shared by the NetCDF files (tables/netcdf_*.c),
 * the only files that include <netcdf.h>.  Internal to them: include it from
 * nowhere else.  Everything here is prefixed clioi_nc_ and is hidden from
 * the shared library by libclio.map. */
#ifndef CLIO_NETCDF_COMMON_H
#define CLIO_NETCDF_COMMON_H

#include "clioi.h"

#include <netcdf.h>

/* ---- Writing ------------------------------------------------------ */

/* How one kind of object becomes a file, for clioi_nc_write.  obj is the
 * object (a clio_table, a clio_result); out is the writer's own scratch
 * struct, holding what the file needs that obj does not hold as such. */
typedef struct clioi_nc_writer {
    /* refuse what cannot be written, before any file is made */
    int (*check)(const void *obj, const char *path, clio_error *err);
    /* fill *out from obj: CLIO_OK, or CLIO_ENOMEM with nothing left held */
    int (*make)(void *out, const void *obj);
    /* write the whole dataset into the new ncid: a NetCDF status */
    int (*fill)(int ncid, const void *obj, const void *out);
    /* free what make made */
    void (*release)(void *out);
} clioi_nc_writer;

/* clioi_nc_write -- check obj, make out, then create `path` as NetCDF-4
 * atomically: a temporary file is filled, closed and renamed into place.
 * On any failure `path` is left as it was and no temporary file remains; a
 * NetCDF failure is CLIO_EWRITE (CLIO_ENOMEM for NC_ENOMEM). */
int clioi_nc_write(const clioi_nc_writer *w, const void *obj, void *out, const char *path,
                   clio_error *err);

/* clioi_nc_put_text -- a text attribute; a NULL value is left out. */
int clioi_nc_put_text(int ncid, int varid, const char *name, const char *value);

/* clioi_nc_def_globals -- the global attributes of a clio file, in this
 * order: Conventions, clio_format_version (when format_version > 0),
 * clio_version, clio_result_kind, title, unit, source, history,
 * date_created, clio_command, clio_inputs (the last two as recorded by
 * clio_provenance_set).  NULL texts are left out. */
int clioi_nc_def_globals(int ncid, int format_version, const char *kind, const char *title,
                         const char *unit, const char *source);

/* One dimension to define: its id is stored in *id. */
typedef struct clioi_nc_dim {
    const char *name;
    size_t len;
    int *id;
} clioi_nc_dim;

/* clioi_nc_def_dims -- define dims[0..count) in order.  One of length 0 is
 * left out, with id -1: a fixed NetCDF dimension cannot have length 0. */
int clioi_nc_def_dims(int ncid, const clioi_nc_dim *dims, size_t count);

/* The sector and account labels, as both file kinds hold them. */
typedef struct clioi_nc_labels {
    size_t nsectors;
    char **keys;        /* sector keys: "region|sector", or "sector" with one region */
    int *sector_region; /* index into the region variable */
    const char **units; /* account units, "" for a missing one (NC_STRING holds no NULL) */
} clioi_nc_labels;

/* clioi_nc_labels_make -- sector i is names[i] in regions[region[i]];
 * units[0..nunits) are the accounts' (the strings are borrowed, not
 * copied).  CLIO_OK, or CLIO_ENOMEM with nothing held. */
int clioi_nc_labels_make(clioi_nc_labels *l, size_t nsectors, char *const *names,
                         const size_t *region, char *const *regions, size_t nregions,
                         char *const *units, size_t nunits);
/* clioi_nc_labels_free -- free what clioi_nc_labels_make made. */
void clioi_nc_labels_free(clioi_nc_labels *l);

/* ---- Reading ------------------------------------------------------ */

/* clioi_nc_open -- open `path` read-only, telling a missing or unreadable
 * file (CLIO_EIO) from one that is not NetCDF (CLIO_EFORMAT). */
int clioi_nc_open(const char *path, int *ncid, clio_error *err);

/* clioi_nc_is_integer_type / clioi_nc_is_number_type -- whether values of
 * this type read as integers / as numbers. */
int clioi_nc_is_integer_type(nc_type type);
int clioi_nc_is_number_type(nc_type type);

/* clioi_nc_describe_dims -- "(a, b)", the dimension names, for messages. */
void clioi_nc_describe_dims(int ncid, int ndims, const int *dimids, char *buf, size_t len);


/* The label variables of a table file (docs/netcdf-schema.md). */
typedef struct clioi_nc_label_vars {
    int sector, buying, region, sector_region, sector_name;
    int fd, fd_region, va, account, account_unit;
} clioi_nc_label_vars;

/* clioi_nc_def_table_labels -- define them, with their attributes; dims are
 * the ids of sector, buying_sector, region, final_demand, value_added and
 * account (-1: the dimension is left out, and so are its labels).  Used by
 * the table writer and by clio generate. */
int clioi_nc_def_table_labels(int ncid, const int *dims, clioi_nc_label_vars *v);

/* clioi_nc_def_matrix_storage -- chunking and compression of a matrix
 * variable (outer_len, inner_len), inner_len values per matrix column, by
 * clio_netcdf_compression() (tables/netcdf_storage.c).  In define mode. */
int clioi_nc_def_matrix_storage(int ncid, int varid, size_t outer_len, size_t inner_len);
/* clioi_nc_def_result_storage -- compression of a result variable by
 * clio_netcdf_compression(): auto deflates (shuffle, level 1), 0 stores it
 * plain, 1..9 deflate at that level.  In define mode. */
int clioi_nc_def_result_storage(int ncid, int varid);
/* clioi_nc_chunk_columns -- matrix columns in one chunk (about 4 MiB, at
 * least 1, at most outer_len); also the slab clio generate writes at once. */
size_t clioi_nc_chunk_columns(size_t outer_len, size_t inner_len);

#endif

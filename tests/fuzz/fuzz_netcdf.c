/* fuzz_netcdf.c -- structure-aware fuzzing of the NetCDF table reader: the
 * input bytes decide a file's dimensions (lengths 0-7, sometimes missing),
 * which of the table's variables exist and with which type and dimensions
 * (right or wrong), their labels (short, empty or duplicated) and numbers
 * (any double: NaN, infinities, negatives), indices (in range or not) and
 * the format attribute, and for a sparse Z (Z_storage = "csc") its column
 * starts, rows and values.  The file is written with the NetCDF library, so
 * what is fuzzed is clio's reading of well-formed NetCDF that is a bad
 * table, not HDF5's parser. */
#include "fuzz.h"

#include <netcdf.h>

enum { SECTOR, BUYING, REGION, FD, VA, ACCOUNT, STARTS, NONZERO, NDIMS };
static const char *const dim_names[NDIMS] = {"sector",      "buying_sector", "region",
                                              "final_demand", "value_added",   "account",
                                              "buying_sector_start", "Z_nonzero"};

/* A variable of the table: its name, its kind and its right dimensions. */
typedef struct var_spec {
    const char *name;
    nc_type type;
    int ndims, dims[2];
} var_spec;

static const var_spec vars[] = {
    {"region", NC_STRING, 1, {REGION}},
    {"sector", NC_STRING, 1, {SECTOR}},
    {"buying_sector", NC_STRING, 1, {BUYING}},
    {"sector_name", NC_STRING, 1, {SECTOR}},
    {"sector_region", NC_INT64, 1, {SECTOR}},
    {"final_demand", NC_STRING, 1, {FD}},
    {"final_demand_region", NC_INT64, 1, {FD}},
    {"value_added", NC_STRING, 1, {VA}},
    {"account", NC_STRING, 1, {ACCOUNT}},
    {"account_unit", NC_STRING, 1, {ACCOUNT}},
    {"Z", NC_DOUBLE, 2, {BUYING, SECTOR}},
    {"Y", NC_DOUBLE, 2, {FD, SECTOR}},
    {"V", NC_DOUBLE, 2, {SECTOR, VA}},
    {"satellite", NC_DOUBLE, 2, {SECTOR, ACCOUNT}},
    {"satellite_final_demand", NC_DOUBLE, 2, {FD, ACCOUNT}},
    {"x", NC_DOUBLE, 1, {SECTOR}},
    {"Z_column_start", NC_INT64, 1, {STARTS}},
    {"Z_row", NC_INT64, 1, {NONZERO}},
    {"Z_value", NC_DOUBLE, 1, {NONZERO}},
};

static void put_values(int ncid, int varid, nc_type type, size_t count, fuzz_bytes *b)
{
    static const char *const labels[] = {"a", "b", "", "R1", "a|b", "R1|a", "c"};
    if (type == NC_STRING) {
        const char *text[64];
        for (size_t i = 0; i < count; i++)
            text[i] = labels[fuzz_next(b) % 7];
        nc_put_var_string(ncid, varid, text);
    } else if (type == NC_INT64) {
        long long v[64];
        for (size_t i = 0; i < count; i++)
            v[i] = (long long)(fuzz_next(b) % 12) - 2; /* indices near the right range */
        nc_put_var_longlong(ncid, varid, v);
    } else {
        double v[64];
        for (size_t i = 0; i < count; i++)
            v[i] = fuzz_next_double(b, 20.0, 1.0);
        nc_put_var_double(ncid, varid, v);
    }
}

/* Write the file the bytes describe; 0 when the NetCDF library refused. */
static int write_file(const char *path, fuzz_bytes *b)
{
    int ncid, dimid[NDIMS];
    size_t len[NDIMS];
    if (nc_create(path, NC_CLOBBER | NC_NETCDF4, &ncid))
        return 0;
    unsigned present = (fuzz_next(b) | 0x03) & 0x3F; /* sector and buying_sector always */
    present |= (fuzz_next(b) & 3u) << STARTS;        /* the sparse Z's dimensions */
    for (int d = 0; d < NDIMS; d++) {
        len[d] = fuzz_next(b) % 8;
        if (d == STARTS && fuzz_next(b) % 2) /* often the right length, n + 1 */
            len[d] = len[SECTOR] + 1;
        dimid[d] = -1;
        if ((present >> d) & 1)
            nc_def_dim(ncid, dim_names[d], len[d], &dimid[d]);
    }
    unsigned storage = fuzz_next(b) % 4; /* none, "csc", "dense", something else */
    static const char *const storages[] = {"csc", "dense", "coo"};
    if (storage)
        nc_put_att_text(ncid, NC_GLOBAL, "Z_storage", strlen(storages[storage - 1]),
                        storages[storage - 1]);
    unsigned version = fuzz_next(b);
    if (version % 5)
        nc_put_att_int(ncid, NC_GLOBAL, "clio_format_version", NC_INT, 1,
                       (int[]){(int)(version % 5) - 1});
    int varids[sizeof vars / sizeof vars[0]];
    nc_type types[sizeof vars / sizeof vars[0]];
    size_t counts[sizeof vars / sizeof vars[0]];
    for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++) {
        unsigned how = fuzz_next(b) % 8; /* 0 missing, 1 wrong type, 2 wrong dims, else right */
        varids[k] = -1;
        if (how == 0)
            continue;
        types[k] = how == 1 ? (vars[k].type == NC_STRING ? NC_DOUBLE : NC_STRING) : vars[k].type;
        int dims[2];
        counts[k] = 1;
        for (int i = 0; i < vars[k].ndims; i++) {
            int d = how == 2 ? (int)(fuzz_next(b) % NDIMS) : vars[k].dims[i];
            if (dimid[d] < 0)
                goto skip;
            dims[i] = dimid[d];
            counts[k] *= len[d];
        }
        if (counts[k] <= 64 && nc_def_var(ncid, vars[k].name, types[k], vars[k].ndims, dims,
                                          &varids[k]) != NC_NOERR)
            varids[k] = -1;
    skip:;
    }
    if (nc_enddef(ncid)) {
        nc_close(ncid);
        return 0;
    }
    for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++)
        if (varids[k] >= 0)
            put_values(ncid, varids[k], types[k], counts[k], b);
    return nc_close(ncid) == NC_NOERR;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[200];
    snprintf(path, sizeof path, "%s/table.nc", fuzz_dir());
    fuzz_bytes b = {data, size};
    if (!write_file(path, &b))
        return 0;
    clio_table *t = NULL;
    clio_error err;
    int status = clio_table_read_netcdf(path, &t, &err);
    fuzz_check_status(status);
    if (status == CLIO_OK) {
        clio_report report = {0};
        fuzz_check_status(clio_table_check(t, 1e-6, &report));
        clio_report_free(&report);
    }
    clio_table_free(t);
    return 0;
}

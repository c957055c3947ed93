/* fuzz_report.c -- structure-aware fuzzing of the report's reader of result
 * files: the input bytes decide a result NetCDF file's kind attribute,
 * dimensions (lengths 0-7, sometimes missing), which label variables exist
 * (with right or wrong types), labels (short, empty, duplicated, with HTML
 * metacharacters), indices in or out of range, and any number of data
 * fields with any doubles; the file is written with the NetCDF library and
 * turned into an HTML page (written to the scratch directory). */
#include "fuzz.h"

#include <netcdf.h>

enum { SECTOR, ACCOUNT, REGION, NDIMS };
static const char *const dim_names[NDIMS] = {"sector", "account", "region"};
static const char *const kinds[] = {"multipliers", "impact", "linkages", "spillovers",
                                    "footprints", "clusters", "scenarios", "<b>&\"odd'"};
static const char *const labels[] = {"a", "b", "", "R1", "a|b", "<i>", "ALL", "x&y"};
static const char *const fields[] = {"effect", "total", "multiplier", "backward_index",
                                     "forward_index", "in:R1", "total_region_total", "z"};

static void put_strings(int ncid, int varid, size_t count, fuzz_bytes *b)
{
    const char *text[8];
    for (size_t i = 0; i < count; i++)
        text[i] = labels[fuzz_next(b) % 8];
    nc_put_var_string(ncid, varid, text);
}

static int write_file(const char *path, fuzz_bytes *b)
{
    int ncid, dimid[NDIMS];
    size_t len[NDIMS];
    if (nc_create(path, NC_CLOBBER | NC_NETCDF4, &ncid))
        return 0;
    unsigned present = fuzz_next(b) | 0x7;
    for (int d = 0; d < NDIMS; d++) {
        len[d] = fuzz_next(b) % 8;
        dimid[d] = -1;
        if ((present >> d) & 1)
            nc_def_dim(ncid, dim_names[d], len[d], &dimid[d]);
    }
    if (fuzz_next(b) % 4) {
        const char *kind = kinds[fuzz_next(b) % 8];
        nc_put_att_text(ncid, NC_GLOBAL, "clio_result_kind", strlen(kind), kind);
    }
    int vs = -1, vsr = -1, vr = -1, va = -1;
    if (dimid[SECTOR] >= 0 && fuzz_next(b) % 5)
        nc_def_var(ncid, "sector", NC_STRING, 1, &dimid[SECTOR], &vs);
    if (dimid[SECTOR] >= 0 && fuzz_next(b) % 5)
        nc_def_var(ncid, "sector_region", fuzz_next(b) % 4 ? NC_INT : NC_DOUBLE, 1, &dimid[SECTOR],
                   &vsr);
    if (dimid[REGION] >= 0 && fuzz_next(b) % 5)
        nc_def_var(ncid, "region", NC_STRING, 1, &dimid[REGION], &vr);
    if (dimid[ACCOUNT] >= 0 && fuzz_next(b) % 5)
        nc_def_var(ncid, "account", NC_STRING, 1, &dimid[ACCOUNT], &va);
    size_t nfields = fuzz_next(b) % 5;
    int vf[5];
    size_t fcount[5];
    for (size_t f = 0; f < nfields; f++) {
        int dims[2] = {dimid[SECTOR], dimid[ACCOUNT]};
        int nd = fuzz_next(b) % 3; /* 0: scalar, 1: (sector), 2: (sector, account) */
        vf[f] = -1;
        if ((nd >= 1 && dims[0] < 0) || (nd == 2 && dims[1] < 0))
            continue;
        fcount[f] = nd == 0 ? 1 : nd == 1 ? len[SECTOR] : len[SECTOR] * len[ACCOUNT];
        if (nc_def_var(ncid, fields[fuzz_next(b) % 8], NC_DOUBLE, nd, dims, &vf[f]) != NC_NOERR)
            vf[f] = -1;
    }
    if (nc_enddef(ncid)) {
        nc_close(ncid);
        return 0;
    }
    if (vs >= 0)
        put_strings(ncid, vs, len[SECTOR], b);
    if (vr >= 0)
        put_strings(ncid, vr, len[REGION], b);
    if (va >= 0)
        put_strings(ncid, va, len[ACCOUNT], b);
    if (vsr >= 0) {
        int v[8];
        for (size_t i = 0; i < len[SECTOR]; i++)
            v[i] = (int)fuzz_next(b) % 10 - 2;
        nc_put_var_int(ncid, vsr, v);
    }
    for (size_t f = 0; f < nfields; f++) {
        if (vf[f] < 0)
            continue;
        double v[64];
        for (size_t i = 0; i < fcount[f]; i++)
            v[i] = fuzz_next_double(b, 40.0, 1.5);
        nc_put_var_double(ncid, vf[f], v);
    }
    return nc_close(ncid) == NC_NOERR;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[200], html[200];
    snprintf(path, sizeof path, "%s/result.nc", fuzz_dir());
    snprintf(html, sizeof html, "%s/report.html", fuzz_dir());
    fuzz_bytes b = {data, size};
    if (!write_file(path, &b))
        return 0;
    const char *files[] = {path};
    clio_error err;
    fuzz_check_status(clio_html_report(files, 1, html, &err));
    return 0;
}

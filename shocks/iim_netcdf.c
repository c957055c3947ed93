/* iim_netcdf.c -- IIM results as NetCDF-4 through the shared atomic
 * writer (tables/netcdf_common.h): a static result over `sector`, or a
 * dynamic one with a `time` dimension (docs/methods-iim.md, "Files"). */
#include "iim.h"

#include "../tables/netcdf_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct iim_result {
    const clio_iim_system *s;
    int dynamic;
    size_t nsteps, ldq;
    const double *q, *cum;
} iim_result;

/* What the file needs beyond the result: sector keys, C-order buffers. */
typedef struct iim_out {
    size_t n;
    char **keys;     /* "region|sector" when several regions, else the name */
    double *series;  /* (nsteps + 1) x n, or n */
    double *money;   /* n: loss or cumulative loss (NaN when x unknown) */
    double *time;    /* nsteps + 1 */
} iim_out;

static int several_regions(const clio_iim_system *s)
{
    for (size_t i = 1; s->regions && i < s->n; i++)
        if (strcmp(s->regions[i], s->regions[0]) != 0)
            return 1;
    return 0;
}

static int check(const void *obj, const char *path, clio_error *err)
{
    const iim_result *r = obj;
    if (r->s->n == 0)
        return clioi_fail(err, CLIO_EDIM, "cannot write '%s': no sectors", path);
    return CLIO_OK;
}

static void release(void *out)
{
    iim_out *o = out;
    clioi_free_labels(o->keys, o->n);
    free(o->series);
    free(o->money);
    free(o->time);
    memset(o, 0, sizeof *o);
}

static int make(void *out, const void *obj)
{
    const iim_result *r = obj;
    const clio_iim_system *s = r->s;
    iim_out *o = out;
    size_t n = s->n, points = r->dynamic ? r->nsteps + 1 : 1;
    memset(o, 0, sizeof *o);
    o->n = n;
    o->keys = clioi_calloc_array(n, sizeof *o->keys);
    o->series = clioi_alloc_matrix(points, n);
    o->money = clioi_calloc_array(n, sizeof *o->money);
    o->time = clioi_calloc_array(points, sizeof *o->time);
    int ok = o->keys && o->series && o->money && o->time, multi = several_regions(s);
    for (size_t i = 0; ok && i < n; i++)
        ok = (o->keys[i] = clioi_join_key(multi ? s->regions[i] : NULL, s->sectors[i])) != NULL;
    if (!ok) {
        release(o);
        return CLIO_ENOMEM;
    }
    for (size_t t = 0; t < points; t++) {
        o->time[t] = (double)t;
        for (size_t i = 0; i < n; i++) /* C order: series[t][i] */
            o->series[t * n + i] = r->q[i + t * r->ldq];
    }
    for (size_t i = 0; i < n; i++) {
        double share = r->dynamic ? r->cum[i] : r->q[i];
        o->money[i] = s->x ? share * s->x[i] : NAN;
    }
    return CLIO_OK;
}

static int def_double(int ncid, const char *name, int ndims, const int *dims,
                      const char *long_name, const char *units, int *varid)
{
    const double nan = NAN;
    int rc = nc_def_var(ncid, name, NC_DOUBLE, ndims, dims, varid);
    if (!rc)
        rc = nc_def_var_fill(ncid, *varid, 0, &nan);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "long_name", long_name);
    if (!rc && units)
        rc = clioi_nc_put_text(ncid, *varid, "units", units);
    return rc;
}

static int fill(int ncid, const void *obj, const void *out)
{
    const iim_result *r = obj;
    const iim_out *o = out;
    const clio_iim_system *s = r->s;
    int sector_dim = -1, time_dim = -1, v_sector = -1, v_name = -1, v_region = -1;
    int v_time = -1, v_q = -1, v_cum = -1, v_money = -1;
    int rc = clioi_nc_def_globals(ncid, 0, r->dynamic ? "iim_dynamic" : "iim_static", NULL,
                                  NULL, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, NC_GLOBAL, "description",
                               s->supply ? "supply-side inoperability input-output model"
                                         : "demand-side inoperability input-output model");
    if (!rc && r->dynamic)
        rc = nc_def_dim(ncid, "time", r->nsteps + 1, &time_dim);
    if (!rc)
        rc = nc_def_dim(ncid, "sector", s->n, &sector_dim);
    if (!rc)
        rc = nc_def_var(ncid, "sector", NC_STRING, 1, &sector_dim, &v_sector);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v_sector, "long_name",
                               "sector (region|sector when there are several regions)");
    if (!rc)
        rc = nc_def_var(ncid, "sector_name", NC_STRING, 1, &sector_dim, &v_name);
    if (!rc && s->regions)
        rc = nc_def_var(ncid, "sector_region", NC_STRING, 1, &sector_dim, &v_region);
    if (!rc && r->dynamic) {
        rc = def_double(ncid, "time", 1, &time_dim, "time", "periods since the start", &v_time);
        if (!rc)
            rc = clioi_nc_put_text(ncid, v_time, "axis", "T");
    }
    int qdims[2] = {time_dim, sector_dim};
    if (!rc)
        rc = def_double(ncid, "inoperability", r->dynamic ? 2 : 1,
                        r->dynamic ? qdims : &sector_dim,
                        "inoperability: share of the sector's output lost (0 .. 1)", "1", &v_q);
    if (!rc && r->dynamic)
        rc = def_double(ncid, "cumulative_inoperability", 1, &sector_dim,
                        "inoperability integrated over time (trapezoidal rule)", "periods",
                        &v_cum);
    if (!rc)
        rc = def_double(ncid, r->dynamic ? "cumulative_loss" : "loss", 1, &sector_dim,
                        r->dynamic ? "cumulative inoperability times output"
                                   : "inoperability times output",
                        NULL, &v_money);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v_money, "comment",
                               "in the unit of output (x); NaN when output is unknown");
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = nc_put_var_string(ncid, v_sector, (const char **)o->keys);
    if (!rc)
        rc = nc_put_var_string(ncid, v_name, (const char **)s->sectors);
    if (!rc && s->regions)
        rc = nc_put_var_string(ncid, v_region, (const char **)s->regions);
    if (!rc && r->dynamic)
        rc = nc_put_var_double(ncid, v_time, o->time);
    if (!rc)
        rc = nc_put_var_double(ncid, v_q, o->series);
    if (!rc && r->dynamic)
        rc = nc_put_var_double(ncid, v_cum, r->cum);
    if (!rc)
        rc = nc_put_var_double(ncid, v_money, o->money);
    return rc;
}

static const clioi_nc_writer iim_writer = {check, make, fill, release};

int clioi_iim_netcdf_static(const clio_iim_system *s, const double *q, const char *path,
                            clio_error *err)
{
    const iim_result r = {s, 0, 0, s->n ? s->n : 1, q, NULL};
    iim_out o;
    return clioi_nc_write(&iim_writer, &r, &o, path, err);
}

int clioi_iim_netcdf_dynamic(const clio_iim_system *s, size_t nsteps, const double *q,
                             size_t ldq, const double *cum, const char *path, clio_error *err)
{
    const iim_result r = {s, 1, nsteps, ldq, q, cum};
    iim_out o;
    return clioi_nc_write(&iim_writer, &r, &o, path, err);
}

/* netcdf_scenarios.c -- the results of a scenario file as one NetCDF-4
 * file with a `scenario` dimension (and `time` for dynamic scenarios);
 * schema in docs/netcdf-schema.md, "Scenario files".  The store's layout is
 * already the file's C order: delta (scenario, sector, account), time
 * (scenario, time), each series variable (scenario, time, sector). */
#include "netcdf_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct sc_out {
    clioi_nc_labels labels;
    const char **descriptions; /* "" where a scenario has none */
    const char **time_units;   /* "" for static scenarios */
    double *region_base, *region_delta, *total_base, *total_delta;
    signed char *binding;
} sc_out;

static int sc_check(const void *obj, const char *path, clio_error *err)
{
    const clio_scenario_results *r = obj;
    if (!r || !path)
        return clioi_fail(err, CLIO_EINVAL, "clio_scenario_results_write_netcdf: NULL argument");
    if (r->nscenarios == 0 || r->labels->nrows == 0)
        return clioi_fail(err, CLIO_EDIM, "cannot write '%s': no scenarios or no sectors", path);
    return clioi_check_unique(r->names, r->nscenarios, "scenario", err);
}

static void sc_release(void *out)
{
    sc_out *o = out;
    clioi_nc_labels_free(&o->labels);
    free(o->descriptions);
    free(o->time_units);
    free(o->region_base);
    free(o->region_delta);
    free(o->total_base);
    free(o->total_delta);
    free(o->binding);
}

/* Region and grand totals of the baseline and of every scenario's delta. */
static void sum_totals(const clio_scenario_results *r, sc_out *o)
{
    const clio_result *l = r->labels;
    size_t na = l->naccounts, ng = l->nregions, n = l->nrows;
    for (size_t i = 0; i < n; i++) {
        size_t g = l->row_region[i];
        for (size_t a = 0; a < na; a++) {
            o->region_base[a + na * g] += l->values[a + na * i];
            o->total_base[a] += l->values[a + na * i];
        }
        for (size_t s = 0; s < r->nscenarios; s++)
            for (size_t a = 0; a < na; a++) {
                double d = r->delta[a + na * (i + n * s)];
                o->region_delta[a + na * (g + ng * s)] += d;
                o->total_delta[a + na * s] += d;
            }
    }
}

static int sc_make(void *out, const void *obj)
{
    const clio_scenario_results *r = obj;
    const clio_result *l = r->labels;
    sc_out *o = out;
    size_t S = r->nscenarios, na = l->naccounts;
    memset(o, 0, sizeof *o);
    o->descriptions = clioi_calloc_array(S, sizeof *o->descriptions);
    o->time_units = clioi_calloc_array(S, sizeof *o->time_units);
    o->region_base = clioi_calloc_array(l->nregions * na, sizeof(double));
    o->region_delta = clioi_calloc_array(S * l->nregions * na, sizeof(double));
    o->total_base = clioi_calloc_array(na, sizeof(double));
    o->total_delta = clioi_calloc_array(S * na, sizeof(double));
    o->binding = clioi_calloc_array(S * l->nrows, 1);
    if (!o->descriptions || !o->time_units || !o->region_base || !o->region_delta ||
        !o->total_base || !o->total_delta || !o->binding ||
        clioi_nc_labels_make(&o->labels, l->nrows, l->row_sector, l->row_region, l->regions,
                             l->nregions, l->account_units, na) != CLIO_OK) {
        sc_release(o);
        return CLIO_ENOMEM;
    }
    for (size_t s = 0; s < S; s++) {
        o->descriptions[s] = r->descriptions[s] ? r->descriptions[s] : "";
        o->time_units[s] = r->time_units && r->time_units[s] ? r->time_units[s] : "";
    }
    for (size_t k = 0; k < S * l->nrows; k++)
        o->binding[k] = (signed char)r->binding[k];
    sum_totals(r, o);
    for (size_t a = 0; a < na; a++) /* a sum of price indices means nothing */
        if (strcmp(l->accounts[a], "price") == 0) {
            o->total_base[a] = NAN;
            for (size_t g = 0; g < l->nregions; g++)
                o->region_base[a + na * g] = NAN;
            for (size_t s = 0; s < S; s++) {
                o->total_delta[a + na * s] = NAN;
                for (size_t g = 0; g < l->nregions; g++)
                    o->region_delta[a + na * (g + l->nregions * s)] = NAN;
            }
        }
    return CLIO_OK;
}

typedef struct sc_ids {
    int scenario, sector, account, region, time;
} sc_ids;

static int def_string(int ncid, const char *name, int dim, const char *long_name, int *var)
{
    int rc = nc_def_var(ncid, name, NC_STRING, 1, &dim, var);
    return rc ? rc : clioi_nc_put_text(ncid, *var, "long_name", long_name);
}

static int def_double(int ncid, const char *name, int ndims, const int *dims,
                      const char *long_name, int *var)
{
    const double nan = NAN;
    int rc = nc_def_var(ncid, name, NC_DOUBLE, ndims, dims, var);
    if (!rc)
        rc = clioi_nc_def_result_storage(ncid, *var);
    if (!rc)
        rc = nc_def_var_fill(ncid, *var, 0, &nan);
    return rc ? rc : clioi_nc_put_text(ncid, *var, "long_name", long_name);
}

/* Variable ids, in the order they are written. */
enum {
    V_SCENARIO, V_MODEL, V_DESCRIPTION, V_SECTOR, V_SECTOR_NAME, V_SECTOR_REGION, V_REGION,
    V_ACCOUNT, V_UNIT, V_BASELINE, V_DELTA, V_BASE_REGION, V_DELTA_REGION, V_BASE_TOTAL,
    V_DELTA_TOTAL, V_BINDING, V_TIME, V_TIME_UNIT, V_COUNT
};

static int def_vars(int ncid, const clio_scenario_results *r, const sc_ids *d, int *v)
{
    int sa[3] = {d->scenario, d->sector, d->account}, ra[3] = {d->scenario, d->region, d->account};
    int scen_account[2] = {d->scenario, d->account};
    int rc = def_string(ncid, "scenario", d->scenario, "scenario name", &v[V_SCENARIO]);
    if (!rc)
        rc = def_string(ncid, "model", d->scenario, "model the scenario ran", &v[V_MODEL]);
    if (!rc)
        rc = def_string(ncid, "description", d->scenario, "scenario description",
                        &v[V_DESCRIPTION]);
    if (!rc)
        rc = def_string(ncid, "sector", d->sector, "sector (region|sector, or sector)",
                        &v[V_SECTOR]);
    if (!rc)
        rc = def_string(ncid, "sector_name", d->sector, "sector name within its region",
                        &v[V_SECTOR_NAME]);
    if (!rc)
        rc = nc_def_var(ncid, "sector_region", NC_INT, 1, &d->sector, &v[V_SECTOR_REGION]);
    if (!rc)
        rc = def_string(ncid, "region", d->region, "region", &v[V_REGION]);
    if (!rc)
        rc = def_string(ncid, "account", d->account, "measured quantity", &v[V_ACCOUNT]);
    if (!rc)
        rc = def_string(ncid, "account_unit", d->account, "unit of the account", &v[V_UNIT]);
    if (!rc)
        rc = def_double(ncid, "baseline", 2, sa + 1, "baseline value", &v[V_BASELINE]);
    size_t chunk[3] = {1, r->labels->nrows, r->labels->naccounts}; /* one scenario */
    if (!rc)
        rc = def_double(ncid, "delta", 3, sa, "scenario minus baseline", &v[V_DELTA]);
    if (!rc)
        rc = nc_def_var_chunking(ncid, v[V_DELTA], NC_CHUNKED, chunk);
    if (!rc)
        rc = def_double(ncid, "baseline_region_total", 2, ra + 1,
                        "baseline summed over the sectors of each region", &v[V_BASE_REGION]);
    if (!rc)
        rc = def_double(ncid, "delta_region_total", 3, ra,
                        "delta summed over the sectors of each region", &v[V_DELTA_REGION]);
    if (!rc)
        rc = def_double(ncid, "baseline_total", 1, &d->account, "baseline over all sectors",
                        &v[V_BASE_TOTAL]);
    if (!rc)
        rc = def_double(ncid, "delta_total", 2, scen_account, "delta over all sectors",
                        &v[V_DELTA_TOTAL]);
    if (!rc && r->has_caps)
        rc = nc_def_var(ncid, "binding", NC_BYTE, 2, sa, &v[V_BINDING]);
    if (!rc && r->has_caps)
        rc = clioi_nc_put_text(ncid, v[V_BINDING], "long_name",
                               "1: output fixed at its capacity cap");
    return rc;
}

static int def_series(int ncid, const clio_scenario_results *r, const sc_ids *d, int *v,
                      int *series)
{
    int st[2] = {d->scenario, d->time}, sts[3] = {d->scenario, d->time, d->sector};
    int rc = def_double(ncid, "time", 2, st, "time of each point (unit in time_unit)",
                        &v[V_TIME]);
    if (!rc)
        rc = def_string(ncid, "time_unit", d->scenario, "period or day; empty: static",
                        &v[V_TIME_UNIT]);
    size_t chunk[3] = {1, r->ntimes, r->labels->nrows}; /* one scenario's path */
    for (size_t k = 0; k < r->nvars && !rc; k++) {
        rc = def_double(ncid, r->vars[k], 3, sts, r->vars[k], &series[k]);
        if (!rc)
            rc = nc_def_var_chunking(ncid, series[k], NC_CHUNKED, chunk);
    }
    return rc;
}

static int put_series(int ncid, const clio_scenario_results *r, const sc_out *o, const int *v,
                      const int *series)
{
    size_t n = r->labels->nrows, T = r->ntimes;
    int rc = nc_put_var_double(ncid, v[V_TIME], r->time);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_TIME_UNIT], o->time_units);
    for (size_t k = 0; k < r->nvars && !rc; k++)
        for (size_t s = 0; s < r->nscenarios && !rc; s++) {
            size_t start[3] = {s, 0, 0}, count[3] = {1, T, n};
            if (r->slot[s] != CLIO_NONE) /* static scenarios keep the NaN fill */
                rc = nc_put_vara_double(ncid, series[k], start, count,
                                        r->series + n * T * (k + r->nvars * r->slot[s]));
        }
    return rc;
}

static int sc_fill(int ncid, const void *obj, const void *out)
{
    const clio_scenario_results *r = obj;
    const clio_result *l = r->labels;
    const sc_out *o = out;
    sc_ids d;
    const clioi_nc_dim dims[] = {{"scenario", r->nscenarios, &d.scenario},
                                 {"sector", l->nrows, &d.sector},
                                 {"account", l->naccounts, &d.account},
                                 {"region", l->nregions, &d.region},
                                 {"step", r->nvars ? r->ntimes : 0, &d.time}};
    int v[V_COUNT], *series = clioi_calloc_array(r->nvars, sizeof *series);
    if (!series)
        return NC_ENOMEM;
    int rc = clioi_nc_def_globals(ncid, 0, "scenarios", l->title, NULL, NULL);
    if (!rc)
        rc = clioi_nc_def_dims(ncid, dims, sizeof dims / sizeof dims[0]);
    if (!rc)
        rc = def_vars(ncid, r, &d, v);
    if (!rc && r->nvars)
        rc = def_series(ncid, r, &d, v, series);
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_SCENARIO], (const char **)r->names);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_MODEL], (const char **)r->models);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_DESCRIPTION], o->descriptions);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_SECTOR], (const char **)o->labels.keys);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_SECTOR_NAME], (const char **)l->row_sector);
    if (!rc)
        rc = nc_put_var_int(ncid, v[V_SECTOR_REGION], o->labels.sector_region);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_REGION], (const char **)l->regions);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_ACCOUNT], (const char **)l->accounts);
    if (!rc)
        rc = nc_put_var_string(ncid, v[V_UNIT], o->labels.units);
    if (!rc)
        rc = nc_put_var_double(ncid, v[V_BASELINE], l->values);
    if (!rc)
        rc = nc_put_var_double(ncid, v[V_DELTA], r->delta);
    if (!rc)
        rc = nc_put_var_double(ncid, v[V_BASE_REGION], o->region_base);
    if (!rc)
        rc = nc_put_var_double(ncid, v[V_DELTA_REGION], o->region_delta);
    if (!rc)
        rc = nc_put_var_double(ncid, v[V_BASE_TOTAL], o->total_base);
    if (!rc)
        rc = nc_put_var_double(ncid, v[V_DELTA_TOTAL], o->total_delta);
    if (!rc && r->has_caps)
        rc = nc_put_var_schar(ncid, v[V_BINDING], o->binding);
    if (!rc && r->nvars)
        rc = put_series(ncid, r, o, v, series);
    free(series);
    return rc;
}

static const clioi_nc_writer scenario_writer = {sc_check, sc_make, sc_fill, sc_release};

int clio_scenario_results_write_netcdf(const clio_scenario_results *r, const char *path,
                                       clio_error *err)
{
    sc_out o;
    return clioi_nc_write(&scenario_writer, r, &o, path, err);
}

/* shared_value_netcdf.c -- the scorecard as NetCDF-4 through the shared
 * atomic writer (tables/netcdf_common.h): dimensions option and
 * criterion; value and normalised (option, criterion), cost, score,
 * rank and pareto (option), unit, kind, direction and weight
 * (criterion). */
#include "shared_value.h"

#include "../tables/netcdf_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* C-order (option, criterion) copies of the column-major matrices, and
 * the per-option and per-criterion integers. */
typedef struct sv_out {
    double *value, *normalised;
    int *rank, *pareto, *direction;
} sv_out;

static int check(const void *obj, const char *path, clio_error *err)
{
    const clio_scorecard *sc = obj;
    if (sc->noptions == 0 || sc->ncriteria == 0)
        return clioi_fail(err, CLIO_EDIM, "cannot write '%s': an empty scorecard", path);
    return CLIO_OK;
}

static void release(void *out)
{
    sv_out *o = out;
    free(o->value);
    free(o->normalised);
    free(o->rank);
    free(o->pareto);
    free(o->direction);
    memset(o, 0, sizeof *o);
}

static int make(void *out, const void *obj)
{
    const clio_scorecard *sc = obj;
    sv_out *o = out;
    size_t no = sc->noptions, nc = sc->ncriteria;
    o->value = clioi_calloc_array(no * nc, sizeof *o->value);
    o->normalised = clioi_calloc_array(no * nc, sizeof *o->normalised);
    o->rank = clioi_calloc_array(no, sizeof *o->rank);
    o->pareto = clioi_calloc_array(no, sizeof *o->pareto);
    o->direction = clioi_calloc_array(nc, sizeof *o->direction);
    if (!o->value || !o->normalised || !o->rank || !o->pareto || !o->direction) {
        release(o);
        return CLIO_ENOMEM;
    }
    for (size_t p = 0; p < no; p++) {
        for (size_t c = 0; c < nc; c++) {
            o->value[p * nc + c] = sc->value[p + no * c];
            o->normalised[p * nc + c] = sc->normalised[p + no * c];
        }
        o->rank[p] = (int)sc->rank[p];
        o->pareto[p] = sc->pareto[p];
    }
    for (size_t c = 0; c < nc; c++)
        o->direction[c] = sc->direction[c];
    return CLIO_OK;
}

static int def_var(int ncid, const char *name, nc_type type, int ndims, const int *dims,
                   const char *long_name, const char *units, int *varid)
{
    int rc = nc_def_var(ncid, name, type, ndims, dims, varid);
    if (!rc && type == NC_DOUBLE) {
        const double nan = NAN;
        rc = nc_def_var_fill(ncid, *varid, 0, &nan);
    }
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "long_name", long_name);
    if (!rc && units)
        rc = clioi_nc_put_text(ncid, *varid, "units", units);
    return rc;
}

/* Labels with NULL entries as "" (NC_STRING holds no NULL). */
static int put_strings(int ncid, int varid, char *const *labels, size_t count)
{
    const char **v = malloc((count ? count : 1) * sizeof *v);
    if (!v)
        return NC_ENOMEM;
    for (size_t k = 0; k < count; k++)
        v[k] = labels[k] ? labels[k] : "";
    int rc = nc_put_var_string(ncid, varid, v);
    free(v);
    return rc;
}

static int fill(int ncid, const void *obj, const void *out)
{
    const clio_scorecard *sc = obj;
    const sv_out *o = out;
    int od = -1, cd = -1, v_opt, v_desc, v_crit, v_unit, v_kind, v_dir, v_w, v_cost, v_val,
        v_norm, v_score, v_rank, v_par;
    int rc = clioi_nc_def_globals(ncid, 0, "shared_value", NULL, sc->unit, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, NC_GLOBAL, "description",
                               "shared-value scorecard of policy options "
                               "(docs/methods-shared-value.md)");
    if (!rc)
        rc = nc_def_dim(ncid, "option", sc->noptions, &od);
    if (!rc)
        rc = nc_def_dim(ncid, "criterion", sc->ncriteria, &cd);
    int dims[2] = {od, cd};
    if (!rc)
        rc = def_var(ncid, "option", NC_STRING, 1, &od, "policy option", NULL, &v_opt);
    if (!rc)
        rc = def_var(ncid, "option_description", NC_STRING, 1, &od, "what the option does",
                     NULL, &v_desc);
    if (!rc)
        rc = def_var(ncid, "criterion", NC_STRING, 1, &cd, "criterion", NULL, &v_crit);
    if (!rc)
        rc = def_var(ncid, "criterion_unit", NC_STRING, 1, &cd, "unit of the criterion", NULL,
                     &v_unit);
    if (!rc)
        rc = def_var(ncid, "criterion_kind", NC_STRING, 1, &cd,
                     "economic, social, environmental or other", NULL, &v_kind);
    if (!rc)
        rc = def_var(ncid, "direction", NC_INT, 1, &cd, "+1 higher is better, -1 lower", "1",
                     &v_dir);
    if (!rc)
        rc = def_var(ncid, "weight", NC_DOUBLE, 1, &cd,
                     "normalised weight (NaN: criterion not chosen)", "1", &v_w);
    if (!rc)
        rc = def_var(ncid, "cost", NC_DOUBLE, 1, &od, "public money spent (NaN: not given)",
                     sc->unit, &v_cost);
    if (!rc)
        rc = def_var(ncid, "value", NC_DOUBLE, 2, dims, "outcome of the option", NULL, &v_val);
    if (!rc)
        rc = def_var(ncid, "normalised", NC_DOUBLE, 2, dims,
                     "min-max normalised outcome, 1 = best", "1", &v_norm);
    if (!rc)
        rc = def_var(ncid, "score", NC_DOUBLE, 1, &od, "weighted score", "1", &v_score);
    if (!rc)
        rc = def_var(ncid, "rank", NC_INT, 1, &od, "rank by score (1 best; 0: no weights)",
                     "1", &v_rank);
    if (!rc)
        rc = def_var(ncid, "pareto", NC_INT, 1, &od, "1: Pareto-efficient", "1", &v_par);
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = put_strings(ncid, v_opt, sc->options, sc->noptions);
    if (!rc)
        rc = put_strings(ncid, v_desc, sc->descriptions, sc->noptions);
    if (!rc)
        rc = put_strings(ncid, v_crit, sc->criteria, sc->ncriteria);
    if (!rc)
        rc = put_strings(ncid, v_unit, sc->units, sc->ncriteria);
    if (!rc)
        rc = put_strings(ncid, v_kind, sc->kind, sc->ncriteria);
    if (!rc)
        rc = nc_put_var_int(ncid, v_dir, o->direction);
    if (!rc)
        rc = nc_put_var_double(ncid, v_w, sc->weight);
    if (!rc)
        rc = nc_put_var_double(ncid, v_cost, sc->cost);
    if (!rc)
        rc = nc_put_var_double(ncid, v_val, o->value);
    if (!rc)
        rc = nc_put_var_double(ncid, v_norm, o->normalised);
    if (!rc)
        rc = nc_put_var_double(ncid, v_score, sc->score);
    if (!rc)
        rc = nc_put_var_int(ncid, v_rank, o->rank);
    if (!rc)
        rc = nc_put_var_int(ncid, v_par, o->pareto);
    return rc;
}

static const clioi_nc_writer scorecard_writer = {check, make, fill, release};

int clio_scorecard_write_netcdf(const clio_scorecard *sc, const char *path, clio_error *err)
{
    sv_out o;
    memset(&o, 0, sizeof o);
    return clioi_nc_write(&scorecard_writer, sc, &o, path, err);
}

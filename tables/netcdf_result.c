/* netcdf_result.c -- multipliers and impacts as NetCDF-4 (schema:
 * docs/netcdf-schema.md, "Result files").
 *
 * Unlike table matrices, results are small (sectors x accounts), so each
 * field is copied into a natural C-order (sector, account) buffer: readers
 * see var[i][a] = value(i, a) with no layout to explain.
 */
#include "netcdf_common.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SECTOR_COORDS "sector_name sector_region account_unit"

/* The labels and scratch buffers the file needs. */
typedef struct rs_out {
    clioi_nc_labels labels;   /* sector keys and regions; account units */
    double *buf;              /* nrows x naccounts, one field at a time */
    double *region_total;     /* nregions x naccounts */
    double *total;            /* naccounts */
    int *field_vars;          /* 3 per field: values, region total, total */
} rs_out;

typedef struct rs_dims {
    int sector, account, region;
} rs_dims;

typedef struct rs_vars {
    int sector, sector_name, sector_region, region, account, account_unit, row_class;
} rs_vars;

/* Names of the label variables, which fields must not take. */
static const char *const LABEL_VARS[] = {"sector", "sector_name", "sector_region",
                                         "region", "account",     "account_unit"};
#define NLABEL_VARS (sizeof LABEL_VARS / sizeof LABEL_VARS[0])

static int labels_present(char *const *labels, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!labels[i])
            return 0;
    return 1;
}

static char *join3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = malloc(la + lb + lc + 1);
    if (s) {
        memcpy(s, a, la);
        memcpy(s + la, b, lb);
        memcpy(s + la + lb, c, lc + 1);
    }
    return s;
}

/* check_names -- every variable name the file will have must be unique:
 * a field called "region", or fields "a" and "a_total" of an additive
 * result, would otherwise fail half-way through the write. */
static int check_names(const clio_result *r, const char *path, clio_error *err)
{
    size_t per = r->additive ? 3 : 1, count = NLABEL_VARS + per * r->nfields, k = 0;
    count += r->row_class ? 1 : 0;
    char **names = clioi_calloc_array(count, sizeof *names);
    int status = names ? CLIO_OK : CLIO_ENOMEM;
    for (size_t i = 0; i < NLABEL_VARS && names; i++)
        names[k++] = clioi_strdup(LABEL_VARS[i]);
    if (r->row_class && names)
        names[k++] = clioi_strdup(r->class_name);
    for (size_t f = 0; f < r->nfields && names; f++) {
        names[k++] = clioi_strdup(r->fields[f]);
        if (r->additive) {
            names[k++] = join3(r->fields[f], "_region_total", "");
            names[k++] = join3(r->fields[f], "_total", "");
        }
    }
    for (size_t i = 0; i < k; i++)
        if (!names[i])
            status = CLIO_ENOMEM;
    clio_error e;
    if (status == CLIO_OK && (status = clioi_check_unique(names, count, "variable", &e)) ==
                                 CLIO_ELABEL)
        status = clioi_fail(err, CLIO_ELABEL, "cannot write '%s': %s (field names clash)", path,
                            e.message);
    if (status == CLIO_ENOMEM)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory writing '%s'", path);
    for (size_t i = 0; names && i < count; i++)
        free(names[i]);
    free(names);
    return status;
}

static int check_result(const void *result, const char *path, clio_error *err)
{
    const clio_result *r = result;
    if (!r || !path)
        return clioi_fail(err, CLIO_EINVAL, "clio_result_write_netcdf: NULL argument");
    if (r->nrows == 0 || r->naccounts == 0)
        return clioi_fail(err, CLIO_EDIM,
                          "cannot write '%s': cannot store an empty result (%zu sectors, "
                          "%zu accounts) in NetCDF",
                          path, r->nrows, r->naccounts);
    if (r->nregions == 0 || r->nregions > INT_MAX)
        return clioi_fail(err, CLIO_ELABEL, "cannot write '%s': the result has %zu regions",
                          path, r->nregions);
    if ((r->row_class && (!r->class_name || !labels_present(r->row_class, r->nrows))) ||
        !labels_present(r->regions, r->nregions) || !labels_present(r->row_sector, r->nrows) ||
        !labels_present(r->accounts, r->naccounts) || !labels_present(r->fields, r->nfields))
        return clioi_fail(err, CLIO_ELABEL, "cannot write '%s': the result has missing labels",
                          path);
    for (size_t i = 0; i < r->nrows; i++)
        if (r->row_region[i] >= r->nregions && r->row_region[i] != CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL,
                              "cannot write '%s': sector %zu ('%s') has no region", path, i + 1,
                              r->row_sector[i]);
    return check_names(r, path, err);
}

static void out_free(void *out)
{
    rs_out *o = out;
    clioi_nc_labels_free(&o->labels);
    free(o->buf);
    free(o->region_total);
    free(o->total);
    free(o->field_vars);
}

static int out_make(void *out, const void *result)
{
    const clio_result *r = result;
    rs_out *o = out;
    memset(o, 0, sizeof *o);
    o->buf = clioi_alloc_matrix(r->nrows, r->naccounts);
    o->region_total = clioi_alloc_matrix(r->nregions, r->naccounts);
    o->total = clioi_calloc_array(r->naccounts, sizeof *o->total);
    o->field_vars = clioi_calloc_array(3 * r->nfields, sizeof *o->field_vars);
    if (o->buf && o->region_total && o->total && o->field_vars &&
        clioi_nc_labels_make(&o->labels, r->nrows, r->row_sector, r->row_region, r->regions,
                             r->nregions, r->account_units, r->naccounts) == CLIO_OK)
        return CLIO_OK;
    out_free(o);
    return CLIO_ENOMEM;
}

static int def_label(int ncid, const char *name, nc_type type, int dimid, const char *long_name,
                     int *varid)
{
    int rc = nc_def_var(ncid, name, type, 1, &dimid, varid);
    return rc ? rc : clioi_nc_put_text(ncid, *varid, "long_name", long_name);
}

static int def_labels(int ncid, const clio_result *r, rs_dims *d, rs_vars *v)
{
    const clioi_nc_dim dims[] = {
        {"sector", r->nrows, &d->sector},
        {"account", r->naccounts, &d->account},
        {"region", r->nregions, &d->region},
    };
    int rc = clioi_nc_def_dims(ncid, dims, sizeof dims / sizeof dims[0]);
    if (!rc)
        rc = def_label(ncid, "sector", NC_STRING, d->sector,
                       "sector (region|sector, or sector in a one-region table)", &v->sector);
    if (!rc)
        rc = def_label(ncid, "sector_name", NC_STRING, d->sector, "sector name within its region",
                       &v->sector_name);
    if (!rc)
        rc = def_label(ncid, "sector_region", NC_INT, d->sector, "region of the sector",
                       &v->sector_region);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->sector_region, "comment",
                               "0-based index into the region variable; -1: a group of "
                               "sectors, in no one region");
    if (!rc && r->row_class)
        rc = def_label(ncid, r->class_name, NC_STRING, d->sector, "class of the sector",
                       &v->row_class);
    if (!rc)
        rc = def_label(ncid, "region", NC_STRING, d->region, "region", &v->region);
    if (!rc)
        rc = def_label(ncid, "account", NC_STRING, d->account, "measured quantity", &v->account);
    if (!rc)
        rc = def_label(ncid, "account_unit", NC_STRING, d->account, "unit of the account",
                       &v->account_unit);
    return rc;
}

/* def_value -- one NC_DOUBLE variable; NaN fill marks undefined values
 * (e.g. a multiplier where the direct coefficient is zero). */
static int def_value(int ncid, const char *name, int ndims, const int *dims,
                     const char *long_name, const char *coordinates, int *varid)
{
    const double nan = NAN;
    int rc = nc_def_var(ncid, name, NC_DOUBLE, ndims, dims, varid);
    if (!rc)
        rc = clioi_nc_def_result_storage(ncid, *varid);
    if (!rc)
        rc = nc_def_var_fill(ncid, *varid, 0, &nan);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "long_name", long_name);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "comment",
                               "units per account in account_unit; NaN means undefined");
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "coordinates", coordinates);
    return rc;
}

static int def_field(int ncid, const clio_result *r, size_t f, const rs_dims *d, int *vars)
{
    const char *field = r->fields[f];
    int dims[2] = {d->sector, d->account}, rdims[2] = {d->region, d->account};
    char *names[2] = {NULL, NULL}, *long_names[2] = {NULL, NULL};
    int rc = def_value(ncid, field, 2, dims, field, SECTOR_COORDS, &vars[0]);
    if (rc || !r->additive)
        return rc;
    names[0] = join3(field, "_region_total", "");
    names[1] = join3(field, "_total", "");
    long_names[0] = join3(field, ", summed over the sectors of each region", "");
    long_names[1] = join3(field, ", summed over all sectors", "");
    rc = NC_ENOMEM;
    if (names[0] && names[1] && long_names[0] && long_names[1]) {
        rc = def_value(ncid, names[0], 2, rdims, long_names[0], "account_unit", &vars[1]);
        if (!rc)
            rc = def_value(ncid, names[1], 1, &d->account, long_names[1], "account_unit",
                           &vars[2]);
    }
    for (int k = 0; k < 2; k++) {
        free(names[k]);
        free(long_names[k]);
    }
    return rc;
}

/* put_field -- field f in C order, plus its totals for additive results.
 * Totals sum rows in order, so NaN in any row makes its totals NaN. */
static int put_field(int ncid, const clio_result *r, size_t f, const rs_out *o, const int *vars)
{
    size_t na = r->naccounts;
    for (size_t i = 0; i < r->nrows; i++)
        for (size_t a = 0; a < na; a++)
            o->buf[i * na + a] = clio_result_value(r, i, a, f);
    int rc = nc_put_var_double(ncid, vars[0], o->buf);
    if (rc || !r->additive)
        return rc;
    memset(o->region_total, 0, r->nregions * na * sizeof(double));
    memset(o->total, 0, na * sizeof(double));
    for (size_t i = 0; i < r->nrows; i++) {
        if (r->row_region[i] == CLIO_NONE)
            continue;
        double *rt = o->region_total + r->row_region[i] * na;
        for (size_t a = 0; a < na; a++) {
            rt[a] += o->buf[i * na + a];
            o->total[a] += o->buf[i * na + a];
        }
    }
    rc = nc_put_var_double(ncid, vars[1], o->region_total);
    return rc ? rc : nc_put_var_double(ncid, vars[2], o->total);
}

static int write_result(int ncid, const void *result, const void *out)
{
    const clio_result *r = result;
    const rs_out *o = out;
    rs_dims d;
    rs_vars v;
    int rc = clioi_nc_def_globals(ncid, 0, r->kind, r->title, NULL, NULL);
    if (!rc && r->description)
        rc = clioi_nc_put_text(ncid, NC_GLOBAL, "description", r->description);
    if (!rc)
        rc = def_labels(ncid, r, &d, &v);
    for (size_t f = 0; f < r->nfields && !rc; f++)
        rc = def_field(ncid, r, f, &d, o->field_vars + 3 * f);
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = nc_put_var_string(ncid, v.sector, (const char **)o->labels.keys);
    if (!rc)
        rc = nc_put_var_string(ncid, v.sector_name, (const char **)r->row_sector);
    if (!rc)
        rc = nc_put_var_int(ncid, v.sector_region, o->labels.sector_region);
    if (!rc)
        rc = nc_put_var_string(ncid, v.region, (const char **)r->regions);
    if (!rc)
        rc = nc_put_var_string(ncid, v.account, (const char **)r->accounts);
    if (!rc)
        rc = nc_put_var_string(ncid, v.account_unit, o->labels.units);
    if (!rc && r->row_class)
        rc = nc_put_var_string(ncid, v.row_class, (const char **)r->row_class);
    for (size_t f = 0; f < r->nfields && !rc; f++)
        rc = put_field(ncid, r, f, o, o->field_vars + 3 * f);
    return rc;
}

static const clioi_nc_writer result_writer = {check_result, out_make, write_result, out_free};

int clio_result_write_netcdf(const clio_result *r, const char *path, clio_error *err)
{
    rs_out o;
    return clioi_nc_write(&result_writer, r, &o, path, err);
}

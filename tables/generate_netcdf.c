/* generate_netcdf.c -- clio_generate: the synthetic table (generate.c)
 * written straight to a clio NetCDF table (docs/netcdf-schema.md), Z in
 * slabs of whole columns, so that no n x n matrix is ever held.  The file
 * has the variables, dimensions and attributes netcdf_write.c gives a
 * table; only the way the numbers get there differs. */
#include "generate.h"
#include "netcdf_sparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Matrices are chunked and deflated, or contiguous and plain, as
 * netcdf_write.c stores them (clioi_nc_def_matrix_storage: the setting of
 * clio_netcdf_set_compression; the timings are in docs/generate.md). */

#define SECTOR_COORDS "sector_name sector_region"

/* The labels, as the file holds them (every string owned). */
typedef struct gen_labels {
    size_t R, S, K, M, n, nfd;
    char **regions, **sectors, **fd_kinds, **sat_names, **sat_units;
    char **names;          /* n pointers into sectors */
    size_t *sector_region; /* n */
    char **fd_names;       /* nfd pointers into fd_kinds */
    int *fd_region;        /* nfd */
    clioi_nc_labels nc;    /* keys, int regions, units */
    char title[256];
} gen_labels;

typedef struct gen_vars {
    clioi_nc_label_vars l; /* the label variables */
    int Z, Y, V, S, x;
} gen_vars;

/* label -- "R07", "s012": a prefix and i + 1 in as many digits as count
 * needs (at least 2), so that labels sort in order. */
static char *label(const char *prefix, size_t i, size_t count)
{
    size_t width = 2;
    for (size_t c = count; c >= 100; c /= 10)
        width++;
    char num[32], buf[64];
    snprintf(num, sizeof num, "%zu", i + 1);
    size_t len = strlen(num), pad = width > len ? width - len : 0;
    snprintf(buf, sizeof buf, "%s%.*s%s", prefix, (int)pad, "0000000000000000000000", num);
    return clioi_strdup(buf);
}

static void labels_free(void *out)
{
    gen_labels *l = out;
    clioi_free_labels(l->regions, l->R);
    clioi_free_labels(l->sectors, l->S);
    clioi_free_labels(l->fd_kinds, l->K);
    clioi_free_labels(l->sat_names, l->M);
    clioi_free_labels(l->sat_units, l->M);
    free(l->names);
    free(l->sector_region);
    free(l->fd_names);
    free(l->fd_region);
    clioi_nc_labels_free(&l->nc);
}

static int labels_alloc(gen_labels *l)
{
    l->regions = clioi_calloc_array(l->R, sizeof *l->regions);
    l->sectors = clioi_calloc_array(l->S, sizeof *l->sectors);
    l->fd_kinds = clioi_calloc_array(l->K, sizeof *l->fd_kinds);
    l->sat_names = clioi_calloc_array(l->M, sizeof *l->sat_names);
    l->sat_units = clioi_calloc_array(l->M, sizeof *l->sat_units);
    l->names = clioi_calloc_array(l->n, sizeof *l->names);
    l->sector_region = clioi_calloc_array(l->n, sizeof *l->sector_region);
    l->fd_names = clioi_calloc_array(l->nfd, sizeof *l->fd_names);
    l->fd_region = clioi_calloc_array(l->nfd, sizeof *l->fd_region);
    return l->regions && l->sectors && l->fd_kinds && l->sat_names && l->sat_units && l->names &&
           l->sector_region && l->fd_names && l->fd_region;
}

/* labels_make -- the writer's `make`: every label of the file. */
static int labels_make(void *out, const void *obj)
{
    const clioi_gen *g = obj;
    gen_labels *l = out;
    memset(l, 0, sizeof *l);
    l->R = g->o.regions, l->S = g->o.sectors, l->K = g->o.fd_categories;
    l->M = g->o.satellites, l->n = g->n, l->nfd = g->nfd;
    int ok = labels_alloc(l);
    char buf[64];
    for (size_t r = 0; ok && r < l->R; r++)
        ok = (l->regions[r] = label("R", r, l->R)) != NULL;
    for (size_t s = 0; ok && s < l->S; s++)
        ok = (l->sectors[s] = label("s", s, l->S)) != NULL;
    for (size_t c = 0; ok && c < l->K; c++)
        ok = (l->fd_kinds[c] = clioi_strdup(clioi_gen_fd_name(c, buf, sizeof buf))) != NULL;
    for (size_t m = 0; ok && m < l->M; m++)
        ok = (l->sat_names[m] = clioi_strdup(clioi_gen_sat_name(m, buf, sizeof buf))) &&
             (l->sat_units[m] = clioi_strdup(clioi_gen_sat_unit(m)));
    for (size_t i = 0; ok && i < l->n; i++) {
        l->names[i] = l->sectors[i % l->S];
        l->sector_region[i] = i / l->S;
    }
    for (size_t k = 0; ok && k < l->nfd; k++) {
        l->fd_names[k] = l->fd_kinds[k % l->K];
        l->fd_region[k] = (int)(k / l->K);
    }
    if (ok)
        ok = clioi_nc_labels_make(&l->nc, l->n, l->names, l->sector_region, l->regions, l->R,
                                  l->sat_units, l->M) == CLIO_OK;
    if (!ok) {
        labels_free(l);
        return CLIO_ENOMEM;
    }
    snprintf(l->title, sizeof l->title,
             "synthetic multi-regional table: %zu regions x %zu sectors, seed %llu%s", l->R, l->S,
             g->o.seed, g->A ? ", sparse" : "");
    return CLIO_OK;
}

static int check(const void *obj, const char *path, clio_error *err)
{
    (void)obj;
    if (!path)
        return clioi_fail(err, CLIO_EINVAL, "clio_generate: NULL path");
    return CLIO_OK;
}


/* def_matrix -- M(row, col) as a variable (col, row), stored as every
 * table file's matrices (clioi_nc_def_matrix_storage). */
static int def_matrix(int ncid, const char *name, int outer, int inner, size_t outer_len,
                      size_t inner_len, const char *long_name, const char *units,
                      const char *layout, const char *coords, int *varid)
{
    *varid = -1;
    if (outer < 0 || inner < 0)
        return NC_NOERR;
    int dims[2] = {outer, inner};
    int rc = nc_def_var(ncid, name, NC_DOUBLE, 2, dims, varid);
    if (!rc)
        rc = clioi_nc_def_matrix_storage(ncid, *varid, outer_len, inner_len);
    if (!rc)
        rc = nc_def_var_fill(ncid, *varid, NC_NOFILL, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "long_name", long_name);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "units", units);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "clio_layout", layout);
    if (!rc)
        rc = clioi_nc_put_text(ncid, *varid, "coordinates", coords);
    return rc;
}

#define UNIT "USD million"

static int def_data(int ncid, const clioi_gen *g, const int *dim, gen_vars *v)
{
    size_t n = g->n;
    /* a sparse Z (clio generate --sparse) is netcdf_sparse_write.c's */
    int rc = def_matrix(ncid, "Z", g->A ? -1 : dim[1], dim[0], n, n,
                        "intermediate flows from sector to buying_sector", UNIT,
                        "column-major: Z(i,j), the flow from sector i to buying sector j, is "
                        "Z[j][i]",
                        SECTOR_COORDS, &v->Z);
    if (!rc)
        rc = def_matrix(ncid, "Y", dim[3], dim[0], g->nfd, n,
                        "final demand for the products of each sector", UNIT,
                        "column-major: Y(i,k), sector i's sales to final-demand column k, is "
                        "Y[k][i]",
                        SECTOR_COORDS " final_demand_region", &v->Y);
    if (!rc)
        rc = def_matrix(ncid, "V", dim[0], dim[4], n, CLIOI_GEN_NVA, "value added by each sector",
                        UNIT, "column-major: V(r,j), component r in sector j, is V[j][r]",
                        SECTOR_COORDS, &v->V);
    if (!rc)
        rc = def_matrix(ncid, "satellite", dim[0], dim[5], n, g->o.satellites,
                        "satellite accounts of each sector (units in account_unit)", NULL,
                        "column-major: S(r,j), account r of sector j, is satellite[j][r]",
                        SECTOR_COORDS " account_unit", &v->S);
    if (!rc)
        rc = nc_def_var(ncid, "x", NC_DOUBLE, 1, &dim[0], &v->x);
    if (!rc)
        rc = nc_def_var_fill(ncid, v->x, NC_NOFILL, NULL);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->x, "long_name", "total output of each sector");
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->x, "units", UNIT);
    if (!rc)
        rc = clioi_nc_put_text(ncid, v->x, "coordinates", SECTOR_COORDS);
    return rc;
}

static int put_labels(int ncid, const gen_labels *l, const gen_vars *v)
{
    int rc = nc_put_var_string(ncid, v->l.sector, (const char **)l->nc.keys);
    if (!rc)
        rc = nc_put_var_string(ncid, v->l.buying, (const char **)l->nc.keys);
    if (!rc)
        rc = nc_put_var_string(ncid, v->l.region, (const char **)l->regions);
    if (!rc)
        rc = nc_put_var_int(ncid, v->l.sector_region, l->nc.sector_region);
    if (!rc)
        rc = nc_put_var_string(ncid, v->l.sector_name, (const char **)l->names);
    if (!rc)
        rc = nc_put_var_string(ncid, v->l.fd, (const char **)l->fd_names);
    if (!rc)
        rc = nc_put_var_int(ncid, v->l.fd_region, l->fd_region);
    if (!rc)
        rc = nc_put_var_string(ncid, v->l.va, (const char **)clioi_gen_va_names);
    if (!rc && v->l.account >= 0)
        rc = nc_put_var_string(ncid, v->l.account, (const char **)l->sat_names);
    if (!rc && v->l.account_unit >= 0)
        rc = nc_put_var_string(ncid, v->l.account_unit, l->nc.units);
    return rc;
}

/* put_z -- Z in slabs of whole columns; on the way, the row sums
 * (g->rowsum) and value added (V, nva x n), which closes each column. */
static int put_z(int ncid, clioi_gen *g, int varid, double *V)
{
    size_t n = g->n;
    size_t k = clioi_nc_chunk_columns(n, n); /* a slab is one chunk when Z is chunked */
    double *slab = clioi_calloc_array(k * n, sizeof *slab);
    if (!slab)
        return NC_ENOMEM;
    memset(g->rowsum, 0, n * sizeof *g->rowsum);
    int rc = NC_NOERR;
    for (size_t j0 = 0; j0 < n && !rc; j0 += k) {
        size_t cols = j0 + k <= n ? k : n - j0;
        memset(slab, 0, cols * n * sizeof *slab);
        for (size_t j = j0; j < j0 + cols; j++) {
            double *col = slab + (j - j0) * n, bought = 0.0;
            size_t nnz = clioi_gen_column(g, j);
            for (size_t e = 0; e < nnz; e++) {
                double z = g->val[e] * g->x[j];
                col[g->idx[e]] = z;
                g->rowsum[g->idx[e]] += z;
                bought += z;
            }
            clioi_gen_value_added(g, j, g->x[j] - bought, V + j * CLIOI_GEN_NVA);
        }
        size_t start[2] = {j0, 0}, count[2] = {cols, n};
        rc = nc_put_vara_double(ncid, varid, start, count, slab);
        clioi_progress("generating: Z", (double)(j0 + cols) / (double)n);
    }
    free(slab);
    return rc;
}

/* put_rest -- Y column by column from the rows' final sales, V, the
 * satellites and x. */
static int put_rest(int ncid, clioi_gen *g, const gen_vars *v, const double *V)
{
    size_t n = g->n, M = g->o.satellites;
    double *f = clioi_calloc_array(n, sizeof *f), *y = clioi_calloc_array(n, sizeof *y);
    double *S = clioi_calloc_array(M * n, sizeof *S);
    int rc = f && y && S ? NC_NOERR : NC_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        f[i] = g->x[i] - g->rowsum[i];
        if (!(f[i] > 0.0)) /* settle_output rules it out: f >= y / 2 */
            rc = NC_ERANGE;
    }
    for (size_t k = 0; k < g->nfd && !rc; k++) {
        clioi_gen_final_demand(g, k, f, y);
        size_t start[2] = {k, 0}, count[2] = {1, n};
        rc = nc_put_vara_double(ncid, v->Y, start, count, y);
    }
    if (!rc)
        rc = nc_put_var_double(ncid, v->V, V);
    if (!rc && v->S >= 0) {
        clioi_gen_satellites(g, S);
        rc = nc_put_var_double(ncid, v->S, S);
    }
    if (!rc)
        rc = nc_put_var_double(ncid, v->x, g->x);
    free(f);
    free(y);
    free(S);
    return rc;
}

/* fill -- the writer's `fill`: the whole file into an empty dataset. */
static int fill(int ncid, const void *obj, const void *out)
{
    clioi_gen *g = (clioi_gen *)obj; /* its scratch vectors are written to */
    const gen_labels *l = out;
    int dim[6];
    const clioi_nc_dim dims[] = {
        {"sector", g->n, &dim[0]},        {"buying_sector", g->n, &dim[1]},
        {"region", g->o.regions, &dim[2]}, {"final_demand", g->nfd, &dim[3]},
        {"value_added", CLIOI_GEN_NVA, &dim[4]}, {"account", g->o.satellites, &dim[5]},
    };
    gen_vars v;
    clioi_nc_sparse_vars sv;
    int rc = clioi_nc_def_globals(ncid, g->A ? CLIOI_NC_VERSION_SPARSE : CLIOI_NC_VERSION_DENSE,
                                  NULL, l->title, UNIT,
                                  "clio generate: synthetic multi-regional input-output table "
                                  "(docs/generate.md)");
    if (!rc)
        rc = clioi_nc_def_dims(ncid, dims, sizeof dims / sizeof dims[0]);
    if (!rc)
        rc = clioi_nc_def_table_labels(ncid, dim, &v.l);
    if (!rc)
        rc = def_data(ncid, g, dim, &v);
    if (!rc && g->A)
        rc = clioi_nc_sparse_def(ncid, g->n, g->A->nnz, UNIT, &sv);
    if (!rc)
        rc = nc_enddef(ncid);
    if (!rc)
        rc = put_labels(ncid, l, &v);
    double *V = rc ? NULL : clioi_calloc_array(CLIOI_GEN_NVA * g->n, sizeof *V);
    if (!rc && !V)
        rc = NC_ENOMEM;
    if (!rc && g->A) {
        clioi_gen_sparse_flows(g, V);
        rc = clioi_nc_sparse_put(ncid, &sv, g->A);
    } else if (!rc) {
        rc = put_z(ncid, g, v.Z, V);
    }
    if (!rc)
        rc = put_rest(ncid, g, &v, V);
    free(V);
    return rc;
}

static const clioi_nc_writer generate_writer = {check, labels_make, fill, labels_free};

/* generate -- the dense model (nonzeros 0) or the sparse one. */
static int generate(const clio_generate_options *o, size_t nonzeros, const char *path,
                    clio_error *err)
{
    if (!path)
        return clioi_fail(err, CLIO_EINVAL, "clio_generate: NULL path");
    clioi_gen g;
    int status = clioi_gen_init(&g, o, err);
    if (status != CLIO_OK)
        return status;
    g.nonzeros = nonzeros;
    if (nonzeros)
        status = clioi_gen_sparse_build(&g, err);
    if (status == CLIO_OK)
        status = clioi_gen_settle_output(&g, err);
    if (status == CLIO_OK) {
        gen_labels l;
        status = clioi_nc_write(&generate_writer, &g, &l, path, err);
    }
    clioi_gen_free(&g);
    return status;
}

int clio_generate(const clio_generate_options *o, const char *path, clio_error *err)
{
    return generate(o, 0, path, err);
}

int clio_generate_sparse(const clio_generate_options *o, size_t nonzeros_per_column,
                         const char *path, clio_error *err)
{
    if (nonzeros_per_column == 0)
        return clioi_fail(err, CLIO_EINVAL,
                          "clio_generate_sparse: at least 1 entry a column (0 given)");
    return generate(o, nonzeros_per_column, path, err);
}
